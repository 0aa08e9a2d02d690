import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

export const WEB_ROOT = path.resolve(import.meta.dirname, '../packages/web');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Browser tests run against the production build of the web app, served by the real server. */
export default async function setup() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is needed for the browser tests: apt-get install -y chromium (looked for ${CHROMIUM})`,
    );
  }
  // Vitest sets NODE_ENV=test, which would give React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      root: WEB_ROOT,
      mode: 'production',
      logLevel: 'warn',
      configFile: path.join(WEB_ROOT, 'vite.config.ts'),
    });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  fs.mkdirSync(path.resolve(import.meta.dirname, 'screenshots'), { recursive: true });
}
