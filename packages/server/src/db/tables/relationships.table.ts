import type { RelationshipStage } from '@rapport/schema';
import type { InteractionKind } from './communities.table';

/** The ledger summed per (actor, target, kind, context); see features/relationships. */
export interface InteractionTalliesTable {
  actor_id: number;
  target_id: number;
  kind: InteractionKind;
  context: string;
  count: number;
  first_at: number;
  last_at: number;
  /** Sum of weight * 2^(days since 2020 / half-life). */
  score: number;
}

/** One person's (`owner_id`) private view of their relationship with another. */
export interface RelationshipsTable {
  id: number;
  owner_id: number;
  other_id: number;
  stage: RelationshipStage;
  /** 1 when both declared it (trusted or close marks). */
  declared: number;
  score: number;
  reciprocated: number;
  first_interaction_at: number | null;
  last_interaction_at: number | null;
  last_substantive_at: number | null;
  note: string;
  remind_every_days: number | null;
  /** When the reminder was set: it falls due from then if the two never exchanged. */
  remind_set_at: number | null;
  mark_trusted: number;
  mark_close: number;
  updated_at: number;
}

export interface IntroductionsTable {
  id: number;
  requester_id: number;
  introducer_id: number;
  target_id: number;
  state: 'requested' | 'forwarded' | 'accepted' | 'declined';
  declined_by: 'introducer' | 'target' | null;
  message: string;
  note: string | null;
  created_at: number;
  updated_at: number;
}

export interface RelationshipOptOutsTable {
  account_id: number;
  created_at: number;
}
