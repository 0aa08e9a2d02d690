import { defineConfig } from 'vitest/config';

const serverTests = ['packages/server/**/*.test.ts'];

/**
 * One runner for everything: the server suite twice (SQLite and PostgreSQL), the web app's
 * unit tests, and the browser tests.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        test: {
          name: 'server:sqlite',
          include: serverTests,
          env: { RAPPORT_TEST_DB: 'sqlite' },
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'server:postgres',
          include: serverTests,
          env: { RAPPORT_TEST_DB: 'postgres' },
          globalSetup: ['packages/server/test/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          include: ['packages/web/src/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          env: { RAPPORT_TEST_DB: 'sqlite' },
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One browser at a time: two cores are shared with the servers under test.
          fileParallelism: false,
        },
      },
    ],
  },
});
