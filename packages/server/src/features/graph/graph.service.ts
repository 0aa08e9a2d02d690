import type { DomainEvent, Relationship } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import { forbidden, HttpError, notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { type AccountRow, findAccountById, findAccountsByIds } from '../accounts/accounts.queries';
import { getVisibleAccount } from '../accounts/accounts.service';
import { termsOf } from '../accounts/terms';
import { insertNotification } from '../notifications/notifications.queries';
import { canSeeAccount, visibleAccounts } from '../visibility/account-visibility';
import { accountScope } from '../visibility/visibility';
import { presentRelationship } from './graph.presenter';
import {
  blockExistsBetween,
  deleteBlock,
  deleteFollow,
  deleteMute,
  findFollow,
  insertBlock,
  insertFollow,
  loadGraphFacts,
  lockPair,
  recentFollowNotification,
  updateFollowOptions,
  upsertMute,
} from './graph.queries';
import {
  type ListedAccount,
  listBlocked,
  listFollows,
  listMuted,
  searchAccounts as searchAccountRows,
} from './graph-lists.queries';
import { backfillHomeFeed, removeFromHomeFeed } from './home-feed.queries';

/** A re-follow within this time does not notify again. */
const FOLLOW_NOTIFICATION_QUIET_MS = 60 * 60 * 1000;

/**
 * How the viewer stands towards each account, in the order asked (duplicates once), in a
 * constant number of queries whatever the count. Visibility is the caller's business.
 */
export async function relationshipsOf(
  db: Db,
  viewerId: number,
  accountIds: number[],
): Promise<Relationship[]> {
  const ids = [...new Set(accountIds)];
  const facts = await loadGraphFacts(db, viewerId, ids);
  return ids.map((id) => presentRelationship(id, facts));
}

async function relationshipWith(ctx: AppContext, viewer: Viewer, id: number) {
  const [relationship] = await relationshipsOf(ctx.db, viewer.id, [id]);
  if (!relationship) throw new Error('a relationship of one account came back empty');
  return relationship;
}

type Action = 'follow' | 'unfollow' | 'block' | 'unblock' | 'mute' | 'unmute';

/**
 * The account a graph action is about: someone the viewer may see and who is not
 * suspended (anyone else does not exist, as far as the viewer is told), never the viewer.
 */
async function actionTarget(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  action: Action,
): Promise<AccountRow> {
  if (id === viewer.id) {
    throw new HttpError(422, 'validation_failed', `You cannot ${action} yourself`);
  }
  const row = await findAccountById(ctx.db, id);
  if (!row || row.suspended === 1 || !(await canSeeAccount(ctx.db, viewer, row))) {
    throw notFound();
  }
  return row;
}

/** Runs a graph change in one transaction that holds both accounts; events follow commit. */
async function change(
  ctx: AppContext,
  viewer: Viewer,
  target: AccountRow,
  work: (trx: Db, events: DomainEvent[]) => Promise<void>,
): Promise<Relationship> {
  const events: DomainEvent[] = [];
  await ctx.db.transaction().execute(async (trx) => {
    await lockPair(trx, viewer.id, target.id);
    await work(trx, events);
  });
  for (const event of events) ctx.events.emit(event);
  return relationshipWith(ctx, viewer, target.id);
}

const pair = (accountId: number, targetId: number) => ({
  account_id: String(accountId),
  target_id: String(targetId),
});

/**
 * Follows at once (accounts are never locked), or updates the options of an existing
 * follow. A new follow fills the follower's home feed with the author's recent statuses
 * and notifies the author, unless the same follow notified them within the last hour.
 */
export async function follow(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: { reblogs?: boolean | undefined; notify?: boolean | undefined },
): Promise<Relationship> {
  const target = await actionTarget(ctx, viewer, id, 'follow');
  return change(ctx, viewer, target, async (trx, events) => {
    if (await blockExistsBetween(trx, viewer.id, target.id)) throw forbidden();
    const existing = await findFollow(trx, viewer.id, target.id);
    if (existing) {
      const reblogs = input.reblogs === undefined ? existing.show_reblogs : input.reblogs ? 1 : 0;
      const notify = input.notify === undefined ? existing.notify : input.notify ? 1 : 0;
      if (reblogs !== existing.show_reblogs || notify !== existing.notify) {
        await updateFollowOptions(trx, existing.id, { show_reblogs: reblogs, notify });
      }
      if (reblogs === 0 && existing.show_reblogs === 1) {
        await removeFromHomeFeed(trx, viewer.id, target.id, {
          keepMentions: false,
          onlyReblogs: true,
        });
      } else if (reblogs === 1 && existing.show_reblogs === 0) {
        await backfillHomeFeed(trx, viewer.id, target.id, { reblogs: true });
      }
      return;
    }
    const reblogs = input.reblogs ?? true;
    const created = await insertFollow(trx, {
      accountId: viewer.id,
      targetId: target.id,
      showReblogs: reblogs,
      notify: input.notify ?? false,
    });
    if (!created) return;
    events.push({ type: 'follow.created', ...pair(viewer.id, target.id) });
    await backfillHomeFeed(trx, viewer.id, target.id, { reblogs });
    const since = Date.now() - FOLLOW_NOTIFICATION_QUIET_MS;
    if (await recentFollowNotification(trx, target.id, viewer.id, since)) return;
    const notificationId = await insertNotification(trx, {
      accountId: target.id,
      type: 'follow',
      fromAccountId: viewer.id,
      statusId: null,
    });
    if (notificationId !== null) {
      events.push({
        type: 'notification.created',
        notification_id: String(notificationId),
        account_id: String(target.id),
      });
    }
  });
}

/** Ends a follow; the author's statuses leave the home feed, except those mentioning the reader. */
export async function unfollow(ctx: AppContext, viewer: Viewer, id: number) {
  const target = await actionTarget(ctx, viewer, id, 'unfollow');
  return change(ctx, viewer, target, async (trx, events) => {
    if (!(await deleteFollow(trx, viewer.id, target.id))) return;
    await removeFromHomeFeed(trx, viewer.id, target.id, { keepMentions: true });
    events.push({ type: 'follow.removed', ...pair(viewer.id, target.id) });
  });
}

/**
 * Blocks: the follows between the two end, both ways, and each one's statuses leave the
 * other's home feed (mentions too: across a block nothing is visible).
 */
export async function block(ctx: AppContext, viewer: Viewer, id: number) {
  const target = await actionTarget(ctx, viewer, id, 'block');
  return change(ctx, viewer, target, async (trx, events) => {
    if (await insertBlock(trx, viewer.id, target.id)) {
      events.push({ type: 'block.created', ...pair(viewer.id, target.id) });
    }
    for (const [a, b] of [
      [viewer.id, target.id],
      [target.id, viewer.id],
    ] as const) {
      if (await deleteFollow(trx, a, b)) events.push({ type: 'follow.removed', ...pair(a, b) });
      await removeFromHomeFeed(trx, a, b, { keepMentions: false });
    }
  });
}

/** Ends a block; follows that the block ended stay ended. */
export async function unblock(ctx: AppContext, viewer: Viewer, id: number) {
  const target = await actionTarget(ctx, viewer, id, 'unblock');
  return change(ctx, viewer, target, async (trx, events) => {
    if (await deleteBlock(trx, viewer.id, target.id)) {
      events.push({ type: 'block.removed', ...pair(viewer.id, target.id) });
    }
  });
}

/**
 * Mutes (notifications too unless `notifications` is false) for `duration` seconds, or
 * until unmuted when it is 0 or absent. Muting again replaces the options. Home feeds do
 * not change: timelines leave muted accounts out when they are read.
 */
export async function mute(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: { notifications?: boolean | undefined; duration?: number | undefined },
) {
  const target = await actionTarget(ctx, viewer, id, 'mute');
  return change(ctx, viewer, target, async (trx, events) => {
    const started = await upsertMute(trx, {
      accountId: viewer.id,
      targetId: target.id,
      hideNotifications: input.notifications ?? true,
      expiresAt: input.duration ? Date.now() + input.duration * 1000 : null,
    });
    if (started) events.push({ type: 'mute.created', ...pair(viewer.id, target.id) });
  });
}

export async function unmute(ctx: AppContext, viewer: Viewer, id: number) {
  const target = await actionTarget(ctx, viewer, id, 'unmute');
  return change(ctx, viewer, target, async (trx, events) => {
    if (await deleteMute(trx, viewer.id, target.id)) {
      events.push({ type: 'mute.removed', ...pair(viewer.id, target.id) });
    }
  });
}

/**
 * Relationships with the accounts the viewer may see, in the order asked; unknown ids are
 * left out, and suspended accounts unless asked for.
 */
export async function relationships(
  ctx: AppContext,
  viewer: Viewer,
  ids: number[],
  withSuspended: boolean,
): Promise<Relationship[]> {
  const rows = await findAccountsByIds(ctx.db, ids);
  const shown = new Set(
    (
      await visibleAccounts(
        ctx.db,
        viewer,
        rows.filter((row) => withSuspended || row.suspended === 0),
      )
    ).map((row) => row.id),
  );
  return relationshipsOf(
    ctx.db,
    viewer.id,
    ids.filter((id) => shown.has(id)),
  );
}

/**
 * Someone's followers or follows, newest follow first. The lists of a suspended account,
 * of someone who hides them, or of someone who blocks the viewer are empty (to anyone but
 * their owner).
 */
export async function followList(
  ctx: AppContext,
  viewer: Viewer,
  side: 'followers' | 'following',
  id: number,
  page: IdPage,
): Promise<ListedAccount[]> {
  const account = await getVisibleAccount(ctx, viewer, id);
  if (account.suspended === 1) return [];
  if (account.id !== viewer.id) {
    if (account.hide_collections === 1) return [];
    const facts = await loadGraphFacts(ctx.db, viewer.id, [account.id]);
    if (facts.blockedBy.has(account.id)) return [];
  }
  return listFollows(
    ctx.db,
    side,
    account.id,
    { id: viewer.id, scope: accountScope(viewer) },
    page,
  );
}

export async function blockedAccounts(ctx: AppContext, viewer: Viewer, page: IdPage) {
  return listBlocked(ctx.db, { id: viewer.id, scope: accountScope(viewer) }, page);
}

export async function mutedAccounts(ctx: AppContext, viewer: Viewer, page: IdPage) {
  return listMuted(ctx.db, { id: viewer.id, scope: accountScope(viewer) }, page);
}

/**
 * Account search for mention autocomplete. Plain words match any word of the name,
 * username, title, department, location or skills by prefix; `@ana` (or `ana@` this
 * server's domain) matches usernames starting with "ana". Other domains have no accounts.
 */
export async function searchAccounts(
  ctx: AppContext,
  viewer: Viewer,
  query: { q: string; limit?: number | undefined; following?: boolean | undefined },
): Promise<AccountRow[]> {
  const q = query.q.trim();
  let terms: string[];
  let usernamePrefix: string | undefined;
  if (q.includes('@')) {
    const [username = '', domain] = q.replace(/^@/, '').split('@');
    if (domain && domain.toLowerCase() !== ctx.config.domain.toLowerCase()) return [];
    usernamePrefix = username.toLowerCase();
    terms = termsOf(username);
  } else {
    terms = termsOf(q);
  }
  if (terms.length === 0) return [];
  return searchAccountRows(ctx.db, {
    viewer: { id: viewer.id, scope: accountScope(viewer) },
    terms,
    usernamePrefix,
    following: query.following ?? false,
    limit: query.limit ?? 40,
  });
}
