import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Transform, type Readable } from 'node:stream';
import { AppError, isAppError } from '../errors.js';
import { SERVER_VERSION } from '../version.js';
import { assertFetchableUrl, assertPublicAddress, type UrlFetchPolicy } from './url-policy.js';

/** A fetched document, its body still streaming. */
export interface FetchedDocument {
  /** The body, cut off with `PAYLOAD_TOO_LARGE` past the policy's limit. */
  body: Readable;
  /** The declared media type without parameters; `application/octet-stream` when none. */
  mediaType: string;
  /** The last path segment of the final URL, else its host: the file's name. */
  name: string;
}

/** Resolves a host name to all its addresses (the shape of `dns.lookup` with `all`). */
export type ResolveHost = (
  host: string,
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const resolveWithDns: ResolveHost = (host, callback) =>
  dnsLookup(host, { all: true }, (error, addresses) => callback(error, addresses ?? []));

// Media types worth fetching; the worker then detects the real format from the content, so a
// server that labels everything `application/octet-stream` is still read.
const ACCEPTED = new Set([
  'text/html',
  'application/xhtml+xml',
  'text/plain',
  'text/markdown',
  'text/x-markdown',
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/octet-stream',
]);
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * Fetches a document's URL for the ingest worker with server-side request forgery guards: only
 * http(s); every host name checked after resolution, against the address the connection then
 * uses (no second lookup to rebind), on the first request and on every redirect; no private,
 * loopback (unless the policy allows it), link-local or other non-public address; the policy's
 * host allowlist, size limit and timeout (one deadline for redirects and body); accepted media
 * types only. No cookies or credentials are sent.
 * @param resolve how host names are resolved. Default: the system resolver (`dns.lookup`).
 * @throws {AppError} `FORBIDDEN_URL`, `URL_UNREACHABLE` (name not found, connection failed,
 *   HTTP error status, too many redirects), `TIMEOUT`, `PAYLOAD_TOO_LARGE` (declared length;
 *   a body that grows past the limit fails while streaming) or `UNSUPPORTED_MEDIA_TYPE`.
 */
export async function fetchUrl(
  address: string,
  policy: UrlFetchPolicy,
  resolve: ResolveHost = resolveWithDns,
): Promise<FetchedDocument> {
  const signal = AbortSignal.timeout(policy.timeoutMs);
  let url = new URL(address);
  for (let redirects = 0; ; redirects++) {
    assertFetchableUrl(url, policy);
    const response = await get(url, policy, resolve, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (REDIRECTS.has(status) && location) {
      response.resume();
      if (redirects >= policy.maxRedirects) {
        throw new AppError('URL_UNREACHABLE', `more than ${policy.maxRedirects} redirects`);
      }
      url = new URL(location, url);
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new AppError('URL_UNREACHABLE', `the URL answered HTTP ${status}`, {
        details: { status },
      });
    }
    return accept(response, url, policy, signal);
  }
}

function accept(
  response: IncomingMessage,
  url: URL,
  policy: UrlFetchPolicy,
  signal: AbortSignal,
): FetchedDocument {
  const declared = response.headers['content-type']?.split(';', 1)[0]?.trim().toLowerCase();
  const mediaType = declared || 'application/octet-stream';
  if (!ACCEPTED.has(mediaType)) {
    response.destroy();
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `the URL's content is ${mediaType}`, {
      details: { mediaType },
    });
  }
  const length = Number(response.headers['content-length']);
  if (Number.isFinite(length) && length > policy.maxBytes) {
    response.destroy();
    throw tooLarge(policy.maxBytes);
  }
  let bytes = 0;
  const limited = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback(bytes > policy.maxBytes ? tooLarge(policy.maxBytes) : null, chunk);
    },
  });
  response.on('error', (error) => limited.destroy(fetchError(error, signal)));
  response.pipe(limited);
  const segment = decodeURIComponent(url.pathname.split('/').findLast((s) => s !== '') ?? '');
  return { body: limited, mediaType, name: segment || url.hostname };
}

function get(
  url: URL,
  policy: UrlFetchPolicy,
  resolve: ResolveHost,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((done, fail) => {
    const request = client.get(url, {
      lookup: guardedLookup(policy, resolve),
      signal,
      agent: false,
      headers: { 'user-agent': `Ballast/${SERVER_VERSION}`, accept: [...ACCEPTED].join(', ') },
    });
    request.once('response', done);
    request.once('error', (error) => fail(fetchError(error, signal)));
  });
}

// Node calls `lookup` with `all: true` when it may try several addresses (autoSelectFamily):
// every address it may connect to is checked, never only the first.
function guardedLookup(policy: UrlFetchPolicy, resolve: ResolveHost): LookupFunction {
  return (host, options, callback) => {
    resolve(host, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const usable = addresses.filter((a) => !options.family || a.family === options.family);
      try {
        if (usable.length === 0) throw new AppError('URL_UNREACHABLE', `${host} has no address`);
        for (const { address } of usable) assertPublicAddress(address, host, policy);
      } catch (refusal) {
        return callback(refusal as NodeJS.ErrnoException, '', 0);
      }
      if (options.all) return callback(null, usable);
      callback(null, usable[0]!.address, usable[0]!.family);
    });
  };
}

function fetchError(error: unknown, signal: AbortSignal): AppError {
  if (isAppError(error)) return error;
  if (signal.aborted) return new AppError('TIMEOUT', 'fetching the URL took too long');
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOTFOUND'
      ? 'its host name was not found'
      : `the request failed (${code ?? 'error'})`;
  return new AppError('URL_UNREACHABLE', `the URL could not be fetched: ${reason}`);
}

function tooLarge(maxBytes: number): AppError {
  return new AppError('PAYLOAD_TOO_LARGE', `the URL's content is larger than ${maxBytes} bytes`, {
    details: { maxBytes },
  });
}
