import type { Visibility } from '@rapport/schema';
import type { AppContext } from '../../context';
import { isUniqueViolation } from '../../db/dialect';
import { idFor, newId } from '../../db/ids';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import { recordInteractions } from '../interactions/interactions.queries';
import { insertNotification } from '../notifications/notifications.queries';
import { reactionAct } from './status-interactions';
import {
  addToHomeFeeds,
  bumpCounter,
  findStatusById,
  homeRecipients,
  loadAudience,
  type StatusRow,
} from './statuses.queries';
import { getVisibleStatus } from './statuses.service';

/** Reactions apply to the status itself, also when the client names a boost of it. */
async function target(ctx: AppContext, viewer: Viewer, id: number): Promise<StatusRow> {
  const status = await getVisibleStatus(ctx, viewer, id);
  if (status.reblog_of_id === null) return status;
  return (await findStatusById(ctx.db, status.reblog_of_id)) as StatusRow;
}

function notified(ctx: AppContext, id: number | null, accountId: number) {
  if (id === null) return;
  ctx.events.emit({
    type: 'notification.created',
    notification_id: String(id),
    account_id: String(accountId),
  });
}

/** Favourites the status once (repeating is harmless) and tells its author. */
export async function favourite(ctx: AppContext, viewer: Viewer, id: number): Promise<StatusRow> {
  const status = await target(ctx, viewer, id);
  const notificationId = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('favourites')
      .values({ id: newId(), account_id: viewer.id, status_id: status.id, created_at: Date.now() })
      .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
    await bumpCounter(trx, 'statuses', 'favourites_count', status.id, 1);
    await recordInteractions(trx, [reactionAct('favourite', viewer.id, status, Date.now())]);
    return insertNotification(trx, {
      accountId: status.account_id,
      type: 'favourite',
      fromAccountId: viewer.id,
      statusId: status.id,
    });
  });
  notified(ctx, notificationId, status.account_id);
  if (notificationId !== null) {
    ctx.events.emit({
      type: 'status.favourited',
      status_id: String(status.id),
      account_id: String(status.account_id),
      by_id: String(viewer.id),
    });
  }
  return status;
}

export async function unfavourite(ctx: AppContext, viewer: Viewer, id: number): Promise<StatusRow> {
  const status = await target(ctx, viewer, id);
  await ctx.db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('favourites')
      .where('account_id', '=', viewer.id)
      .where('status_id', '=', status.id)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) {
      await bumpCounter(trx, 'statuses', 'favourites_count', status.id, -1);
    }
  });
  return status;
}

export async function bookmark(ctx: AppContext, viewer: Viewer, id: number): Promise<StatusRow> {
  const status = await target(ctx, viewer, id);
  await ctx.db
    .insertInto('bookmarks')
    .values({ id: newId(), account_id: viewer.id, status_id: status.id, created_at: Date.now() })
    .onConflict((oc) => oc.columns(['account_id', 'status_id']).doNothing())
    .execute();
  return status;
}

export async function unbookmark(ctx: AppContext, viewer: Viewer, id: number): Promise<StatusRow> {
  const status = await target(ctx, viewer, id);
  await ctx.db
    .deleteFrom('bookmarks')
    .where('account_id', '=', viewer.id)
    .where('status_id', '=', status.id)
    .execute();
  return status;
}

/**
 * Boosts a status to the booster's followers. Only public and unlisted statuses can be
 * boosted by others; authors may boost their own followers-only statuses, never direct ones.
 * Returns the boost (an existing one if the viewer already boosted it).
 */
export async function reblog(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  visibility: Visibility = 'public',
  at?: number,
): Promise<StatusRow> {
  const original = await target(ctx, viewer, id);
  const own = original.account_id === viewer.id;
  if (original.visibility === 'direct' || (original.visibility === 'private' && !own)) {
    throw new HttpError(403, 'forbidden', 'This status cannot be boosted');
  }
  const existing = await findBoost(ctx, viewer.id, original.id);
  if (existing) return existing;
  const boostVisibility: Visibility = original.visibility === 'private' ? 'private' : visibility;
  try {
    const written = await ctx.db.transaction().execute(async (trx) => {
      const now = at ?? Date.now();
      const boost: StatusRow = {
        id: at === undefined ? newId() : idFor(at),
        account_id: viewer.id,
        thread_id: original.thread_id,
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        reblog_of_id: original.id,
        visibility: boostVisibility === 'direct' ? 'public' : boostVisibility,
        text: '',
        content: '',
        spoiler_text: '',
        sensitive: 0,
        language: null,
        application_id: null,
        card_id: null,
        replies_count: 0,
        reblogs_count: 0,
        favourites_count: 0,
        created_at: now,
        edited_at: null,
        // A boost stays where the original was posted: its community decides who sees it.
        community_id: original.community_id,
        kind: 'status',
        hidden_at: null,
        hidden_reason: null,
      };
      await trx.insertInto('statuses').values(boost).execute();
      await bumpCounter(trx, 'statuses', 'reblogs_count', original.id, 1);
      await recordInteractions(trx, [reactionAct('boost', viewer.id, original, now)]);
      await trx
        .updateTable('accounts')
        .set((eb) => ({ statuses_count: eb('statuses_count', '+', 1), last_status_at: now }))
        .where('id', '=', viewer.id)
        .execute();
      // Followers who already have the original in their feed do not get it twice.
      const recipients = await homeRecipients(trx, boost, []);
      const already = new Set(
        (
          await trx
            .selectFrom('home_feed')
            .select('account_id')
            .where('status_id', '=', original.id)
            .execute()
        ).map((row) => row.account_id),
      );
      await addToHomeFeeds(
        trx,
        boost.id,
        recipients.filter((account) => !already.has(account)),
      );
      const notificationId = await insertNotification(trx, {
        accountId: original.account_id,
        type: 'reblog',
        fromAccountId: viewer.id,
        statusId: original.id,
      });
      return { boost, notificationId, audience: await loadAudience(trx, boost) };
    });
    ctx.events.emit({ type: 'status.created', audience: written.audience });
    notified(ctx, written.notificationId, original.account_id);
    return written.boost;
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return (await findBoost(ctx, viewer.id, original.id)) as StatusRow;
  }
}

async function findBoost(ctx: AppContext, accountId: number, originalId: number) {
  return ctx.db
    .selectFrom('statuses')
    .selectAll()
    .where('reblog_of_id', '=', originalId)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
}

/** Removes the viewer's boost; answers with the original status, as Mastodon does. */
export async function unreblog(ctx: AppContext, viewer: Viewer, id: number): Promise<StatusRow> {
  const original = await target(ctx, viewer, id);
  const boost = await findBoost(ctx, viewer.id, original.id);
  if (!boost) return original;
  const audience = await ctx.db.transaction().execute(async (trx) => {
    const audience = await loadAudience(trx, boost);
    const removed = await trx.deleteFrom('statuses').where('id', '=', boost.id).executeTakeFirst();
    if (Number(removed.numDeletedRows) > 0) {
      await bumpCounter(trx, 'statuses', 'reblogs_count', original.id, -1);
      await bumpCounter(trx, 'accounts', 'statuses_count', viewer.id, -1);
    }
    return audience;
  });
  ctx.events.emit({ type: 'status.deleted', audience });
  return original;
}
