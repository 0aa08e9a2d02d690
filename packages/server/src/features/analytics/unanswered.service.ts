import type { UnansweredQuery, UnansweredQuestion } from '@rapport/schema';
import type { AppContext } from '../../context';
import { decodeCursor, type SortKey } from '../../db/pagination';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import { titleOf } from '../expertise/expertise.sources';
import { type SeenStatus, seeStatuses } from '../statuses/seen-statuses';
import { loadCommunityAccess } from '../visibility/community-facts';
import { reportInput } from './analytics.service';
import { toCsv } from './csv';
import { scopeMembers } from './scope.queries';
import { round } from './stats';
import { type UnansweredFilter, unansweredIds } from './unanswered.queries';

const HOUR_MS = 60 * 60 * 1000;
/** The queue's order: oldest first, by id (ids are minted when a question is posted). */
export const UNANSWERED_KEYS: SortKey[] = [{ column: 'q.status_id', direction: 'asc' }];
const DEFAULT_LIMIT = 20;
/** Batches read for one page at most when the viewer may not see many of them. */
const BATCHES_PER_PAGE = 10;
/** The most rows a CSV download of the queue holds. */
export const CSV_ROWS = 1000;

export interface UnansweredPage {
  items: UnansweredQuestion[];
  /** The last question looked at, for the next page (undefined at the end of the queue). */
  next: number | undefined;
}

/**
 * `GET /analytics/unanswered`: the scope's questions asked in the period that still wait
 * for an answer from someone other than the asker, oldest first, each only if the viewer
 * may see it (the one visibility rule: an admin does not see a private community's
 * questions through this list). A scope under the minimum group size lists nothing, as
 * its report is withheld.
 */
export async function unansweredQueue(
  ctx: AppContext,
  viewer: Viewer,
  query: UnansweredQuery,
): Promise<UnansweredPage> {
  const filter = await queueFilter(ctx, viewer, query);
  const after = query.cursor === undefined ? undefined : cursorId(query.cursor);
  if (!filter) return { items: [], next: undefined };
  return queuePage(ctx, viewer, filter, after, query.limit ?? DEFAULT_LIMIT);
}

/** The queue as CSV: its first CSV_ROWS questions the viewer may see. */
export async function unansweredCsv(
  ctx: AppContext,
  viewer: Viewer,
  query: UnansweredQuery,
): Promise<string> {
  const filter = await queueFilter(ctx, viewer, query);
  const items: UnansweredQuestion[] = [];
  let after: number | undefined;
  while (filter && items.length < CSV_ROWS) {
    const page = await queuePage(ctx, viewer, filter, after, 80);
    items.push(...page.items);
    if (page.next === undefined) break;
    after = page.next;
  }
  return toCsv(
    ['id', 'created_at', 'waiting_hours', 'community', 'excerpt', 'url'],
    items
      .slice(0, CSV_ROWS)
      .map((item) => [
        item.id,
        item.created_at,
        item.waiting_hours,
        item.community?.name ?? '',
        item.excerpt,
        item.url,
      ]),
  );
}

async function queueFilter(
  ctx: AppContext,
  viewer: Viewer,
  query: UnansweredQuery,
): Promise<UnansweredFilter | null> {
  const input = await reportInput(ctx, viewer, query);
  const members = await scopeMembers(ctx.db, input.scope, input.period.to);
  if (members.length < input.minGroupSize) return null;
  return {
    scope: input.scope,
    period: input.period,
    askerIds: input.scope.kind === 'department' ? members : null,
    viewerId: viewer.id,
  };
}

function cursorId(cursor: string): number {
  const [id] = decodeCursor(cursor, UNANSWERED_KEYS);
  if (typeof id !== 'number') {
    throw new HttpError(
      400,
      'bad_request',
      'The cursor parameter is not valid; start from the first page',
    );
  }
  return id;
}

/**
 * One page: candidates are read in batches and kept when the viewer may see them, until
 * the page is full; `next` is the last candidate looked at, so the next page never reads
 * the same ones again.
 */
async function queuePage(
  ctx: AppContext,
  viewer: Viewer,
  filter: UnansweredFilter,
  start: number | undefined,
  limit: number,
): Promise<UnansweredPage> {
  const shown: Array<{ status: SeenStatus; communityId: number | null }> = [];
  let after = start;
  let more = true;
  for (let batch = 0; batch < BATCHES_PER_PAGE && more && shown.length < limit; batch += 1) {
    const rows = await unansweredIds(ctx.db, filter, after, limit);
    more = rows.length === limit;
    const visible = await seeStatuses(
      ctx,
      viewer,
      rows.map((row) => row.id),
    );
    const seen = new Map(visible.map((status) => [status.id, status]));
    for (const [index, row] of rows.entries()) {
      after = row.id;
      const status = seen.get(row.id);
      if (status) shown.push({ status, communityId: row.communityId });
      if (shown.length === limit) {
        more ||= index < rows.length - 1;
        break;
      }
    }
  }
  const communities = await loadCommunityAccess(
    ctx.db,
    viewer.id,
    shown.flatMap((item) => item.communityId ?? []),
  );
  const now = Date.now();
  const items = shown.map(({ status, communityId }) => {
    const access = communityId === null ? undefined : communities.get(communityId);
    const community = access ? { id: access.community.id, name: access.name } : null;
    return presentUnanswered(ctx, status, community, now);
  });
  return { items, next: more ? after : undefined };
}

/** A question of the queue as the API shows it: its first words as plain text, and a link. */
function presentUnanswered(
  ctx: AppContext,
  status: SeenStatus,
  community: { id: number; name: string } | null,
  now: number,
): UnansweredQuestion {
  const createdAt = Date.parse(status.createdAt);
  return {
    id: String(status.id),
    excerpt: titleOf(status),
    url: `${ctx.config.publicUrl}/@${status.username}/${status.id}`,
    community: community === null ? null : { id: String(community.id), name: community.name },
    created_at: status.createdAt,
    waiting_hours: round(Math.max(0, now - createdAt) / HOUR_MS, 2),
  };
}
