import type { Chat } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { alan, grace, makeChat, makeMessage } from './chat-fixtures';
import {
  type ChatListData,
  highlight,
  listWithArrival,
  mapChatInList,
  previewText,
  withRead,
} from './chat-list';

const list = (...chats: Chat[]): ChatListData => ({
  pages: [{ items: chats, next: null }],
  pageParams: [null],
});
const order = (data: ChatListData | null) => data?.pages.flatMap((p) => p.items.map((c) => c.id));
const me = { myId: '1', reading: false };

describe('listWithArrival', () => {
  it('moves the conversation to the top with one more unread, once per message', () => {
    const data = list(makeChat({ id: 'a' }), makeChat({ id: 'b' }));
    const message = makeMessage({ id: '50', chat_id: 'b', account: grace });
    const next = listWithArrival(data, message, me);
    expect(order(next)).toEqual(['b', 'a']);
    expect(next?.pages[0]?.items[0]?.unread_count).toBe(1);
    expect(next?.pages[0]?.items[0]?.last_message?.id).toBe('50');
    // The same event again (or an older one) changes nothing.
    expect(next && listWithArrival(next, message, me)).toBe(next);
  });

  it('counts nothing for my own messages or while the conversation is being read', () => {
    const data = list(makeChat({ id: 'a', unread_count: 2 }));
    const mine = listWithArrival(
      data,
      makeMessage({ id: '5', chat_id: 'a', account: { ...grace, id: '1' } }),
      me,
    );
    expect(mine?.pages[0]?.items[0]?.unread_count).toBe(0);
    const reading = listWithArrival(data, makeMessage({ id: '6', chat_id: 'a' }), {
      ...me,
      reading: true,
    });
    expect(reading?.pages[0]?.items[0]?.unread_count).toBe(0);
  });

  it('answers null for a conversation the list does not hold', () => {
    expect(
      listWithArrival(list(makeChat({ id: 'a' })), makeMessage({ chat_id: 'z' }), me),
    ).toBeNull();
  });
});

describe('withRead and mapChatInList', () => {
  it('clears my count once I read up to the last message, and moves others’ read states', () => {
    const chat = makeChat({ unread_count: 3, last_message: makeMessage({ id: '40' }) });
    expect(withRead(chat, { account_id: '1', last_read_id: '30' }, '1').unread_count).toBe(3);
    expect(withRead(chat, { account_id: '1', last_read_id: '40' }, '1').unread_count).toBe(0);
    const other = withRead(chat, { account_id: alan.id, last_read_id: '40' }, '1');
    expect(other.read_states).toEqual([{ account_id: alan.id, last_read_id: '40' }]);
    expect(other.unread_count).toBe(3);
  });

  it('removes a conversation I left', () => {
    expect(
      order(mapChatInList(list(makeChat({ id: 'a' }), makeChat({ id: 'b' })), 'a', () => null)),
    ).toEqual(['b']);
  });
});

describe('previewText', () => {
  it('keeps the words of Markdown on one line', () => {
    expect(previewText('# Plan\n\n**Ship** it, see [the doc](https://x.example) and `code`')).toBe(
      'Plan Ship it, see the doc and code',
    );
    expect(previewText('> quoted\n- item _one_')).toBe('quoted item one');
    expect(previewText('snake_case_name stays')).toBe('snake_case_name stays');
  });
});

describe('highlight', () => {
  it('marks every search word, whatever its case', () => {
    expect(highlight('Budget review on Friday', 'budget friday')).toEqual([
      { text: 'Budget', match: true },
      { text: ' review on ', match: false },
      { text: 'Friday', match: true },
    ]);
    expect(highlight('a (b)', '(b')).toEqual([
      { text: 'a ', match: false },
      { text: '(b', match: true },
      { text: ')', match: false },
    ]);
  });
});
