import type { StatusAudience } from '@rapport/schema';
import type { AppContext } from '../../context';
import { unindexStatus } from '../../db/dialect';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import { untrackConversation } from '../conversations/conversations.queries';
import { announceConversations } from '../conversations/conversations.service';
import { forgetAnswer } from '../questions/question-activity';
import { announceStatusUpdated } from './statuses.events';
import {
  bumpCounter,
  loadAudience,
  type StatusRow,
  uncountCommunityStatus,
} from './statuses.queries';
import { getVisibleStatus } from './statuses.service';

/* Deleting a status (its author) and removing one (its author or a moderator's decision). */

/**
 * Deletes a status (the author's own; admins moderate elsewhere) with its boosts, replies
 * keep their place in the thread. Returns the deleted row so the caller can answer with
 * its source text (for "delete and redraft").
 */
export async function deleteStatus(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<StatusRow> {
  const status = await getVisibleStatus(ctx, viewer, id);
  if (status.account_id !== viewer.id) {
    throw new HttpError(403, 'forbidden', 'Only the author can delete a status');
  }
  return removeStatus(ctx, status);
}

/**
 * Deletes a status with its boosts, media and counters, whoever asked (its author, a
 * moderator acting on a report, a community being deleted): callers check the right to.
 */
export async function removeStatus(ctx: AppContext, status: StatusRow): Promise<StatusRow> {
  const id = status.id;
  const removed = await ctx.db.transaction().execute(async (trx) => {
    const boosts = await trx
      .selectFrom('statuses')
      .selectAll()
      .where('reblog_of_id', '=', id)
      .execute();
    const audiences: StatusAudience[] = [];
    for (const row of [...boosts, status]) {
      audiences.push(await loadAudience(trx, row));
      await bumpCounter(trx, 'accounts', 'statuses_count', row.account_id, -1);
      await unindexStatus(trx, row.id);
    }
    if (status.in_reply_to_id !== null) {
      await bumpCounter(trx, 'statuses', 'replies_count', status.in_reply_to_id, -1);
    }
    const questionId = await forgetAnswer(trx, status);
    const conversations =
      status.visibility === 'direct' ? await untrackConversation(trx, status, Date.now()) : [];
    if (status.reblog_of_id !== null) {
      await bumpCounter(trx, 'statuses', 'reblogs_count', status.reblog_of_id, -1);
    }
    // Boosts are not counted in a community (only what is written there).
    if (status.community_id !== null && status.reblog_of_id === null) {
      await uncountCommunityStatus(trx, status.community_id);
    }
    const files = await trx
      .selectFrom('media_attachments')
      .select(['file', 'preview_file'])
      .where('status_id', '=', id)
      .execute();
    await trx.deleteFrom('statuses').where('reblog_of_id', '=', id).execute();
    await trx.deleteFrom('statuses').where('id', '=', id).execute();
    return { audiences, files, questionId, conversations };
  });
  for (const audience of removed.audiences) ctx.events.emit({ type: 'status.deleted', audience });
  announceConversations(ctx, removed.conversations);
  if (removed.questionId !== null) await announceStatusUpdated(ctx, removed.questionId);
  for (const file of removed.files) {
    await ctx.media.remove(file.file);
    await ctx.media.remove(file.preview_file);
  }
  return status;
}
