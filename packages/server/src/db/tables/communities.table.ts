import type { CommunityPrivacy, CommunityRole, MembershipState } from '@rapport/schema';

/** A community: a group with a privacy, roles, and its own timeline. */
export interface CommunitiesTable {
  id: number;
  name: string;
  /** Lower-cased name: the unique key. */
  name_key: string;
  description: string;
  privacy: CommunityPrivacy;
  cover_file: string | null;
  cover_description: string;
  created_by_id: number | null;
  /** Counters kept in step by the communities and statuses services. */
  members_count: number;
  statuses_count: number;
  last_status_at: number | null;
  created_at: number;
  updated_at: number;
}

/** A person's place in a community: a member with a role, or a request or invitation. */
export interface CommunityMembersTable {
  community_id: number;
  account_id: number;
  role: CommunityRole;
  state: MembershipState;
  invited_by_id: number | null;
  created_at: number;
  updated_at: number;
}

/** Words of each community's name and description, for prefix search in the directory. */
export interface CommunityTermsTable {
  term: string;
  community_id: number;
}

export interface CommunityPinsTable {
  community_id: number;
  status_id: number;
  pinned_by_id: number | null;
  created_at: number;
}

/**
 * One directed act between two people (`actor_id` towards `target_id`), with what it was
 * about: the ledger the relationship model and analytics read.
 */
export interface InteractionsTable {
  id: number;
  kind: InteractionKind;
  actor_id: number;
  target_id: number;
  subject_type: string;
  subject_id: number;
  community_id: number | null;
  created_at: number;
  /** Where it happened: `community:ID`, `page:ID`, `event:ID`, `file:ID`, `chat:ID`, `tag:NAME`, `timeline`, or an imported label. */
  context: string | null;
  /** For imported lines: a digest of the line, so importing it again adds nothing. */
  import_key: string | null;
}

export type InteractionKind =
  | 'mention'
  | 'reply'
  | 'favourite'
  | 'boost'
  | 'direct'
  | 'answer'
  | 'accepted_answer'
  | 'answer_vote'
  | 'co_authored'
  | 'same_event'
  | 'same_community'
  | 'introduction';
