import { defineConfig } from 'vitest/config';

// `npm run chaos`: the fault scenarios at full size against real processes and the local
// PostgreSQL (a private cluster where the database must go away), one file at a time, then a
// report of what held and what was lost. CI runs the same scenarios smaller, as e2e tests.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: [
      'test/chaos/**/*.chaos.test.ts',
      // The other cases of the faults issue, as the e2e suite runs them: a crashed run re-joined,
      // a dead process's ingest batch, a cancel without its notification, roles through
      // fragments, revocation on an open socket, the malformed-input corpus, astral text.
      'test/e2e/runs-rejoin-after-crash.e2e.test.ts',
      'test/e2e/ingest-takeover.e2e.test.ts',
      'test/e2e/runs-cancel-without-notification.e2e.test.ts',
      'test/e2e/security/roles.e2e.test.ts',
      'test/e2e/security/socket-revocation.e2e.test.ts',
      'test/e2e/security/malformed-input.e2e.test.ts',
      'test/e2e/astral-text.e2e.test.ts',
    ],
    globalSetup: ['test/support/global-setup.ts', 'test/chaos/report.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
