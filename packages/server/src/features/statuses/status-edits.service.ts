import type { EditStatusInput } from '@rapport/schema';
import type { AppContext } from '../../context';
import { indexStatusText } from '../../db/dialect';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import { updateAttachedMedia } from '../media/media.service';
import { insertNotification } from '../notifications/notifications.queries';
import { replacePoll } from '../polls/polls.service';
import {
  loadAudience,
  replaceMentions,
  replaceTags,
  type StatusRow,
  storeEdit,
} from './statuses.queries';
import { announce, getVisibleStatus, renderText, requireSomething } from './statuses.service';

/*
 * Editing a status: the text, media, poll and content warning change, the earlier version
 * is kept in its history, and those who boosted it hear of the change.
 */

/** Only the author edits; every edit keeps the previous revision in the history. */
export async function editStatus(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: EditStatusInput,
): Promise<StatusRow> {
  const current = await getVisibleStatus(ctx, viewer, id);
  if (current.account_id !== viewer.id || current.reblog_of_id !== null) {
    throw new HttpError(403, 'forbidden', 'Only the author can edit a status');
  }
  const text = input.status ?? current.text;
  const mediaIds = input.media_ids ?? (await currentMediaIds(ctx.db, id)).map(String);
  const hadPoll =
    (await ctx.db
      .selectFrom('polls')
      .select('id')
      .where('status_id', '=', id)
      .executeTakeFirst()) !== undefined;
  requireSomething(text, { media_ids: mediaIds, poll: input.poll ?? (hadPoll ? true : undefined) });

  const written = await ctx.db.transaction().execute(async (trx) => {
    const now = Date.now();
    const rendered = await renderText(ctx, trx, viewer, text);
    const existing = await trx
      .selectFrom('status_edits')
      .select('id')
      .where('status_id', '=', id)
      .limit(1)
      .executeTakeFirst();
    // The first edit also records the original, so the history starts where the status did.
    if (!existing) await recordRevision(trx, current, current.created_at);
    const spoiler = input.spoiler_text?.trim() ?? current.spoiler_text;
    const updated: StatusRow = {
      ...current,
      text,
      content: rendered.content,
      spoiler_text: spoiler,
      sensitive: (input.sensitive ?? current.sensitive === 1) || spoiler !== '' ? 1 : 0,
      language: input.language ?? current.language,
      edited_at: now,
    };
    updated.edited_at = await storeEdit(
      trx,
      id,
      {
        text: updated.text,
        content: updated.content,
        spoiler_text: updated.spoiler_text,
        sensitive: updated.sensitive,
        language: updated.language,
        // A changed link gets a fresh preview.
        card_id: text === current.text ? current.card_id : null,
      },
      now,
    );
    if (text !== current.text) updated.card_id = null;
    await replaceMentions(trx, id, rendered.mentionIds);
    await replaceTags(trx, id, rendered.tags, now);
    await updateAttachedMedia(trx, {
      accountId: viewer.id,
      statusId: id,
      mediaIds: mediaIds.map(Number),
      descriptions: new Map(
        (input.media_attributes ?? []).flatMap((attribute) =>
          attribute.description === undefined
            ? []
            : [[Number(attribute.id), attribute.description]],
        ),
      ),
    });
    if (input.poll !== undefined) {
      await replacePoll(trx, { statusId: id, accountId: viewer.id, poll: input.poll, now });
    }
    await indexStatusText(trx, id, `${spoiler}\n${text}`);
    await recordRevision(trx, updated, now);
    const notificationIds = await notifyBoosters(trx, viewer, id);
    return { status: updated, audience: await loadAudience(trx, updated), notificationIds };
  });
  announce(ctx, 'status.updated', written);
  return written.status;
}

async function currentMediaIds(db: Db, statusId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('media_attachments')
    .select('id')
    .where('status_id', '=', statusId)
    .orderBy('position')
    .execute();
  return rows.map((row) => row.id);
}

async function recordRevision(trx: Db, status: StatusRow, at: number) {
  const media = await trx
    .selectFrom('media_attachments')
    .select(['id', 'description'])
    .where('status_id', '=', status.id)
    .orderBy('position')
    .execute();
  const poll = await trx
    .selectFrom('polls')
    .select('options')
    .where('status_id', '=', status.id)
    .executeTakeFirst();
  await trx
    .insertInto('status_edits')
    .values({
      id: newId(),
      status_id: status.id,
      account_id: status.account_id,
      text: status.text,
      content: status.content,
      spoiler_text: status.spoiler_text,
      sensitive: status.sensitive,
      media: JSON.stringify(media),
      poll_options: poll?.options ?? null,
      created_at: at,
    })
    .execute();
}

/** People who boosted a status hear that it changed (Mastodon's `update` notification). */
async function notifyBoosters(trx: Db, author: Viewer, statusId: number) {
  const boosters = await trx
    .selectFrom('statuses')
    .select('account_id')
    .where('reblog_of_id', '=', statusId)
    .execute();
  const notified: Array<{ id: number; accountId: number }> = [];
  for (const { account_id } of boosters) {
    const id = await insertNotification(trx, {
      accountId: account_id,
      type: 'update',
      fromAccountId: author.id,
      statusId,
    });
    if (id !== null) notified.push({ id, accountId: account_id });
  }
  return notified;
}
