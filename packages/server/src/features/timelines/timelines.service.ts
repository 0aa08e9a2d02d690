import type { Status } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { IdPage } from '../../db/pagination';
import type { Viewer } from '../../http/auth';
import { getVisibleAccount } from '../accounts/accounts.service';
import { presentStatuses } from '../statuses/statuses.present';
import { mutedIds } from '../statuses/thread.service';
import {
  accountPage,
  homeFeedPage,
  homeFromGraph,
  publicPage,
  tagIdsByName,
  tagPage,
} from './timelines.queries';

/** A page of statuses and the ids its Link header continues from (before any filtering). */
export interface TimelinePage {
  statuses: Status[];
  ids: number[];
}

/**
 * Candidate ids become a page: `presentStatuses` applies the one visibility rule and
 * leaves out statuses by muted authors (and boosts of them).
 */
async function finish(
  ctx: AppContext,
  viewer: Viewer,
  ids: number[],
  options: { keepMuted?: number } = {},
): Promise<TimelinePage> {
  const muted = await mutedIds(ctx, viewer.id);
  return {
    statuses: await presentStatuses(ctx, viewer, ids, {
      muted,
      ...(options.keepMuted === undefined ? {} : { keepMutedAuthor: options.keepMuted }),
    }),
    ids,
  };
}

/**
 * The home timeline: the viewer's feed, and when a page runs past the feed's end (feeds
 * keep only their newest entries), older statuses straight from the follow graph, so a
 * timeline is never empty while followed people have posted.
 */
export async function homeTimeline(
  ctx: AppContext,
  viewer: Viewer,
  page: IdPage,
): Promise<TimelinePage> {
  const fromFeed = await homeFeedPage(ctx.db, viewer.id, page);
  const paging = page.minId !== undefined || page.sinceId !== undefined;
  if (fromFeed.length >= page.limit || paging) return finish(ctx, viewer, fromFeed);
  const oldest = fromFeed.at(-1) ?? page.maxId;
  const older = await homeFromGraph(ctx.db, viewer.id, oldest, page.limit - fromFeed.length);
  return finish(ctx, viewer, [...fromFeed, ...older]);
}

export async function publicTimeline(
  ctx: AppContext,
  viewer: Viewer,
  page: IdPage,
  options: { onlyMedia: boolean; remoteOnly: boolean },
): Promise<TimelinePage> {
  // Every account is local: a remote-only timeline is empty.
  if (options.remoteOnly) return { statuses: [], ids: [] };
  return finish(ctx, viewer, await publicPage(ctx.db, page, options));
}

export async function tagTimeline(
  ctx: AppContext,
  viewer: Viewer,
  tag: string,
  page: IdPage,
  options: { any?: string[]; all?: string[]; none?: string[]; onlyMedia: boolean },
): Promise<TimelinePage> {
  const tagIds = await tagIdsByName(ctx.db, [tag, ...(options.any ?? [])]);
  const all = options.all ?? [];
  const allIds = await tagIdsByName(ctx.db, all);
  if (allIds.length < all.length) return { statuses: [], ids: [] };
  const candidates = await tagPage(
    ctx.db,
    {
      tagIds,
      allIds,
      noneIds: await tagIdsByName(ctx.db, options.none ?? []),
      onlyMedia: options.onlyMedia,
    },
    page,
  );
  return finish(ctx, viewer, candidates);
}

export async function accountTimeline(
  ctx: AppContext,
  viewer: Viewer,
  accountId: number,
  page: IdPage,
  options: {
    excludeReplies: boolean;
    excludeReblogs: boolean;
    onlyMedia: boolean;
    pinned: boolean;
    tagged: string | undefined;
  },
): Promise<TimelinePage> {
  const account = await getVisibleAccount(ctx, viewer, accountId);
  // Pinned statuses do not exist yet: the pinned list is empty.
  if (options.pinned) return { statuses: [], ids: [] };
  const own = account.id === viewer.id;
  const following =
    !own &&
    (await ctx.db
      .selectFrom('follows')
      .select('id')
      .where('account_id', '=', viewer.id)
      .where('target_account_id', '=', account.id)
      .executeTakeFirst()) !== undefined;
  const visibilities: Array<'public' | 'unlisted' | 'private' | 'direct'> = own
    ? ['public', 'unlisted', 'private', 'direct']
    : following
      ? ['public', 'unlisted', 'private']
      : ['public', 'unlisted'];
  const tagId =
    options.tagged === undefined
      ? undefined
      : ((await tagIdsByName(ctx.db, [options.tagged]))[0] ?? null);
  const candidates = await accountPage(
    ctx.db,
    { accountId: account.id, visibilities, viewerId: viewer.id, ...options, tagId },
    page,
  );
  // Someone who opens a profile they mute still sees that person's own statuses there.
  return finish(ctx, viewer, candidates, { keepMuted: account.id });
}
