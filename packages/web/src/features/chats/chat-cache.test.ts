import type { Chat } from '@rapport/schema';
import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catchUp, receiveMessage, receiveUpdate } from './chat-cache';
import { ada, alan, grace, makeChat, makeMessage } from './chat-fixtures';
import type { ChatListData } from './chat-list';
import type { ChatTimeline, PendingMessage } from './chat-timeline';
import { chatKeys, MESSAGE_PAGE_SIZE } from './chats-api';

const chatId = '9';
const me = { myId: ada.id, reading: false };
const texts = (client: QueryClient) =>
  client.getQueryData<ChatTimeline>(chatKeys.messages(chatId))?.messages.map((m) => m.id);
const list = (...chats: Chat[]): ChatListData => ({
  pages: [{ items: chats, next: null }],
  pageParams: [null],
});

let client: QueryClient;
beforeEach(() => {
  client = new QueryClient();
  vi.stubGlobal('document', { visibilityState: 'visible' });
  vi.stubGlobal('window', { location: { pathname: '/messages' } });
});
afterEach(() => {
  vi.unstubAllGlobals();
  client.clear();
});

describe('receiveMessage', () => {
  it('adds a live message once to the open conversation, its list entry and its pending echo', () => {
    client.setQueryData<ChatTimeline>(chatKeys.messages(chatId), {
      messages: [makeMessage({ id: '10' })],
      older: null,
    });
    client.setQueryData(chatKeys.list, list(makeChat({ id: 'other' }), makeChat({ id: chatId })));
    const sending: PendingMessage = {
      key: 'k',
      text: 'On my way',
      mediaIds: [],
      state: 'sending',
      error: null,
      echo: null,
    };
    client.setQueryData(chatKeys.pending(chatId), [sending]);

    const mine = makeMessage({ id: '11', account: ada, text: 'On my way' });
    receiveMessage(client, mine, me);
    receiveMessage(client, mine, me);
    expect(texts(client)).toEqual(['10', '11']);
    expect(client.getQueryData<PendingMessage[]>(chatKeys.pending(chatId))?.[0]?.echo).toBe('11');
    const top = client.getQueryData<ChatListData>(chatKeys.list)?.pages[0]?.items[0];
    expect(top?.id).toBe(chatId);
    expect(top?.last_message?.id).toBe('11');
  });

  it('leaves conversations that are not cached alone, and refetches a list missing the conversation', () => {
    client.setQueryData(chatKeys.list, list(makeChat({ id: 'other' })));
    receiveMessage(client, makeMessage({ id: '5' }), me);
    expect(client.getQueryData(chatKeys.messages(chatId))).toBeUndefined();
    expect(client.getQueryState(chatKeys.list)?.isInvalidated).toBe(true);
  });
});

describe('catchUp', () => {
  it('asks for what came after the newest message, page after page, and keeps each once', async () => {
    const server = Array.from({ length: 50 }, (_, i) => makeMessage({ id: String(101 + i) }));
    const asked: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      const minId = new URL(url, 'http://rapport.test').searchParams.get('min_id') ?? '0';
      asked.push(minId);
      // The page just above min_id, newest first, as the server answers.
      const page = server
        .filter((m) => Number(m.id) > Number(minId))
        .slice(0, MESSAGE_PAGE_SIZE)
        .reverse();
      return new Response(JSON.stringify(page), { status: 200 });
    });
    client.setQueryData<ChatTimeline>(chatKeys.messages(chatId), {
      messages: [makeMessage({ id: '100' }), makeMessage({ id: '101' })],
      older: null,
    });
    await catchUp(client, chatId, ada.id);
    expect(asked).toEqual(['101', '141']);
    const ids = texts(client) ?? [];
    expect(ids).toHaveLength(51);
    expect(ids[0]).toBe('100');
    expect(ids.at(-1)).toBe('150');
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('receiveUpdate', () => {
  it('renames, refetches a change of people, and forgets a conversation I left', () => {
    const chat = makeChat({ id: chatId, title: 'Old', accounts: [grace, alan] });
    client.setQueryData(chatKeys.chat(chatId), chat);
    client.setQueryData(chatKeys.list, list(chat));
    receiveUpdate(
      client,
      { chat_id: chatId, title: 'New', account_ids: [ada.id, grace.id, alan.id] },
      ada.id,
    );
    expect(client.getQueryData<Chat>(chatKeys.chat(chatId))?.title).toBe('New');
    expect(client.getQueryState(chatKeys.chat(chatId))?.isInvalidated).toBe(false);

    receiveUpdate(
      client,
      { chat_id: chatId, title: 'New', account_ids: [ada.id, grace.id] },
      ada.id,
    );
    expect(client.getQueryState(chatKeys.chat(chatId))?.isInvalidated).toBe(true);

    receiveUpdate(client, { chat_id: chatId, title: 'New', account_ids: [grace.id] }, ada.id);
    expect(client.getQueryData(chatKeys.chat(chatId))).toBeUndefined();
    expect(client.getQueryData<ChatListData>(chatKeys.list)?.pages[0]?.items).toEqual([]);
  });
});
