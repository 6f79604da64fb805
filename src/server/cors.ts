import cors from 'cors';

/** Request headers a browser app may send cross-origin: credentials and Apollo's CSRF headers. */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'x-api-key',
  'apollo-require-preflight',
  'x-apollo-operation-name',
];

/**
 * CORS for `/graphql` and `/files`: answers preflights and adds `Access-Control-Allow-Origin`
 * for the origins of `BALLAST_ALLOWED_ORIGINS` only. With no list (the default) it sends no
 * CORS header, so browsers keep refusing cross-origin HTTP: a page on another origin reaches
 * Ballast only once its origin is listed. No cookies are used (`credentials: false`).
 */
export function corsForAllowedOrigins(allowed: readonly string[]) {
  return cors({
    origin: allowed.length === 0 ? false : [...allowed],
    methods: ['GET', 'POST'],
    allowedHeaders: ALLOWED_HEADERS,
    credentials: false,
    // Browsers cap this (Chromium: 2 h); ten minutes keeps a changed list effective soon.
    maxAge: 600,
  });
}
