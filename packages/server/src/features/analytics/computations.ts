import type { Db } from '../../db/tables';
import { computeKnowledgeRisk } from './knowledge-risk';
import { computeMyInsights } from './my-insights';
import { computeParticipation } from './participation';
import { computeResponsiveness } from './responsiveness';
import { computeSilos } from './silos';

/**
 * Every analytics computation, by name: a function of the database and a plain input
 * (JSON both ways, since it may run in the analytics thread). Each reads the tables it
 * needs and returns a finished report, suppression applied.
 */
export const COMPUTATIONS = {
  participation: computeParticipation,
  responsiveness: computeResponsiveness,
  knowledge_risk: computeKnowledgeRisk,
  silos: computeSilos,
  my_insights: computeMyInsights,
} satisfies Record<string, (db: Db, input: never) => Promise<unknown>>;

export type Computations = typeof COMPUTATIONS;
export type ComputationName = keyof Computations;
