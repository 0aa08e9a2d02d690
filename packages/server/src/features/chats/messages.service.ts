import type { ChatMessage, SendChatMessageInput } from '@rapport/schema';
import type { AppContext } from '../../context';
import { isUniqueViolation } from '../../db/dialect';
import { idFor, newId } from '../../db/ids';
import type { IdPage } from '../../db/pagination';
import { forbidden, type HttpError, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { DAY_MS } from '../../lib/time';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { termsOf } from '../accounts/terms';
import { recordInteractions } from '../interactions/interactions.queries';
import { plainExcerpt, renderMarkdown } from '../pages/pages.markdown';
import { visibleAccounts } from '../visibility/account-visibility';
import { presentMessages } from './chats.presenter';
import {
  claimMediaForMessage,
  findActiveMember,
  findActiveMembers,
  findChatById,
  findMessageByKey,
  findMessagesByIds,
  insertMessage,
  insertTerms,
  listMessages,
  lockChat,
  type MessageRow,
  recordMessageActivity,
  searchMessageIds,
  setInteractionDay,
} from './chats.queries';
import { chatNotFound, requireMember } from './chats.service';
import { doesNotAcceptMessages, refusingRecipients } from './message-policy';

/** Words indexed per message: enough for any real message, bounded for a pasted novel. */
const MAX_TERMS = 300;
const MAX_MEDIA = 4;

/** Mastodon's message when media ids cannot be attached. */
function notAttachable(ids: number[]): HttpError {
  const list = ids.join(', ');
  return validationFailed({ media_ids: [`${list} not found or already attached`] });
}

/** Plain text for email and push: the start of the message, or what it carries. */
export function messagePreview(html: string, images: number): string {
  const text = plainExcerpt(html, 140);
  if (text !== '') return text;
  return images === 1 ? 'Sent an image' : `Sent ${images} images`;
}

/**
 * In a one-to-one conversation the other person must still accept the sender (the policy,
 * blocks, and for guests whether they may still see them) at every message; a group's
 * members agreed when it was made.
 */
async function requireAcceptedByOther(ctx: AppContext, viewer: Viewer, otherIds: number[]) {
  const others = await findAccountsByIds(ctx.db, otherIds);
  const visible = new Set((await visibleAccounts(ctx.db, viewer, others)).map((row) => row.id));
  const refused = [
    ...others.filter((row) => !visible.has(row.id)),
    ...(await refusingRecipients(
      ctx.db,
      viewer,
      others.filter((row) => visible.has(row.id)),
    )),
  ];
  if (refused.length > 0) throw doesNotAcceptMessages(refused);
}

export interface SendOptions {
  idempotencyKey?: string | undefined;
  /** Demo data carries its own time. */
  at?: number;
}

/**
 * Sends a message: Markdown rendered through the one sanitiser, the sender's unattached
 * images, the search words, everyone's unread counts and list order, in one transaction;
 * `chat.message` goes out after commit. The conversation row stays locked from minting the
 * id to commit, so ids grow in commit order within a conversation: a client catching up
 * with `min_id` never misses a message committed later with a smaller id.
 */
export async function sendMessage(
  ctx: AppContext,
  viewer: Viewer,
  chatId: number,
  input: SendChatMessageInput,
  options: SendOptions = {},
): Promise<MessageRow> {
  await requireMember(ctx.db, chatId, viewer.id);
  const key = options.idempotencyKey?.slice(0, 200);
  if (key) {
    const earlier = await findMessageByKey(ctx.db, { chatId, accountId: viewer.id, key });
    if (earlier) return earlier;
  }
  const text = input.text;
  const mediaIds = [...new Set((input.media_ids ?? []).map(Number))];
  if (text.trim() === '' && mediaIds.length === 0) {
    throw validationFailed({ text: ["can't be blank without an image"] });
  }
  if (mediaIds.length > MAX_MEDIA) {
    throw validationFailed({ media_ids: [`must have at most ${MAX_MEDIA} attachments`] });
  }
  const chat = await findChatById(ctx.db, chatId);
  if (!chat) throw chatNotFound();
  const others = (await findActiveMembers(ctx.db, [chatId]))
    .map((member) => member.account_id)
    .filter((id) => id !== viewer.id);
  if (others.length === 0) throw forbidden('Everyone else has left this conversation');
  if (chat.kind === 'direct') await requireAcceptedByOther(ctx, viewer, others);
  const html = text.trim() === '' ? '' : renderMarkdown(text);

  let sent: { message: MessageRow; recipients: Array<{ id: number; muted: boolean }> };
  try {
    sent = await ctx.db.transaction().execute(async (trx) => {
      const locked = await lockChat(trx, chatId);
      if (!locked || !(await findActiveMember(trx, chatId, viewer.id))) throw chatNotFound();
      const at = options.at ?? Date.now();
      const minted = options.at === undefined ? newId() : idFor(options.at);
      const id = Math.max(minted, (locked.last_message_id ?? 0) + 1);
      const message: MessageRow = {
        id,
        chat_id: chatId,
        account_id: viewer.id,
        text,
        html,
        idempotency_key: key ?? null,
        created_at: at,
      };
      await insertMessage(trx, message);
      const refused: number[] = [];
      for (const [position, mediaId] of mediaIds.entries()) {
        const claim = { id: mediaId, accountId: viewer.id, messageId: id, position };
        if (!(await claimMediaForMessage(trx, claim))) refused.push(mediaId);
      }
      if (refused.length > 0) throw notAttachable(refused);
      await insertTerms(trx, chatId, id, termsOf(text).slice(0, MAX_TERMS));
      await recordMessageActivity(trx, { chatId, id, senderId: viewer.id, at });
      const members = await findActiveMembers(trx, [chatId]);
      const own = members.find((member) => member.account_id === viewer.id);
      const recipients = members.filter((member) => member.account_id !== viewer.id);
      // The relationship model hears that these people exchanged messages, never what they
      // said, and at most once per sender, recipient, conversation and (UTC) day: a busy
      // conversation would otherwise flood the ledger and outweigh every other kind of act.
      const day = Math.floor(at / DAY_MS);
      if (own && own.interaction_day < day) {
        await recordInteractions(
          trx,
          recipients.map((member) => ({
            kind: 'direct' as const,
            actorId: viewer.id,
            targetId: member.account_id,
            subjectType: 'chat',
            subjectId: chatId,
            communityId: null,
            at,
          })),
        );
        await setInteractionDay(trx, chatId, viewer.id, day);
      }
      return {
        message,
        recipients: recipients.map((member) => ({
          id: member.account_id,
          muted: member.muted === 1,
        })),
      };
    });
  } catch (error) {
    // The same retry twice at once: the second finds the first one's message.
    if (key && isUniqueViolation(error)) {
      const earlier = await findMessageByKey(ctx.db, { chatId, accountId: viewer.id, key });
      if (earlier) return earlier;
    }
    throw error;
  }
  ctx.events.emit({
    type: 'chat.message',
    chat_id: String(chatId),
    message_id: String(sent.message.id),
    sender_id: String(viewer.id),
    recipient_ids: sent.recipients.map((r) => String(r.id)),
    notify_ids: sent.recipients.filter((r) => !r.muted).map((r) => String(r.id)),
    preview: messagePreview(html, mediaIds.length),
  });
  return sent.message;
}

export async function presentMessage(ctx: AppContext, row: MessageRow): Promise<ChatMessage> {
  const [message] = await presentMessages(ctx, ctx.db, [row]);
  if (!message) throw chatNotFound();
  return message;
}

/**
 * A page of a conversation's messages, newest first. With `min_id`, the messages just after
 * it (Mastodon's order within the page): a client back from offline pages up from the last
 * message it saw and gets exactly what it missed.
 */
export async function messagesPage(
  ctx: AppContext,
  viewer: Viewer,
  chatId: number,
  page: IdPage,
): Promise<{ ids: number[]; messages: ChatMessage[] }> {
  await requireMember(ctx.db, chatId, viewer.id);
  const rows = await listMessages(ctx.db, chatId, page);
  return { ids: rows.map((row) => row.id), messages: await presentMessages(ctx, ctx.db, rows) };
}

/** Messages of the viewer's own conversations matching `q`, newest first. */
export async function searchMessages(
  ctx: AppContext,
  viewer: Viewer,
  search: { q: string; maxId: number | undefined; limit: number },
): Promise<ChatMessage[]> {
  const terms = termsOf(search.q).slice(0, 8);
  if (terms.length === 0) return [];
  const ids = await searchMessageIds(ctx.db, {
    accountId: viewer.id,
    terms,
    beforeId: search.maxId,
    limit: search.limit,
  });
  const rows = (await findMessagesByIds(ctx.db, ids)).sort((a, b) => b.id - a.id);
  return presentMessages(ctx, ctx.db, rows);
}
