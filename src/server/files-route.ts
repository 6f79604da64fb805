import type { Readable } from 'node:stream';
import { Busboy, type BusboyHeaders, type BusboyInstance } from '@fastify/busboy';
import type { NextFunction, Request, Response } from 'express';
import type pg from 'pg';
import { hasRole } from '../auth/principal.js';
import { ERROR_STATUS, type ErrorCode } from '../errors.js';
import type { FileRow } from '../files/file-row.js';
import { deleteFiles, storeFile } from '../files/store-file.js';
import { encodeId } from '../graphql/ids.js';
import { principalOf } from './http-auth.js';

/** Files in one `POST /files` request. */
export const FILES_PER_REQUEST = 100;

const NAME_MAX = 255;
const MEDIA_TYPE = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/;

/** One stored file as `POST /files` answers it. */
export interface UploadedFile {
  id: string;
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/** Options of {@link uploadFiles}. */
export interface UploadFilesOptions {
  pool: pg.Pool;
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
}

/**
 * `POST /files`, behind `/graphql`'s origin check, authentication and rate limit: stores every
 * file of a multipart/form-data body in the caller's workspace as it streams in (never whole in
 * memory) and answers `201 { files: [{ id, name, mediaType, bytes, sha256 }] }`. Needs the
 * writer role. All or nothing: a file over the limit (413 `PAYLOAD_TOO_LARGE`), a malformed or
 * cut-off body (400 `BAD_REQUEST`) or a failure deletes every file of the request. Form fields
 * that are not files are ignored.
 */
export function uploadFiles(options: UploadFilesOptions) {
  const { pool, maxFileBytes } = options;
  return (req: Request, res: Response, next: NextFunction): void => {
    const principal = principalOf(req);
    if (!hasRole(principal.role, 'writer')) {
      return refuse(res, 'FORBIDDEN', 'uploading files needs the writer role');
    }
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(contentType)) {
      return refuse(res, 'UNSUPPORTED_MEDIA_TYPE', 'send the files as multipart/form-data');
    }
    let parser: BusboyInstance;
    try {
      parser = Busboy({
        headers: req.headers as BusboyHeaders,
        limits: { fileSize: maxFileBytes, files: FILES_PER_REQUEST, fields: 100, parts: 200 },
      });
    } catch {
      return refuse(res, 'BAD_REQUEST', 'malformed multipart/form-data header (no boundary?)');
    }
    const workspaceId = principal.workspaceId;
    const stored: FileRow[] = [];
    let outcome: 'ok' | 'too-large' | 'too-many' | 'malformed' = 'ok';
    let failure: unknown;
    let current: Readable | undefined;
    let work = Promise.resolve();
    let settled = false;

    const finish = async () => {
      if (settled) return;
      settled = true;
      await work;
      if (failure !== undefined || outcome !== 'ok' || stored.length === 0) {
        await deleteFiles(
          pool,
          workspaceId,
          stored.map((f) => f.id),
        ).catch((error: unknown) => (failure ??= error));
      }
      if (res.headersSent || res.destroyed) return;
      if (failure !== undefined) return next(failure);
      if (outcome === 'too-large') {
        return refuse(
          res,
          'PAYLOAD_TOO_LARGE',
          `a file is too large: the limit is ${maxFileBytes} bytes per file`,
          { limitBytes: maxFileBytes },
        );
      }
      if (outcome === 'too-many') {
        return refuse(res, 'BAD_USER_INPUT', `at most ${FILES_PER_REQUEST} files per request`);
      }
      if (outcome === 'malformed') {
        return refuse(res, 'BAD_REQUEST', 'malformed or incomplete multipart/form-data body');
      }
      if (stored.length === 0) {
        return refuse(res, 'BAD_USER_INPUT', 'the form holds no file');
      }
      res.status(201).json({ files: stored.map(publicFile) });
    };

    parser.on('file', (_field, stream, filename, _encoding, mimeType) => {
      work = work.then(async () => {
        if (failure !== undefined || outcome !== 'ok') {
          stream.resume();
          return;
        }
        current = stream;
        try {
          const row = await storeFile(
            pool,
            workspaceId,
            { name: fileName(filename), mediaType: mediaType(mimeType) },
            stream,
            () => stream.truncated,
          );
          if (row) stored.push(row);
          else outcome = 'too-large';
        } catch (error) {
          if (outcome === 'ok') failure ??= error;
          stream.resume();
        } finally {
          current = undefined;
        }
      });
    });
    parser.on('field', () => undefined);
    parser.on('filesLimit', () => {
      if (outcome === 'ok') outcome = 'too-many';
    });
    parser.on('partsLimit', () => {
      if (outcome === 'ok') outcome = 'too-many';
    });
    parser.on('error', () => {
      if (outcome === 'ok') outcome = 'malformed';
      current?.destroy(new Error('malformed multipart body'));
      req.unpipe(parser);
      req.resume();
      void finish();
    });
    parser.on('finish', () => void finish());
    // A client gone mid-upload: end the file being stored (it deletes itself), then the rest.
    req.on('close', () => {
      if (req.complete) return;
      if (outcome === 'ok') outcome = 'malformed';
      current?.destroy(new Error('the client went away'));
      void finish();
    });
    req.pipe(parser);
  };
}

function publicFile(row: FileRow): UploadedFile {
  return {
    id: encodeId('File', row.id),
    name: row.name,
    mediaType: row.media_type,
    bytes: row.bytes,
    sha256: row.sha256,
  };
}

// The part's file name without any path, never empty, at most 255 characters.
function fileName(filename: string | undefined): string {
  const base = (filename ?? '').split(/[\\/]/).pop()?.trim() ?? '';
  return [...(base === '' ? 'file' : base)].slice(0, NAME_MAX).join('');
}

// The declared media type without parameters, or application/octet-stream.
function mediaType(declared: string | undefined): string {
  const essence = (declared ?? '').split(';')[0]!.trim().toLowerCase();
  return MEDIA_TYPE.test(essence) && essence.length <= NAME_MAX
    ? essence
    : 'application/octet-stream';
}

function refuse(
  res: Response,
  code: ErrorCode,
  message: string,
  details: Record<string, unknown> = {},
): void {
  res.status(ERROR_STATUS[code]).json({ errors: [{ message, extensions: { code, ...details } }] });
}
