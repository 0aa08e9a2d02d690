import path from 'node:path';
import { loadConfig } from '../config';
import { createContext } from '../context';
import { DEMO_ADMIN, DEMO_MEMBER, DEMO_PASSWORD, seedDemo } from '../demo/seed';
import { countAccounts } from '../features/accounts/accounts.queries';
import { serve, stopOnSignals } from './serve';

/**
 * `rapport demo`: Rapport on its own data folder (./data-demo unless RAPPORT_DATA_DIR says
 * otherwise) filled once with a generated organisation, then served as usual.
 */
export async function runDemo(): Promise<void> {
  const config = loadConfig({
    ...process.env,
    RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR || path.resolve('data-demo'),
  });
  const ctx = await createContext(config);
  if ((await countAccounts(ctx.db)) === 0) {
    console.log('Generating the demo organisation (Meridian Works)...');
    const summary = await seedDemo(ctx);
    console.log(`Created ${summary.people} people in ${summary.departments} departments.`);
  }
  const stop = await serve(ctx, {
    banner: [
      '',
      'Demo organisation: Meridian Works',
      `  Member: ${DEMO_MEMBER.email}  password: ${DEMO_PASSWORD}`,
      `  Admin:  ${DEMO_ADMIN.email}  password: ${DEMO_PASSWORD}`,
      `  (data in ${config.dataDir}; delete that folder to start over)`,
    ],
  });
  stopOnSignals(stop);
}
