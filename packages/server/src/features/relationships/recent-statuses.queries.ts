import type { QuestionState } from '@rapport/schema';
import type { Db } from '../../db/tables';

/** What advice and reasons to reconnect need of someone's recent statuses. */
export interface RecentStatus {
  id: number;
  account_id: number;
  kind: 'status' | 'question';
  in_reply_to_account_id: number | null;
  community_id: number | null;
  created_at: number;
  text: string;
  spoiler_text: string;
  /** For a question: whether it is still open (`accepted` is closed). */
  question_state: QuestionState | null;
}

/**
 * One person's newest original statuses (no boosts) from `sinceId` on, newest first: one
 * range of the statuses_account index, at most `limit` rows. Whether the viewer may see
 * each is for the caller to decide, through the statuses feature's visibility step.
 */
export async function recentStatusesOf(
  db: Db,
  accountId: number,
  options: { sinceId: number; limit: number },
): Promise<RecentStatus[]> {
  return db
    .selectFrom('statuses as s')
    .leftJoin('questions as q', 'q.status_id', 's.id')
    .select([
      's.id',
      's.account_id',
      's.kind',
      's.in_reply_to_account_id',
      's.community_id',
      's.created_at',
      's.text',
      's.spoiler_text',
      'q.state as question_state',
    ])
    .where('s.account_id', '=', accountId)
    .where('s.id', '>=', options.sinceId)
    .where('s.reblog_of_id', 'is', null)
    .where('s.visibility', '!=', 'direct')
    .orderBy('s.id', 'desc')
    .limit(options.limit)
    .execute();
}

/** The hashtags (lower-cased keys) of each status (index status_tags_status). */
export async function tagKeysOf(db: Db, statusIds: number[]): Promise<Map<number, string[]>> {
  const tags = new Map<number, string[]>();
  if (statusIds.length === 0) return tags;
  const rows = await db
    .selectFrom('status_tags as st')
    .innerJoin('tags as t', 't.id', 'st.tag_id')
    .select(['st.status_id', 't.name_key'])
    .where('st.status_id', 'in', statusIds)
    .execute();
  for (const row of rows)
    tags.set(row.status_id, [...(tags.get(row.status_id) ?? []), row.name_key]);
  return tags;
}

/**
 * The communities the viewer shares with each of these people (both members), by person
 * (index community_members_account for the viewer, then the members' key per community).
 */
export async function sharedMemberships(
  db: Db,
  viewerId: number,
  otherIds: number[],
): Promise<Map<number, Map<number, string>>> {
  const shared = new Map<number, Map<number, string>>();
  if (otherIds.length === 0) return shared;
  const rows = await db
    .selectFrom('community_members as mine')
    .innerJoin('community_members as theirs', 'theirs.community_id', 'mine.community_id')
    .innerJoin('communities as c', 'c.id', 'mine.community_id')
    .select(['theirs.account_id', 'c.id', 'c.name'])
    .where('mine.account_id', '=', viewerId)
    .where('mine.state', '=', 'member')
    .where('theirs.account_id', 'in', otherIds)
    .where('theirs.state', '=', 'member')
    .execute();
  for (const row of rows) {
    const communities = shared.get(row.account_id) ?? new Map<number, string>();
    communities.set(row.id, row.name);
    shared.set(row.account_id, communities);
  }
  return shared;
}
