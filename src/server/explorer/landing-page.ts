import { randomBytes } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { explorerPage } from './page.js';

/** Options of {@link explorerLandingPage}. */
export interface ExplorerLandingPageOptions {
  /** `auto`: Apollo Sandbox, falling back to GraphiQL offline; `graphiql`: GraphiQL only. */
  mode: 'auto' | 'graphiql';
  /** Absolute path of the explorer bundle's files, e.g. `/graphql/explorer`. */
  assetsPath: string;
}

/**
 * Apollo's landing page hook, answering a browser's GET `/graphql` with {@link explorerPage}
 * (a fresh nonce per response). Replaces `ApolloServerPluginLandingPageLocalDefault`, whose
 * page shows only "Apollo Sandbox cannot be loaded" offline.
 */
export function explorerLandingPage(options: ExplorerLandingPageOptions): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            html: async () =>
              explorerPage({ ...options, nonce: randomBytes(18).toString('base64') }),
          };
        },
      };
    },
  };
}
