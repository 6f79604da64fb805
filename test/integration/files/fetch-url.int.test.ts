import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/errors.js';
import { fetchUrl, type ResolveHost } from '../../../src/files/fetch-url.js';
import type { UrlFetchPolicy } from '../../../src/files/url-policy.js';

const policy: UrlFetchPolicy = {
  allowLoopback: true,
  allowedHosts: [],
  maxBytes: 4096,
  timeoutMs: 2000,
  maxRedirects: 3,
};

// Names the test controls: the real resolver cannot be made to answer a private address.
const ADDRESSES: Record<string, string[]> = {
  'files.test': ['127.0.0.1'],
  'intranet.test': ['10.0.0.7'],
  'mixed.test': ['127.0.0.1', '10.0.0.7'],
};
const resolve: ResolveHost = (host, callback) => {
  const addresses = ADDRESSES[host];
  if (!addresses) {
    const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${host}`);
    error.code = 'ENOTFOUND';
    return callback(error, []);
  }
  callback(
    null,
    addresses.map((address) => ({ address, family: 4 })),
  );
};

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (!isAppError(error)) throw error;
    return error.code;
  }
}

async function text(body: NodeJS.ReadableStream): Promise<string> {
  let all = '';
  for await (const chunk of body) all += String(chunk);
  return all;
}

describe('fetchUrl against a local HTTP server', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      const redirect = (to: string) => response.writeHead(302, { location: to }).end();
      switch (request.url) {
        case '/notes.md':
          return response
            .writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' })
            .end('# Notes\nHello.');
        case '/to-notes':
          return redirect('/notes.md');
        case '/to-metadata':
          return redirect('http://169.254.169.254/latest/meta-data/');
        case '/to-intranet':
          return redirect('http://intranet.test/secret');
        case '/to-ipv6-loopback':
          return redirect(`http://[::1]:${port}/notes.md`);
        case '/loop':
          return redirect('/loop');
        case '/declared-big':
          return response
            .writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' })
            .end('x'.repeat(5000));
        case '/streamed-big':
          response.writeHead(200, { 'content-type': 'text/plain' });
          response.write('x'.repeat(3000));
          return response.end('y'.repeat(3000));
        case '/image':
          return response.writeHead(200, { 'content-type': 'image/png' }).end('png');
        case '/slow':
          return; // never answers: the fetch's deadline ends it
        default:
          return response.writeHead(404).end();
      }
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });

  const at = (path: string, host = 'files.test') => `http://${host}:${port}${path}`;

  it('fetches a document through redirects, with its media type and name', async () => {
    const fetched = await fetchUrl(at('/to-notes'), policy, resolve);
    expect(fetched.mediaType).toBe('text/markdown');
    expect(fetched.name).toBe('notes.md');
    expect(await text(fetched.body)).toBe('# Notes\nHello.');
  });

  it('refuses names that resolve to a non-public address, and redirects to one', async () => {
    const before = hits.length;
    expect(await codeOf(fetchUrl(at('/x', 'intranet.test'), policy, resolve))).toBe(
      'FORBIDDEN_URL',
    );
    expect(await codeOf(fetchUrl(at('/x', 'mixed.test'), policy, resolve))).toBe('FORBIDDEN_URL');
    expect(hits.length).toBe(before);
    expect(await codeOf(fetchUrl(at('/to-metadata'), policy, resolve))).toBe('FORBIDDEN_URL');
    expect(await codeOf(fetchUrl(at('/to-intranet'), policy, resolve))).toBe('FORBIDDEN_URL');
  });

  it('refuses loopback, by address, by name and by redirect, unless the policy allows it', async () => {
    const strict = { ...policy, allowLoopback: false };
    const before = hits.length;
    expect(await codeOf(fetchUrl(at('/notes.md', '127.0.0.1'), strict, resolve))).toBe(
      'FORBIDDEN_URL',
    );
    expect(await codeOf(fetchUrl(at('/notes.md', '[::1]'), strict, resolve))).toBe('FORBIDDEN_URL');
    expect(await codeOf(fetchUrl(at('/notes.md'), strict, resolve))).toBe('FORBIDDEN_URL');
    expect(await codeOf(fetchUrl(at('/notes.md', 'localhost'), strict))).toBe('FORBIDDEN_URL');
    expect(hits.length).toBe(before);
    expect(await codeOf(fetchUrl(at('/to-ipv6-loopback'), policy, resolve))).not.toBe(
      'FORBIDDEN_URL',
    );
  });

  it('gives each failure its code', async () => {
    expect(await codeOf(fetchUrl(at('/missing'), policy, resolve))).toBe('URL_UNREACHABLE');
    expect(await codeOf(fetchUrl(at('/loop'), policy, resolve))).toBe('URL_UNREACHABLE');
    expect(await codeOf(fetchUrl(at('/x', 'nowhere.test'), policy, resolve))).toBe(
      'URL_UNREACHABLE',
    );
    expect(await codeOf(fetchUrl(at('/image'), policy, resolve))).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await codeOf(fetchUrl(at('/declared-big'), policy, resolve))).toBe('PAYLOAD_TOO_LARGE');
    const streamed = await fetchUrl(at('/streamed-big'), policy, resolve);
    expect(await codeOf(text(streamed.body))).toBe('PAYLOAD_TOO_LARGE');
    const quick = { ...policy, timeoutMs: 300 };
    expect(await codeOf(fetchUrl(at('/slow'), quick, resolve))).toBe('TIMEOUT');
  });
});
