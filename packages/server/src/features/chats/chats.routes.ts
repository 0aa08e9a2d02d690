import {
  Chat,
  ChatMessage,
  ChatSearchQuery,
  ChatUnreadCount,
  CreateChatInput,
  Empty,
  IdParams,
  MessagePreferences,
  PageQuery,
  ReadChatInput,
  type Scope,
  SendChatMessageInput,
  UpdateChatInput,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks, setMaxIdLink } from '../../http/pagination';
import {
  leaveChat,
  listChats,
  presentChat,
  readChat,
  startChat,
  unreadChatsCount,
  updateChat,
} from './chats.service';
import { messagePolicyOf, updateMessagePolicy } from './message-policy';
import { messagesPage, presentMessage, searchMessages, sendMessage } from './messages.service';

const tags = ['chats'];
interface RouteRule {
  auth: 'user';
  scopes: Scope[];
}

const read: RouteRule = { auth: 'user', scopes: ['read:statuses'] };
const write: RouteRule = { auth: 'user', scopes: ['write:conversations'] };
const base = '/api/rapport/v1/chats';

/** Real-time conversations: one-to-one and group chats, their messages and read states. */
export function chatsRoutes(app: App, ctx: AppContext): void {
  app.get(
    base,
    { config: read, schema: { tags, querystring: PageQuery, response: { 200: Chat.array() } } },
    async (request, reply) => {
      const page = idPage(request.query, 20, 40);
      const result = await listChats(ctx, viewerOf(request), page);
      setIdPageLinks(request, reply, ctx.config.publicUrl, result.ids, page);
      return result.chats;
    },
  );

  app.post(
    base,
    { config: write, schema: { tags, body: CreateChatInput, response: { 200: Chat } } },
    async (request) => {
      const viewer = viewerOf(request);
      const { chatId } = await startChat(ctx, viewer, request.body);
      return presentChat(ctx, viewer, chatId);
    },
  );

  app.get(
    `${base}/unread_count`,
    { config: read, schema: { tags, response: { 200: ChatUnreadCount } } },
    async (request) => ({ count: await unreadChatsCount(ctx, viewerOf(request)) }),
  );

  app.get(
    `${base}/search`,
    {
      config: read,
      schema: { tags, querystring: ChatSearchQuery, response: { 200: ChatMessage.array() } },
    },
    async (request, reply) => {
      const limit = request.query.limit ?? 20;
      const messages = await searchMessages(ctx, viewerOf(request), {
        q: request.query.q,
        maxId: request.query.max_id === undefined ? undefined : Number(request.query.max_id),
        limit,
      });
      const last = messages.at(-1);
      setMaxIdLink(
        request,
        reply,
        ctx.config.publicUrl,
        messages.length >= limit ? last?.id : undefined,
      );
      return messages;
    },
  );

  app.get(
    `${base}/:id`,
    { config: read, schema: { tags, params: IdParams, response: { 200: Chat } } },
    // Someone outside the conversation (or who left it) gets 404, as for one that never was.
    async (request) => presentChat(ctx, viewerOf(request), Number(request.params.id)),
  );

  app.patch(
    `${base}/:id`,
    {
      config: write,
      schema: { tags, params: IdParams, body: UpdateChatInput, response: { 200: Chat } },
    },
    async (request) => updateChat(ctx, viewerOf(request), Number(request.params.id), request.body),
  );

  app.post(
    `${base}/:id/leave`,
    { config: write, schema: { tags, params: IdParams, response: { 200: Empty } } },
    async (request) => {
      await leaveChat(ctx, viewerOf(request), Number(request.params.id));
      return {};
    },
  );

  app.post(
    `${base}/:id/read`,
    {
      config: write,
      schema: { tags, params: IdParams, body: ReadChatInput.nullish(), response: { 200: Chat } },
    },
    async (request) => {
      const lastReadId = request.body?.last_read_id;
      return readChat(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        lastReadId === undefined ? undefined : Number(lastReadId),
      );
    },
  );

  app.get(
    `${base}/:id/messages`,
    {
      config: read,
      schema: {
        tags,
        params: IdParams,
        querystring: PageQuery,
        response: { 200: ChatMessage.array() },
      },
    },
    async (request, reply) => {
      const page = idPage(request.query, 40, 80);
      const result = await messagesPage(ctx, viewerOf(request), Number(request.params.id), page);
      setIdPageLinks(request, reply, ctx.config.publicUrl, result.ids, page);
      return result.messages;
    },
  );

  app.post(
    `${base}/:id/messages`,
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: SendChatMessageInput,
        headers: z.object({ 'idempotency-key': z.string().max(200).optional() }).loose(),
        response: { 200: ChatMessage },
      },
    },
    async (request) => {
      const row = await sendMessage(
        ctx,
        viewerOf(request),
        Number(request.params.id),
        request.body,
        {
          idempotencyKey: request.headers['idempotency-key'],
        },
      );
      return presentMessage(ctx, row);
    },
  );

  app.get(
    '/api/rapport/v1/preferences/messages',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: { tags, response: { 200: MessagePreferences } },
    },
    async (request) => ({ policy: await messagePolicyOf(ctx.db, viewerOf(request).id) }),
  );

  app.put(
    '/api/rapport/v1/preferences/messages',
    {
      config: { auth: 'user', scopes: ['write:accounts'] },
      schema: { tags, body: MessagePreferences, response: { 200: MessagePreferences } },
    },
    async (request) => ({
      policy: await updateMessagePolicy(ctx, viewerOf(request), request.body.policy),
    }),
  );
}
