import type { Db } from '../../db/tables';
import { computeParticipation } from './participation';
import { computeKnowledgeRisk } from './knowledge-risk';
import { computeResponsiveness } from './responsiveness';

/**
 * Every analytics computation, by name: a function of the database and a plain input
 * (JSON both ways, since it may run in the analytics thread). Each reads the tables it
 * needs and returns a finished report, suppression applied.
 */
export const COMPUTATIONS = {
  participation: computeParticipation,
  responsiveness: computeResponsiveness,
  knowledge_risk: computeKnowledgeRisk,
} satisfies Record<string, (db: Db, input: never) => Promise<unknown>>;

export type Computations = typeof COMPUTATIONS;
export type ComputationName = keyof Computations;
