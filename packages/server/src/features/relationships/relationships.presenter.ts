import type { Account, Advice, WorkingRelationship } from '@rapport/schema';
import type { ContextLabel } from './context-labels.queries';
import { evidenceOf } from './evidence';
import { standingAt, strengthAt, type Tally } from './model';
import type { RelationshipRow } from './relationships.queries';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export interface RelationshipFacts {
  row: RelationshipRow;
  account: Account;
  tallies: Tally[];
  labels: Map<string, ContextLabel>;
  /** The other person's marks: only used to say whether a mark is mutual. */
  theirs: { trusted: boolean; close: boolean } | undefined;
  now: number;
  advice: (stage: WorkingRelationship['stage']) => Advice;
}

/** The viewer's own relationship with one person, as only the viewer ever sees it. */
export function presentRelationship(
  viewerId: number,
  facts: RelationshipFacts,
): WorkingRelationship {
  const { row, account, now } = facts;
  const standing = standingAt(row.stage, row.declared === 1, row.last_substantive_at, now);
  const trusted = row.mark_trusted === 1;
  const close = row.mark_close === 1;
  return {
    id: String(row.id),
    account,
    stage: standing.stage,
    strength: strengthAt(row.score, now),
    reciprocated: row.reciprocated === 1,
    first_interaction_at: iso(row.first_interaction_at),
    last_substantive_at: iso(row.last_substantive_at),
    dormant: standing.dormant,
    evidence: evidenceOf(
      viewerId,
      account.display_name || account.username,
      facts.tallies,
      facts.labels,
    ),
    advice: facts.advice(standing.stage),
    note: row.note,
    remind_every_days: row.remind_every_days,
    trusted,
    close,
    mutual_trusted: trusted && facts.theirs?.trusted === true,
    mutual_close: close && facts.theirs?.close === true,
  };
}

/** Someone the viewer has no row for yet: the stage `none` with nothing to show. */
export function emptyRow(ownerId: number, otherId: number, now: number): RelationshipRow {
  return {
    id: 0,
    owner_id: ownerId,
    other_id: otherId,
    stage: 'none',
    declared: 0,
    score: 0,
    reciprocated: 0,
    first_interaction_at: null,
    last_interaction_at: null,
    last_substantive_at: null,
    note: '',
    remind_every_days: null,
    remind_set_at: null,
    mark_trusted: 0,
    mark_close: 0,
    updated_at: now,
  };
}
