import { defineConfig } from 'vitest/config';

// `npm run chaos`: the fault scenarios at full size against real processes and the local
// PostgreSQL (a private cluster where the database must go away), one file at a time, then a
// report of what held and what was lost. CI runs the same scenarios smaller, as e2e tests.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/chaos/**/*.chaos.test.ts'],
    globalSetup: ['test/support/global-setup.ts', 'test/chaos/report.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
