import os from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { createDb, type DbOptions } from '../../db/create-db';
import { COMPUTATIONS, type ComputationName } from './computations';

export interface ComputeRequest {
  id: number;
  name: ComputationName;
  input: unknown;
}

export type ComputeReply = { id: number; result: unknown } | { id: number; error: string };

/**
 * The analytics thread's body: its own connection to the server's SQLite file, answering
 * one computation at a time. better-sqlite3 reads block the thread that makes them, so
 * reading a year of statuses here keeps the server's thread free for requests.
 */
function main(): void {
  const port = parentPort;
  if (!port) throw new Error('compute-thread.ts runs as a worker thread');
  if (process.platform === 'linux') os.setPriority(10);
  const handle = createDb(workerData as DbOptions);
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (request: ComputeRequest) => {
    queue = queue.then(async () => {
      try {
        const compute = COMPUTATIONS[request.name] as (
          db: typeof handle.db,
          input: unknown,
        ) => Promise<unknown>;
        port.postMessage({ id: request.id, result: await compute(handle.db, request.input) });
      } catch (error) {
        port.postMessage({
          id: request.id,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
  });
}

main();
