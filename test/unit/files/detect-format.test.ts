import { describe, expect, it } from 'vitest';
import { decodeText, detectFormat } from '../../../src/files/detect-format.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('detectFormat: content first, then declared type, then extension', () => {
  it('refuses binary formats by their signature, whatever the name and declared type say', () => {
    expect(detectFormat(PNG, 'text/plain', 'notes.txt')).toEqual({
      readable: false,
      mediaType: 'image/png',
    });
    // A PNG renamed and declared as a PDF is still a PNG.
    expect(detectFormat(PNG, 'application/pdf', 'photo.pdf')).toEqual({
      readable: false,
      mediaType: 'image/png',
    });
    expect(detectFormat(Buffer.from([0x50, 0x4b, 3, 4, 20]), '', 'a.zip')).toEqual({
      readable: false,
      mediaType: 'application/zip',
    });
  });

  it('reads a PDF by its signature and a DOCX by its main part, whatever the name says', () => {
    expect(detectFormat(utf8('%PDF-1.7\n...'), 'text/markdown', 'a.md')).toEqual({
      readable: true,
      format: 'pdf',
      mediaType: 'application/pdf',
    });
    const docx = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4, 20]), utf8('word/document.xml')]);
    expect(detectFormat(docx, 'application/zip', 'archive.zip')).toMatchObject({
      readable: true,
      format: 'docx',
    });
  });

  it('reads a zip or unknown binary as the PDF or DOCX its declared type or name says', () => {
    const zip = Buffer.from([0x50, 0x4b, 3, 4, 20]);
    expect(detectFormat(zip, '', 'a.docx')).toMatchObject({ readable: true, format: 'docx' });
    expect(detectFormat(zip, '', 'a.pdf').readable).toBe(false);
    const cfb = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(detectFormat(cfb, '', 'locked.docx')).toMatchObject({ format: 'docx' });
    expect(detectFormat(cfb, '', 'old.doc')).toEqual({
      readable: false,
      mediaType: 'application/x-cfb',
    });
    const binary = Buffer.from([0xc3, 0x28, 0x41]);
    expect(detectFormat(binary, 'application/pdf', 'a')).toMatchObject({ format: 'pdf' });
    // Text is never a PDF, whatever its name.
    expect(detectFormat(utf8('plain words'), 'application/pdf', 'a.pdf')).toMatchObject({
      format: 'text',
    });
  });

  it('refuses content that is not UTF-8 or holds NUL', () => {
    expect(detectFormat(Buffer.from([0xc3, 0x28, 0x41]), 'text/plain', 'a.txt')).toEqual({
      readable: false,
      mediaType: 'application/octet-stream',
    });
    expect(detectFormat(utf8('a\u0000b'), 'text/plain', 'a.txt').readable).toBe(false);
  });

  it('forgives a character cut at the end of the sample', () => {
    const cut = utf8('Grüße').subarray(0, 4);
    expect(detectFormat(cut, 'text/plain', 'a.txt')).toMatchObject({ format: 'text' });
  });

  it('recognises HTML by content even when declared otherwise', () => {
    for (const start of ['<!DOCTYPE html><html>', '  <html lang="en">', '<!-- x -->\n<body>']) {
      expect(detectFormat(utf8(start), 'text/plain', 'a.txt')).toEqual({
        readable: true,
        format: 'html',
        mediaType: 'text/html',
      });
    }
  });

  it('then takes the declared type, then the extension, then plain text', () => {
    expect(detectFormat(utf8('# Title'), 'text/markdown', 'a.txt')).toMatchObject({
      format: 'markdown',
    });
    expect(detectFormat(utf8('<p>x</p>'), 'text/html', 'a')).toMatchObject({ format: 'html' });
    expect(detectFormat(utf8('# Title'), 'application/octet-stream', 'README.MD')).toMatchObject({
      format: 'markdown',
    });
    expect(detectFormat(utf8('<p>x</p>'), '', 'page.htm')).toMatchObject({ format: 'html' });
    expect(detectFormat(utf8('just words'), '', 'noext')).toMatchObject({ format: 'text' });
  });
});

describe('decodeText', () => {
  it('decodes UTF-8 without its byte order mark and refuses anything else', () => {
    expect(decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toBe('hi');
    expect(decodeText(Buffer.from([0xff, 0xfe, 0x68, 0x00]))).toBeNull();
  });
});
