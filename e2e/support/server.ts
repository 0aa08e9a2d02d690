import path from 'node:path';
import { startTestApp, type TestApp } from '../../packages/server/test/harness';

const WEB_DIST = path.resolve(import.meta.dirname, '../../packages/web/dist');

/** A real Rapport server on a free port, on a fresh SQLite file, serving the built web app. */
export function startE2EServer(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp({ RAPPORT_WEB_DIST: WEB_DIST, ...env }, { listen: true });
}
