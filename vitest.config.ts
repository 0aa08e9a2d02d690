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
    ],
  },
});
