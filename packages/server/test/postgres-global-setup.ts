import type { TestProject } from 'vitest/node';
import type {} from './harness';
import { startPostgres } from './postgres-server';

/** One PostgreSQL server for the whole postgres run; each test file gets its own database. */
export default async function setup(project: TestProject) {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.stop();
}
