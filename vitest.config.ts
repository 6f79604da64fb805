import { defineConfig } from 'vitest/config';

// Three projects: unit tests need nothing; integration and e2e tests get a migrated
// template database (PGlite by default, real PostgreSQL when TEST_DATABASE_URL is set); `solo`
// tests (`*.solo.test.ts`) hold the server to a latency bound, so they run after the others,
// one file at a time, with the machine to themselves.
export default defineConfig({
  // graphql@16 ships CJS (`main`) and ESM (`module`). Node, and so every dependency Vitest
  // leaves external, loads the CJS build; Vite would give our sources the ESM one, and
  // graphql refuses schemas from "another realm". Pin the CJS build for both.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          exclude: ['**/*.solo.test.ts', '**/node_modules/**'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'solo',
          include: ['test/**/*.solo.test.ts'],
          globalSetup: ['test/support/global-setup.ts'],
          pool: 'forks',
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
