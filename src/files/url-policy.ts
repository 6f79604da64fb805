import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { AppError } from '../errors.js';

/** What fetching a document's `url` may do: the ingest worker's settings. */
export interface UrlFetchPolicy {
  /**
   * Loopback addresses (127.0.0.0/8, ::1) may be fetched (`BALLAST_URL_ALLOW_LOOPBACK`), for
   * tests and single-machine setups. Default: false. Private, link-local and every other
   * non-public range stay refused.
   */
  allowLoopback: boolean;
  /**
   * When not empty, the only hosts that may be fetched (`BALLAST_URL_ALLOWED_HOSTS`): a name
   * matches itself, and `.example.com` matches every subdomain of example.com. Redirects are held
   * to the same list. Default: empty (any public host).
   */
  allowedHosts: readonly string[];
  /** Largest body fetched, in bytes (`BALLAST_FILE_MAX_BYTES`). Default: 50 MiB. */
  maxBytes: number;
  /** Time for the whole fetch, redirects and body included (`BALLAST_URL_TIMEOUT_MS`). Default: 30 s. */
  timeoutMs: number;
  /** Redirects followed before giving up. Default: 5. */
  maxRedirects: number;
}

/** {@link UrlFetchPolicy}'s defaults; `maxBytes` is the upload limit's. */
export const DEFAULT_URL_FETCH = { timeoutMs: 30_000, maxRedirects: 5 } as const;

/** `host` without the brackets of an IPv6 literal (`[::1]` → `::1`), lower-case. */
export function bareHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/**
 * Refuses a URL the policy does not let the worker fetch: a scheme other than http(s), a host
 * outside a configured allowlist, or an IP literal that is not a public address. Host names are
 * checked again once resolved ({@link assertPublicAddress}), on every redirect.
 * @throws {AppError} `FORBIDDEN_URL`.
 */
export function assertFetchableUrl(url: URL, policy: UrlFetchPolicy): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw forbidden(`only http and https URLs are fetched, not ${url.protocol.slice(0, -1)}`);
  }
  const host = bareHost(url.hostname);
  if (policy.allowedHosts.length > 0 && !policy.allowedHosts.some((h) => hostMatches(host, h))) {
    throw forbidden(`${host} is not one of the hosts this server may fetch`);
  }
  if (isIP(host) !== 0) assertPublicAddress(host, host, policy);
}

/**
 * Refuses an address that is not public unicast: private, loopback (unless allowed),
 * link-local (cloud metadata at 169.254.169.254), unique-local, multicast, reserved, or an
 * IPv4 address inside an IPv6 one (mapped, 6to4, Teredo) that is any of those.
 * @param host the name that resolved to `address`, for the message.
 * @throws {AppError} `FORBIDDEN_URL`.
 */
export function assertPublicAddress(address: string, host: string, policy: UrlFetchPolicy): void {
  const range = ipaddr.process(address).range();
  if (range === 'unicast' || (range === 'loopback' && policy.allowLoopback)) return;
  throw forbidden(`${host} is not a public address (${range}); it is never fetched`);
}

function hostMatches(host: string, allowed: string): boolean {
  const entry = allowed.trim().toLowerCase();
  return entry.startsWith('.') ? host.endsWith(entry) : host === entry;
}

function forbidden(message: string): AppError {
  return new AppError('FORBIDDEN_URL', message);
}
