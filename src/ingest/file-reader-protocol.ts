// The messages between the ingest worker and its file reader threads (file-reader-pool.ts and
// file-reader-thread.ts), checked with zod on both sides of the thread boundary.
import { z } from 'zod';
import { isErrorCode, type ErrorCode } from '../errors.js';
import { piiTypeSchema } from '../governance/pii.js';
import { DOCUMENT_FORMATS } from './text/clean-text.js';

/** A file to read and prepare: its bytes are transferred to the thread, never copied. */
export const ReadFileRequest = z.object({
  id: z.number().int(),
  format: z.enum([...DOCUMENT_FORMATS, 'pdf', 'docx']),
  bytes: z.instanceof(ArrayBuffer),
});
/** One of {@link ReadFileRequest}. */
export type ReadFileRequest = z.infer<typeof ReadFileRequest>;

/** The prepared text of the file, or the error that refused it, with its code and message. */
export const ReadFileReply = z.discriminatedUnion('ok', [
  z.object({
    id: z.number().int(),
    ok: z.literal(true),
    text: z.string(),
    piiCounts: z.partialRecord(piiTypeSchema, z.number().int().nonnegative()),
    pageStarts: z.array(z.number().int().nonnegative()),
  }),
  z.object({
    id: z.number().int(),
    ok: z.literal(false),
    code: z.custom<ErrorCode>(isErrorCode, 'not an error code'),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
]);
/** One of {@link ReadFileReply}. */
export type ReadFileReply = z.infer<typeof ReadFileReply>;
