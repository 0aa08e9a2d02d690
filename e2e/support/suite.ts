import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { TestApp } from '../../packages/server/test/harness';
import { launchBrowser } from './browser';
import { startE2EServer } from './server';

export interface E2E {
  t: TestApp;
  browser: Browser;
}

/** A server (with `env`, then `prepare`d) and a browser for one test file, closed after it. */
export function e2eSuite(
  env: Record<string, string> = {},
  prepare?: (t: TestApp) => Promise<unknown>,
): E2E {
  const suite = {} as E2E;
  beforeAll(async () => {
    suite.t = await startE2EServer(env);
    await prepare?.(suite.t);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.t?.close();
  });
  return suite;
}
