import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A fenced code block of a Markdown file. */
export interface FencedBlock {
  /** Path from the repository root, e.g. `docs/models.md`. */
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string's language (`graphql`, `json`, `sh`…), or `''`. */
  lang: string;
  /** The block's text, without its fences and indentation. */
  code: string;
  /** `name` of a `<!-- doc-test: name -->` comment just before the block (blank lines between). */
  marker?: string;
}

const FENCE = /^(\s*)(`{3,})\s*([\w-]*)[^`]*$/u;
const MARKER = /^\s*<!--\s*doc-test:\s*([\w-]+)\s*-->\s*$/u;

/** Every fenced block of `file` (a path from the repository root), in order. */
export function fencedBlocks(file: string): FencedBlock[] {
  const lines = readFileSync(`${ROOT}${file}`, 'utf8').split('\n');
  const blocks: FencedBlock[] = [];
  let marker: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const markerMatch = MARKER.exec(line);
    if (markerMatch) {
      marker = markerMatch[1];
      continue;
    }
    const open = FENCE.exec(line);
    if (!open) {
      if (line.trim() !== '') marker = undefined;
      continue;
    }
    const [, indent = '', ticks = '```', lang = ''] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = lines[j]!;
      if (close.trim().startsWith(ticks) && close.trim().replaceAll('`', '') === '') break;
      body.push(close.startsWith(indent) ? close.slice(indent.length) : close.trimStart());
    }
    blocks.push({
      file,
      line: i + 1,
      lang,
      code: body.join('\n'),
      ...(marker === undefined ? {} : { marker }),
    });
    marker = undefined;
    i = j;
  }
  return blocks;
}

/** The one block of `file` marked `<!-- doc-test: name -->`; throws when there is not exactly one. */
export function markedBlock(file: string, name: string): FencedBlock {
  const found = fencedBlocks(file).filter((block) => block.marker === name);
  if (found.length !== 1) {
    throw new Error(
      `${file}: expected one block marked "doc-test: ${name}", found ${found.length}`,
    );
  }
  return found[0]!;
}

/** Splits a shell command line into words: single and double quotes, backslash-newlines. */
export function shellWords(command: string): string[] {
  const text = command.replace(/\\\n/gu, ' ');
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (char === "'" || char === '"') {
      const end = text.indexOf(char, i + 1);
      if (end < 0) throw new Error(`unterminated ${char} in: ${command}`);
      word = (word ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (/\s/u.test(char)) {
      if (word !== null) words.push(word);
      word = null;
    } else if (char === '#' && word === null) {
      break; // a comment
    } else {
      word = (word ?? '') + char;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

/** A command line split into its leading `NAME=value` assignments and the command itself. */
export function envCommand(command: string): { env: Record<string, string>; argv: string[] } {
  const words = shellWords(command);
  const env: Record<string, string> = {};
  while (words.length > 0 && /^[A-Za-z_][A-Za-z0-9_]*=/u.test(words[0]!)) {
    const assignment = words.shift()!;
    const at = assignment.indexOf('=');
    env[assignment.slice(0, at)] = assignment.slice(at + 1);
  }
  return { env, argv: words };
}

/** An HTTP request as a `curl` command line describes it (the options the docs use). */
export interface CurlRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Reads `curl [-s] [-X METHOD] [-H 'name: value']… [-d 'body'] URL` into a request. */
export function parseCurl(command: string): CurlRequest {
  const words = shellWords(command);
  if (words.shift() !== 'curl') throw new Error(`not a curl command: ${command}`);
  const request: CurlRequest = { method: '', url: '', headers: {} };
  while (words.length > 0) {
    const word = words.shift()!;
    if (word === '-s') continue;
    if (word === '-X') request.method = words.shift() ?? '';
    else if (word === '-H') {
      const header = words.shift() ?? '';
      const at = header.indexOf(':');
      request.headers[header.slice(0, at).trim().toLowerCase()] = header.slice(at + 1).trim();
    } else if (word === '-d') request.body = words.shift() ?? '';
    else if (word.startsWith('-')) throw new Error(`curl option ${word} is not understood`);
    else request.url = /^https?:\/\//u.test(word) ? word : `http://${word}`;
  }
  request.method ||= request.body === undefined ? 'GET' : 'POST';
  if (request.url === '') throw new Error(`no URL in: ${command}`);
  return request;
}
