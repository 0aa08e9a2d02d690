import {
  type CreateStatusInput,
  STATUS_LIMITS,
  type StatusAudience,
  type Visibility,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { indexStatusText, isUniqueViolation } from '../../db/dialect';
import { idFor, newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { findAccountById } from '../accounts/accounts.queries';
import { type ConversationChange, trackConversation } from '../conversations/conversations.queries';
import { announceConversations } from '../conversations/conversations.service';
import { recordInteractions } from '../interactions/interactions.queries';
import { attachMedia } from '../media/media.service';
import { insertNotification } from '../notifications/notifications.queries';
import { createPoll } from '../polls/polls.service';
import {
  announceQuestionActivity,
  type QuestionActivity,
  trackQuestionActivity,
} from '../questions/question-activity';
import { visibleAccounts } from '../visibility/account-visibility';
import { loadCommunityAccess } from '../visibility/community-facts';
import { loadStatusFacts } from '../visibility/status-facts';
import { canSee } from '../visibility/visibility';
import { statusActs } from './status-interactions';
import { parseStatusText, renderStatusHtml, statusLength } from './status-text';
import {
  addToHomeFeeds,
  bumpCounter,
  countCommunityStatus,
  findMentionable,
  findStatusById,
  homeRecipients,
  insertStatus,
  loadAudience,
  replaceMentions,
  replaceTags,
  type StatusRow,
} from './statuses.queries';

/** The status if the viewer may see it; 404 otherwise, so its existence does not leak. */
export async function getVisibleStatus(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<StatusRow> {
  const status = await findStatusById(ctx.db, id);
  if (!status || !(await viewerCanSee(ctx.db, viewer, status))) throw notFound();
  if (status.reblog_of_id !== null) {
    const original = await findStatusById(ctx.db, status.reblog_of_id);
    if (!original || !(await viewerCanSee(ctx.db, viewer, original))) throw notFound();
  }
  return status;
}

export async function viewerCanSee(db: Db, viewer: Viewer, status: StatusRow): Promise<boolean> {
  const author = await findAccountById(db, status.account_id);
  if (!author) return false;
  const { facts, community } = (await loadStatusFacts(db, viewer.id, [status]))(status);
  return canSee(viewer, {
    kind: 'status',
    status: {
      account_id: status.account_id,
      visibility: status.visibility,
      author,
      community,
      hidden: status.hidden_at !== null,
    },
    facts,
  });
}

interface Written {
  status: StatusRow;
  audience: StatusAudience;
  notificationIds: Array<{ id: number; accountId: number }>;
  question?: QuestionActivity | null;
  /** The direct thread it was filed under, for each participant. */
  conversations?: ConversationChange[];
}

/** Emits what a committed write announces: the status event, then its notifications. */
export function announce(
  ctx: AppContext,
  type: 'status.created' | 'status.updated',
  written: Written,
) {
  ctx.events.emit({ type, audience: written.audience });
  for (const n of written.notificationIds) {
    ctx.events.emit({
      type: 'notification.created',
      notification_id: String(n.id),
      account_id: String(n.accountId),
    });
  }
  announceConversations(ctx, written.conversations ?? []);
}

interface Rendered {
  content: string;
  mentionIds: number[];
  tags: string[];
}

/** Checks the text's length and renders it, resolving mentions to accounts the author may see. */
export async function renderText(
  ctx: AppContext,
  db: Db,
  author: Viewer,
  text: string,
): Promise<Rendered> {
  if (statusLength(text) > STATUS_LIMITS.characters) {
    throw validationFailed({
      status: [`is too long (at most ${STATUS_LIMITS.characters} characters)`],
    });
  }
  const ownHost = new URL(ctx.config.publicUrl).host.toLowerCase();
  const parsed = parseStatusText(text, ownHost);
  const mentionable = await visibleAccounts(db, author, await findMentionable(db, parsed.mentions));
  const content = renderStatusHtml(text, {
    publicUrl: ctx.config.publicUrl,
    ownHost,
    accounts: new Map(mentionable.map((account) => [account.username_key, account.username])),
  });
  return {
    content,
    mentionIds: mentionable.map((account) => account.id).filter((id) => id !== author.id),
    tags: parsed.tags.slice(0, 20),
  };
}

export function requireSomething(
  text: string,
  input: { media_ids?: string[] | undefined; poll?: unknown },
) {
  if (text.trim() === '' && (input.media_ids?.length ?? 0) === 0 && !input.poll) {
    throw validationFailed({ status: ["can't be blank"] });
  }
  if ((input.media_ids?.length ?? 0) > 0 && input.poll) {
    throw validationFailed({ poll: ['cannot be combined with media attachments'] });
  }
}

export interface CreateOptions {
  applicationId: number | null;
  idempotencyKey?: string | undefined;
  /** Demo and import data carry their own time. */
  at?: number;
}

/**
 * Posts a status: text, mentions, tags, media and poll, the home feeds of its audience and
 * the notifications it causes, in one transaction; streams hear of it after commit. With
 * an Idempotency-Key, a retry returns the status the first attempt created.
 */
export async function createStatus(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateStatusInput,
  options: CreateOptions,
): Promise<StatusRow> {
  const key = options.idempotencyKey?.slice(0, 200);
  if (key) {
    const earlier = await findByIdempotencyKey(ctx.db, viewer.id, key);
    if (earlier) return earlier;
  }
  const text = input.status ?? '';
  requireSomething(text, input);
  const parent =
    input.in_reply_to_id === undefined
      ? undefined
      : await getVisibleStatus(ctx, viewer, Number(input.in_reply_to_id)).catch(() => {
          throw new HttpError(
            404,
            'not_found',
            'The status you are trying to reply to does not appear to exist',
          );
        });
  if (parent?.reblog_of_id != null) {
    throw validationFailed({ in_reply_to_id: ['cannot be a boost; reply to the boosted status'] });
  }
  const author = await findAccountById(ctx.db, viewer.id);
  if (!author) throw notFound();
  const visibility: Visibility = input.visibility ?? author.default_privacy;
  const communityId = await postingCommunity(ctx, viewer, input, parent, visibility);
  const kind = input.kind ?? 'status';
  if (kind === 'question' && parent) {
    throw validationFailed({ kind: ['a reply is an answer; only a new status can be a question'] });
  }

  let written: Written;
  try {
    written = await ctx.db.transaction().execute(async (trx) => {
      const now = options.at ?? Date.now();
      const id = options.at === undefined ? newId() : idFor(options.at);
      const rendered = await renderText(ctx, trx, viewer, text);
      const status: StatusRow = {
        id,
        account_id: viewer.id,
        thread_id: parent?.thread_id ?? id,
        in_reply_to_id: parent?.id ?? null,
        in_reply_to_account_id: parent?.account_id ?? null,
        reblog_of_id: null,
        visibility,
        text,
        content: rendered.content,
        spoiler_text: input.spoiler_text?.trim() ?? '',
        sensitive:
          (input.sensitive ?? author.default_sensitive === 1) || input.spoiler_text ? 1 : 0,
        language: input.language ?? (author.default_language || null),
        application_id: options.applicationId,
        card_id: null,
        replies_count: 0,
        reblogs_count: 0,
        favourites_count: 0,
        created_at: now,
        edited_at: null,
        community_id: communityId,
        kind,
        hidden_at: null,
        hidden_reason: null,
      };
      await insertStatus(trx, status);
      if (communityId !== null) await countCommunityStatus(trx, communityId, now);
      if (key) {
        await trx
          .insertInto('idempotency_keys')
          .values({ account_id: viewer.id, key, status_id: id, created_at: now })
          .execute();
      }
      await replaceMentions(trx, id, rendered.mentionIds);
      await replaceTags(trx, id, rendered.tags, now);
      if (input.media_ids?.length) {
        await attachMedia(trx, {
          accountId: viewer.id,
          statusId: id,
          mediaIds: input.media_ids.map(Number),
        });
      }
      if (input.poll)
        await createPoll(trx, { statusId: id, accountId: viewer.id, poll: input.poll, now });
      await indexStatusText(trx, id, `${status.spoiler_text}\n${text}`);
      await trx
        .updateTable('accounts')
        .set((eb) => ({ statuses_count: eb('statuses_count', '+', 1), last_status_at: now }))
        .where('id', '=', viewer.id)
        .execute();
      if (parent) await bumpCounter(trx, 'statuses', 'replies_count', parent.id, 1);
      const question = await trackQuestionActivity(trx, status, parent);
      await recordInteractions(
        trx,
        statusActs(status, rendered.mentionIds, rendered.tags, question?.kind === 'answered'),
      );
      await addToHomeFeeds(trx, id, await homeRecipients(trx, status, rendered.mentionIds));
      const notificationIds = await notifyAudience(trx, viewer, status, rendered.mentionIds);
      const conversations =
        visibility === 'direct'
          ? await trackConversation(trx, status, rendered.mentionIds, now)
          : [];
      const audience = await loadAudience(trx, status);
      return { status, audience, notificationIds, question, conversations };
    });
  } catch (error) {
    // Two requests with the same key at once: the second finds the first one's status.
    if (key && isUniqueViolation(error)) {
      const earlier = await findByIdempotencyKey(ctx.db, viewer.id, key);
      if (earlier) return earlier;
    }
    throw error;
  }
  announce(ctx, 'status.created', written);
  await announceQuestionActivity(ctx, written.question ?? null);
  return written.status;
}

/**
 * Where a new status goes: a reply stays in its parent's community; a member may post in
 * a community they belong to. Guests, who exist only in communities, post there (or
 * directly to people).
 */
async function postingCommunity(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateStatusInput,
  parent: StatusRow | undefined,
  visibility: Visibility,
): Promise<number | null> {
  const asked = input.community_id === undefined ? undefined : Number(input.community_id);
  if (parent && asked !== undefined && asked !== parent.community_id) {
    throw validationFailed({ community_id: ['must be the community of the status replied to'] });
  }
  const communityId = parent ? parent.community_id : (asked ?? null);
  if (communityId === null) {
    if (viewer.role === 'guest' && visibility !== 'direct') {
      throw validationFailed({ community_id: ['is required: guests post in their communities'] });
    }
    return null;
  }
  const access = (await loadCommunityAccess(ctx.db, viewer.id, [communityId])).get(communityId);
  if (!access || !canSee(viewer, { kind: 'community', ...access })) {
    throw new HttpError(404, 'not_found', 'Community not found');
  }
  if (access.membership !== 'member') {
    throw new HttpError(403, 'forbidden', 'Join the community to post in it');
  }
  return communityId;
}

async function findByIdempotencyKey(db: Db, accountId: number, key: string) {
  const row = await db
    .selectFrom('idempotency_keys')
    .innerJoin('statuses', 'statuses.id', 'idempotency_keys.status_id')
    .selectAll('statuses')
    .where('idempotency_keys.account_id', '=', accountId)
    .where('idempotency_keys.key', '=', key)
    .executeTakeFirst();
  return row as StatusRow | undefined;
}

/**
 * Mentioned people hear of it (a reply also tells the person replied to, as a mention),
 * when they may see it; followers who asked to be notified of this author's posts too.
 */
async function notifyAudience(
  trx: Db,
  author: Viewer,
  status: StatusRow,
  mentionIds: number[],
): Promise<Array<{ id: number; accountId: number }>> {
  const told = new Set<number>();
  const notified: Array<{ id: number; accountId: number }> = [];
  const notify = async (accountId: number, type: 'mention' | 'status') => {
    if (told.has(accountId)) return;
    told.add(accountId);
    const reader = await findAccountById(trx, accountId);
    if (!reader || reader.suspended === 1) return;
    const viewer: Viewer = { id: reader.id, username: reader.username, role: reader.role };
    if (!(await viewerCanSee(trx, viewer, status))) return;
    const id = await insertNotification(trx, {
      accountId,
      type,
      fromAccountId: author.id,
      statusId: status.id,
    });
    if (id !== null) notified.push({ id, accountId });
  };
  for (const id of mentionIds) await notify(id, 'mention');
  if (status.in_reply_to_account_id !== null)
    await notify(status.in_reply_to_account_id, 'mention');
  if (status.in_reply_to_id === null && status.visibility !== 'direct') {
    const subscribers = await trx
      .selectFrom('follows')
      .select('account_id')
      .where('target_account_id', '=', author.id)
      .where('notify', '=', 1)
      .execute();
    for (const row of subscribers) await notify(row.account_id, 'status');
  }
  return notified;
}
