import type { Context, Status } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { findMutedIds } from '../graph/graph.queries';
import { presentStatuses } from './statuses.present';
import type { StatusRow } from './statuses.queries';

/** Threads larger than this show their first replies only. */
const THREAD_LIMIT = 4096;

/**
 * A status's thread: the chain of statuses it replies to (oldest first) and the replies
 * below it, depth first as Mastodon orders them. The whole thread is one index range
 * (statuses share their root's thread_id); what the viewer may not see, or mutes, is left
 * out, and so are the replies under it.
 */
export async function statusContext(
  ctx: AppContext,
  viewer: Viewer,
  status: StatusRow,
): Promise<Context> {
  const rows = await ctx.db
    .selectFrom('statuses')
    .select(['id', 'in_reply_to_id', 'account_id'])
    .where('thread_id', '=', status.thread_id)
    .where('reblog_of_id', 'is', null)
    .orderBy('id')
    .limit(THREAD_LIMIT)
    .execute();
  const muted = await mutedIds(ctx, viewer.id);
  const presented = await presentStatuses(
    ctx,
    viewer,
    rows.filter((row) => !muted.has(row.account_id) || row.id === status.id).map((row) => row.id),
  );
  const shown = new Map<string, Status>(presented.map((s) => [s.id, s]));
  const parentOf = new Map(rows.map((row) => [row.id, row.in_reply_to_id]));

  const ancestors: Status[] = [];
  for (let id = parentOf.get(status.id); id != null; id = parentOf.get(id)) {
    const found = shown.get(String(id));
    if (!found) break;
    ancestors.unshift(found);
  }

  const children = new Map<number, number[]>();
  for (const row of rows) {
    if (row.in_reply_to_id === null) continue;
    const list = children.get(row.in_reply_to_id) ?? [];
    list.push(row.id);
    children.set(row.in_reply_to_id, list);
  }
  const descendants: Status[] = [];
  const stack = [...(children.get(status.id) ?? [])].reverse();
  while (stack.length > 0) {
    const id = stack.pop() as number;
    const found = shown.get(String(id));
    if (!found) continue;
    descendants.push(found);
    stack.push(...[...(children.get(id) ?? [])].reverse());
  }
  return { ancestors, descendants };
}

/** Accounts the viewer mutes now (expired mutes no longer count). */
export function mutedIds(ctx: AppContext, viewerId: number): Promise<Set<number>> {
  return findMutedIds(ctx.db, viewerId, Date.now());
}
