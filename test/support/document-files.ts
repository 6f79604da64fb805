// Real PDF and DOCX files made in the tests: pdfkit writes PDFs (several pages, a larger heading
// font, a table of positioned cells, an encryption with a user password), docx writes Word
// documents with heading styles, a bulleted list and a table.
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  type FileChild,
} from 'docx';
import PDFDocument from 'pdfkit';

/** One block of a made document. */
export type Block =
  | { heading: string; level?: 1 | 2 }
  | { paragraph: string }
  | { bullets: string[] }
  | { table: string[][] };

/** Options of {@link makePdf}. */
export interface PdfOptions {
  /** Encrypts the PDF: it opens only with this password. Default: not encrypted. */
  userPassword?: string;
}

/**
 * A PDF with one page per element of `pages`: headings at 20 (level 1) or 16 (level 2) points,
 * paragraphs and bullets at 11, a table as cells at fixed columns.
 */
export function makePdf(pages: readonly Block[][], options: PdfOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const doc = new PDFDocument({
      autoFirstPage: false,
      ...(options.userPassword ? { userPassword: options.userPassword } : {}),
    });
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.on('error', reject);
    for (const blocks of pages) {
      doc.addPage();
      for (const block of blocks) {
        if ('heading' in block) {
          doc
            .moveDown()
            .fontSize(block.level === 2 ? 16 : 20)
            .text(block.heading);
        } else if ('paragraph' in block) {
          doc.moveDown().fontSize(11).text(block.paragraph);
        } else if ('bullets' in block) {
          doc.moveDown().fontSize(11).list(block.bullets);
        } else {
          doc.moveDown().fontSize(11);
          for (const row of block.table) {
            const y = doc.y;
            row.forEach((cell, column) => doc.text(cell, 72 + column * 150, y, { width: 140 }));
            doc.x = 72;
            doc.moveDown(0.5);
          }
        }
      }
    }
    doc.end();
  });
}

/** A DOCX of `blocks`: headings in the Heading 1/2 styles, bullets as a list, tables. */
export async function makeDocx(blocks: readonly Block[]): Promise<Buffer> {
  const children: FileChild[] = blocks.flatMap((block): FileChild[] => {
    if ('heading' in block) {
      const heading = block.level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_1;
      return [new Paragraph({ text: block.heading, heading })];
    }
    if ('paragraph' in block) return [new Paragraph({ text: block.paragraph })];
    if ('bullets' in block) {
      return block.bullets.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    }
    return [
      new Table({
        rows: block.table.map(
          (row) =>
            new TableRow({
              children: row.map((cell) => new TableCell({ children: [new Paragraph(cell)] })),
            }),
        ),
      }),
    ];
  });
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
