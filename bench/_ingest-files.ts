// The files part of `npm run bench -- ingest`: how fast a file reader thread reads PDF pages,
// DOCX and HTML on this machine, and the largest event-loop delays of the server while one job
// of 200 files (PDF, DOCX, HTML) goes through the whole pipeline, on PostgreSQL and embedded.
// The files are made here with pdfkit and docx, from the generated corpus. Delays are sampled
// every 10 ms (monitorEventLoopDelay's resolution), which every figure includes.
import { Readable } from 'node:stream';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { Database } from '../src/db/database.js';
import { storeFile } from '../src/files/store-file.js';
import { encodeId } from '../src/graphql/ids.js';
import { createFileReaderPool } from '../src/ingest/file-reader-pool.js';
import { prepareFileContent } from '../src/ingest/prepare-file-content.js';
import { submitIngest } from '../src/ingest/submit-ingest.js';
import { DEFAULT_WORKSPACE_ID } from '../src/workspaces/default-workspace.js';
import { generateCorpus, type CorpusDocument } from '../test/support/corpus.js';
import { makeDocx, makePdf, type Block } from '../test/support/document-files.js';
import { startIngestBench } from './_ingest-server.js';
import { median, round } from './_support.js';

const JOB_FILES = 200;
const SPEED_REPEATS = 5;

// A corpus document as blocks: its title and section headings, its sentences as paragraphs.
function blocksOf(document: CorpusDocument): Block[] {
  return document.markdown.split('\n').flatMap((line): Block[] => {
    if (line.startsWith('## ')) return [{ heading: line.slice(3), level: 2 }];
    if (line.startsWith('# ')) return [{ heading: line.slice(2) }];
    return line.trim() ? [{ paragraph: line }] : [];
  });
}

function htmlOf(documents: readonly CorpusDocument[]): string {
  const body = documents
    .flatMap(blocksOf)
    .map((block) =>
      'heading' in block
        ? `<h${block.level ?? 1}>${block.heading}</h${block.level ?? 1}>`
        : `<p class="body"><span>${'paragraph' in block ? block.paragraph : ''}</span></p>`,
    )
    .join('\n');
  return `<!doctype html><html><head><title>t</title><style>p{margin:0}</style></head><body><nav><a href="/">Home</a></nav><main>${body}</main><script>var x = 1;</script></body></html>`;
}

/** A file of the job: name, media type, bytes, and pages for a PDF. */
interface BenchFile {
  name: string;
  mediaType: string;
  content: Buffer;
  pages: number;
}

async function makeFiles(count: number, seed: number): Promise<BenchFile[]> {
  const corpus = generateCorpus(count * 3, seed);
  const files: BenchFile[] = [];
  for (let i = 0; i < count; i++) {
    const docs = corpus.slice(i * 3, i * 3 + 3);
    const kind = i % 4;
    if (kind < 2) {
      // Three pages, one corpus document each.
      const content = await makePdf(docs.map(blocksOf));
      files.push({ name: `f${i}.pdf`, mediaType: 'application/pdf', content, pages: 3 });
    } else if (kind === 2) {
      const content = await makeDocx(docs.flatMap(blocksOf));
      files.push({
        name: `f${i}.docx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        content,
        pages: 0,
      });
    } else {
      const content = Buffer.from(htmlOf(docs));
      files.push({ name: `f${i}.html`, mediaType: 'text/html', content, pages: 0 });
    }
  }
  return files;
}

/** Pages per second (PDF) and MB per second (DOCX, HTML) read by one file reader thread. */
async function readSpeed() {
  const corpus = generateCorpus(60, 21);
  const pdf = await makePdf(corpus.slice(0, 30).map(blocksOf));
  const docx = await makeDocx(corpus.slice(30, 60).flatMap(blocksOf));
  const html = Buffer.from(htmlOf(generateCorpus(600, 22)));
  const reader = createFileReaderPool({ threads: 1 });
  try {
    // The first file starts the thread and loads PDF.js and mammoth: timed on its own.
    let started = performance.now();
    await reader.prepare('pdf', Buffer.from(pdf));
    const firstPdfMs = round(performance.now() - started);
    await reader.prepare('docx', Buffer.from(docx));
    await reader.prepare('html', Buffer.from(html));
    const timed = async (format: 'pdf' | 'docx' | 'html', content: Buffer) => {
      const seconds: number[] = [];
      for (let i = 0; i < SPEED_REPEATS; i++) {
        started = performance.now();
        await reader.prepare(format, Buffer.from(content));
        seconds.push((performance.now() - started) / 1000);
      }
      return median(seconds);
    };
    const mb = (bytes: number) => bytes / 1024 / 1024;
    return {
      firstPdfMsWithThreadStart: firstPdfMs,
      pdf: {
        pages: 30,
        bytes: pdf.length,
        pagesPerSecond: round(30 / (await timed('pdf', pdf)), 0),
      },
      docx: {
        bytes: docx.length,
        mbPerSecond: round(mb(docx.length) / (await timed('docx', docx))),
      },
      html: {
        bytes: html.length,
        mbPerSecond: round(mb(html.length) / (await timed('html', html))),
      },
    };
  } finally {
    await reader.close();
  }
}

async function waitForJob(db: Database, jobId: string) {
  for (;;) {
    await new Promise((r) => setTimeout(r, 50));
    const row = (
      await db.pool.query<{ status: string; done: number; failed: number }>(
        `SELECT status, documents_done AS done, documents_failed AS failed
         FROM ingest_jobs WHERE id = $1`,
        [jobId],
      )
    ).rows[0]!;
    if (row.status !== 'QUEUED' && row.status !== 'RUNNING') return row;
  }
}

/** The server's event-loop delay (p99, max) while one job of {@link JOB_FILES} files runs. */
async function loopDelayDuringJob(mode: Database['mode'], files: readonly BenchFile[]) {
  const { bench, services, newCollection } = await startIngestBench(mode);
  try {
    const collectionId = await newCollection('files');
    // A warm-up job of text first, as in the chunks bench: what a running server has loaded
    // once (the tokenizer's tables, compiled code) is not this job's delay.
    const deps = { ...services, embedder: services.models.embedding };
    await waitForJob(
      bench.db,
      (
        await submitIngest(deps, DEFAULT_WORKSPACE_ID, collectionId, {
          documents: generateCorpus(20, 3),
        })
      ).id,
    );
    const stored = [];
    for (const file of files) {
      const row = await storeFile(
        bench.db.pool,
        DEFAULT_WORKSPACE_ID,
        { name: file.name, mediaType: file.mediaType },
        Readable.from([file.content]),
        () => false,
      );
      stored.push({ title: file.name, fileId: encodeId('File', row!.id) });
    }
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const job = await submitIngest(deps, DEFAULT_WORKSPACE_ID, collectionId, {
      documents: stored,
    });
    const row = await waitForJob(bench.db, job.id);
    const seconds = (performance.now() - started) / 1000;
    delay.disable();
    const ms = (ns: number) => round(ns / 1e6);
    return {
      mode,
      files: files.length,
      pdfPages: files.reduce((n, file) => n + file.pages, 0),
      status: row.status,
      documentsDone: row.done,
      documentsFailed: row.failed,
      seconds: round(seconds),
      filesPerSecond: round(files.length / seconds, 1),
      fileReaderThreads: services.fileReader?.threads ?? 0,
      loopDelayMs: {
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
      },
    };
  } finally {
    await services.stop();
    await bench.dispose();
  }
}

/**
 * The longest a file of the job would block the event loop if it were read there, as it was
 * before the file reader threads: each file read on this thread, once warm.
 */
async function longestReadOnEventLoop(files: readonly BenchFile[]) {
  const formats = { 'application/pdf': 'pdf', 'text/html': 'html' } as const;
  const longest: Record<string, number> = {};
  for (const [index, file] of files.entries()) {
    const format = formats[file.mediaType as keyof typeof formats] ?? 'docx';
    const started = performance.now();
    await prepareFileContent(format, file.content);
    const ms = performance.now() - started;
    // The first of each format loads its library: not a running server's case.
    if (index >= 4) longest[format] = Math.max(longest[format] ?? 0, round(ms));
  }
  return longest;
}

/** The files bench: reading speed, then the loop delay during a job on both databases. */
export async function benchIngestFiles() {
  const speed = await readSpeed();
  const files = await makeFiles(JOB_FILES, 31);
  const longestMsIfReadOnEventLoop = await longestReadOnEventLoop(files);
  const postgres = await loopDelayDuringJob('POSTGRES', files);
  const embedded = await loopDelayDuringJob('EMBEDDED', files);
  return {
    targetLoopDelayP99MsPostgres: 50,
    readSpeed: speed,
    longestMsIfReadOnEventLoop,
    postgres,
    embedded,
  };
}
