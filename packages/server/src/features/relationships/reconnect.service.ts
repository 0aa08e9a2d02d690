import type { ReconnectReason } from '@rapport/schema';
import type { AppContext } from '../../context';
import { idAt } from '../../db/ids';
import type { Viewer } from '../../http/auth';
import { seeBatch } from '../statuses/statuses.present';
import { DAY_MS } from './model';
import {
  type RecentStatus,
  recentStatusesOf,
  sharedMemberships,
  tagKeysOf,
} from './recent-statuses.queries';
import { topicsOf } from './shared.queries';
import { agoText, excerptOf, nameOf, statusPath } from './words';

/** A reason to reconnect is something posted in the last 60 days. */
export const RECONNECT_DAYS = 60;
/** How many of each person's newest statuses are looked at. */
const PER_PERSON = 20;
/** How many of the viewer's hashtags count as their topics here. */
const VIEWER_TOPICS = 30;

/**
 * The ids among `ids` the viewer may see: the statuses feature's one visibility step
 * (`seeBatch`, the rule every status list goes through), a constant number of queries.
 */
export async function visibleStatusIds(
  ctx: AppContext,
  viewer: Viewer,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const { shown } = await seeBatch(ctx, viewer, ids, {});
  return new Set(shown.map((row) => row.id));
}

/** Their own posts and replies within their own threads: not answers to someone else. */
export const ownPost = (status: RecentStatus) =>
  status.kind === 'status' &&
  (status.in_reply_to_account_id === null || status.in_reply_to_account_id === status.account_id);

interface Person {
  id: number;
  username: string;
  display_name: string;
}

/**
 * For each person, something they posted in the last 60 days that the viewer may see, on
 * a topic both care about: the newest status with one of the viewer's hashtags (they
 * wrote about it, the viewer writes about it); failing that, their newest status in a
 * community both belong to; else nothing. One small indexed query per person (their
 * newest 20 statuses), then the hashtags, the shared communities and the visibility step
 * for the whole batch.
 */
export async function reconnectReasons(
  ctx: AppContext,
  viewer: Viewer,
  people: Person[],
  now: number,
): Promise<Map<number, ReconnectReason>> {
  const reasons = new Map<number, ReconnectReason>();
  if (people.length === 0) return reasons;
  const sinceId = idAt(now - RECONNECT_DAYS * DAY_MS);
  const [topics, recent, shared] = await Promise.all([
    topicsOf(ctx.db, viewer.id, VIEWER_TOPICS),
    Promise.all(
      people.map((person) => recentStatusesOf(ctx.db, person.id, { sinceId, limit: PER_PERSON })),
    ),
    sharedMemberships(
      ctx.db,
      viewer.id,
      people.map((person) => person.id),
    ),
  ]);
  const candidates = recent.flat().filter(ownPost);
  const ids = candidates.map((status) => status.id);
  const [tags, visible] = await Promise.all([
    tagKeysOf(ctx.db, ids),
    visibleStatusIds(ctx, viewer, ids),
  ]);
  const mine = new Set(topics);
  for (const person of people) {
    const theirs = candidates.filter((s) => s.account_id === person.id && visible.has(s.id));
    const onTopic = theirs.find((s) => (tags.get(s.id) ?? []).some((tag) => mine.has(tag)));
    const communities = shared.get(person.id);
    const status =
      onTopic ??
      theirs.find((s) => s.community_id !== null && communities?.has(s.community_id) === true);
    if (!status) continue;
    const topic = onTopic
      ? ((tags.get(onTopic.id) ?? []).find((tag) => mine.has(tag)) ?? null)
      : null;
    const where = topic
      ? `about #${topic}`
      : `in ${communities?.get(status.community_id as number) ?? 'a community you share'}`;
    reasons.set(person.id, {
      status_id: String(status.id),
      path: statusPath(person.username, status.id),
      excerpt: excerptOf(status),
      topic,
      created_at: new Date(status.created_at).toISOString(),
      text: `${nameOf(person)} posted ${where} ${agoText(status.created_at, now)}`,
    });
  }
  return reasons;
}
