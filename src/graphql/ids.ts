import { AppError } from '../errors.js';

/** Prefix of each kind of public id: `col_…` is a collection. */
export const ID_PREFIXES = {
  Collection: 'col',
  Document: 'doc',
  Chunk: 'chk',
  IngestJob: 'job',
  Run: 'run',
  Thread: 'thr',
  File: 'fil',
} as const;

/** A kind of object with a public id. */
export type IdKind = keyof typeof ID_PREFIXES;

const UUID_HEX = /^[0-9a-f]{32}$/;
// Anything a client might send as an id of ours: short, URL-safe.
const WELL_FORMED = /^[A-Za-z0-9_-]{1,64}$/;

/** The public id of a database uuid: `col_0190f3…` (prefix + 32 hex digits). */
export function encodeId(kind: IdKind, uuid: string): string {
  return `${ID_PREFIXES[kind]}_${uuid.replaceAll('-', '')}`;
}

/**
 * The database uuid of a public id, or null when the id is well-formed but cannot name an
 * object of this kind (so the lookup answers "not found" without a query).
 * @throws {AppError} `BAD_USER_INPUT` when the id is malformed (empty, too long, bad characters).
 */
export function decodeId(kind: IdKind, id: string): string | null {
  if (!WELL_FORMED.test(id)) {
    throw new AppError('BAD_USER_INPUT', `malformed ${kind} id`, { details: { kind } });
  }
  const prefix = `${ID_PREFIXES[kind]}_`;
  if (!id.startsWith(prefix)) return null;
  const hex = id.slice(prefix.length).toLowerCase();
  if (!UUID_HEX.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The kind and database uuid of any public id; null when it names no object of ours. */
export function decodeAnyId(id: string): { kind: IdKind; uuid: string } | null {
  if (!WELL_FORMED.test(id)) return null;
  for (const kind of Object.keys(ID_PREFIXES) as IdKind[]) {
    if (id.startsWith(`${ID_PREFIXES[kind]}_`)) {
      const uuid = decodeId(kind, id);
      return uuid === null ? null : { kind, uuid };
    }
  }
  return null;
}
