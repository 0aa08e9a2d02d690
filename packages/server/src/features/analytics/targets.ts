import type { ResponseTarget } from '@rapport/schema';
import type { Db } from '../../db/tables';
import { toIso } from '../../lib/time';
import { type AnalyticsScope, scopeKey } from './scope';
import { findTargets, type TargetRow } from './targets.queries';

/**
 * The response target a scope is measured against when nobody set one: most questions
 * (80%) answered within a working day (24 hours).
 */
export const DEFAULT_TARGET = { answer_within_hours: 24, answered_percent: 80 } as const;

/** Only the organisation and communities set targets; a department follows the organisation's. */
export function ownTargetKey(scope: AnalyticsScope): string | null {
  if (scope.kind === 'organisation') return 'organisation';
  if (scope.kind === 'community') return `community:${scope.id}`;
  return null;
}

/**
 * A scope's target: its own when it set one, else the organisation's, else the default.
 * `rows` are the stored targets of the scope and of the organisation.
 */
export function targetOf(scope: AnalyticsScope, rows: TargetRow[]): ResponseTarget {
  const own = ownTargetKey(scope);
  const mine = own === null ? undefined : rows.find((row) => row.scope === own);
  const organisation = rows.find((row) => row.scope === 'organisation');
  const row = mine ?? organisation;
  if (!row) {
    return {
      scope: scopeKey(scope),
      answer_within_hours: DEFAULT_TARGET.answer_within_hours,
      answered_share: DEFAULT_TARGET.answered_percent / 100,
      source: 'default',
      updated_at: null,
    };
  }
  return {
    scope: scopeKey(scope),
    answer_within_hours: row.answer_within_hours,
    answered_share: row.answered_percent / 100,
    source: row === mine ? 'scope' : 'organisation',
    updated_at: toIso(row.updated_at),
  };
}

/** Reads and resolves a scope's target (in a request or in the analytics thread). */
export async function responseTarget(db: Db, scope: AnalyticsScope): Promise<ResponseTarget> {
  const own = ownTargetKey(scope);
  const keys = own === null || own === 'organisation' ? ['organisation'] : [own, 'organisation'];
  return targetOf(scope, await findTargets(db, keys));
}
