import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createDb, type DbOptions } from '../../db/create-db';
import { type RecomputeMessage, recomputeRelationships, STOP } from './recompute';

/**
 * The worker thread's body: its own connection to the server's database (the same
 * PostgreSQL URL or SQLite file), the recomputation, then progress and the figures posted
 * back. The server's thread meanwhile only relays messages, so requests keep being answered.
 */
async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('recompute-thread.ts runs as a worker thread');
  let stopping = false;
  port.on('message', (message) => {
    if (message === STOP) stopping = true;
  });
  // On Linux a thread's nice value is its own: the server's thread keeps priority over this one.
  if (process.platform === 'linux') os.setPriority(10);
  const post = (message: RecomputeMessage) => port.postMessage(message);
  const handle = createDb(workerData as DbOptions);
  try {
    const figures = await recomputeRelationships(handle.db, {
      onProgress: (progress) => post({ type: 'progress', progress }),
      shouldStop: () => stopping,
    });
    post({ type: 'finished', figures });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  } finally {
    await handle.close();
    port.close();
  }
}

await main();
