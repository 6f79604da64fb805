import { BREAK, Kind, visit, type DocumentNode } from 'graphql';
import { AppError } from '../errors.js';

/** Deepest nesting of arrays and objects accepted in variables (metadata, filters). */
export const MAX_INPUT_DEPTH = 32;

// PostgreSQL's text cannot hold NUL (22021), and a lone UTF-16 surrogate is no character at
// all (its UTF-8 encoding fails: 22P05); neither can be stored, so neither is accepted.
// eslint-disable-next-line no-control-regex -- NUL is exactly what is looked for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describe(text: string): string {
  return text.includes('\u0000') ? 'a NUL character' : 'an unpaired UTF-16 surrogate';
}

/**
 * Refuses, before anything executes, input that no field could store: a string (value or
 * object key) holding NUL or a lone surrogate, anywhere in the variables or in the
 * document's string literals, and variables nested deeper than {@link MAX_INPUT_DEPTH}. The
 * same check for HTTP and graphql-ws; iterative, so no input can exhaust the stack.
 * @throws {AppError} `BAD_USER_INPUT` naming where (`extensions.field`, e.g. `input.documents.0.title`).
 */
export function guardInput(
  document: DocumentNode,
  variables: Readonly<Record<string, unknown>> | null | undefined,
): void {
  const pending: { value: unknown; path: string[] }[] = [{ value: variables ?? {}, path: [] }];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, path } = item;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) throw refusal(path, `holds ${describe(value)}`);
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (path.length >= MAX_INPUT_DEPTH) {
      throw refusal(path, `nests deeper than ${MAX_INPUT_DEPTH} levels`);
    }
    for (const [key, child] of Object.entries(value)) {
      if (UNSTORABLE.test(key)) throw refusal(path, `has a key holding ${describe(key)}`);
      pending.push({ value: child, path: [...path, key] });
    }
  }
  let literal: string | undefined;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (!UNSTORABLE.test(node.value)) return undefined;
      literal = node.value;
      return BREAK;
    },
  });
  if (literal !== undefined) throw refusal([], `has a string literal holding ${describe(literal)}`);
}

function refusal(path: string[], problem: string): AppError {
  const where = path.length > 0 ? `variable ${path.join('.')}` : 'the operation';
  return new AppError('BAD_USER_INPUT', `${where} ${problem}`, {
    details: { field: path.join('.') },
  });
}
