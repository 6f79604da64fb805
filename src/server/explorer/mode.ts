/**
 * Which explorer GET `/graphql` opens in a browser (`BALLAST_EXPLORER`):
 * - `auto`: Apollo Sandbox when its CDN answers, else the bundled GraphiQL, on the same page;
 * - `sandbox`: Apollo Sandbox only (needs the internet);
 * - `graphiql`: the bundled GraphiQL only (no request leaves the server's origin).
 */
export const EXPLORER_MODES = ['auto', 'sandbox', 'graphiql'] as const;

/** One of {@link EXPLORER_MODES}. Default: `auto`. */
export type ExplorerMode = (typeof EXPLORER_MODES)[number];

/** The path, under `/graphql`, of the bundled explorer's files (public, like the landing page). */
export const EXPLORER_ASSETS_PATH = '/explorer';
