import type { Db } from '../../db/tables';
import { computeParticipation } from './participation';

/**
 * Every analytics computation, by name: a function of the database and a plain input
 * (JSON both ways, since it may run in the analytics thread). Each reads the tables it
 * needs and returns a finished report, suppression applied.
 */
export const COMPUTATIONS = {
  participation: computeParticipation,
} satisfies Record<string, (db: Db, input: never) => Promise<unknown>>;

export type Computations = typeof COMPUTATIONS;
export type ComputationName = keyof Computations;
