import { describe, expect, it } from 'vitest';
import { ada, alan, grace, makeMessage } from './chat-fixtures';
import {
  applyReadState,
  claimEcho,
  groupMessages,
  mergeMessages,
  type PendingMessage,
  seenBy,
  visiblePending,
} from './chat-timeline';

const ids = (list: { id: string }[]) => list.map((item) => item.id);
const at = (minute: number, day = '01') =>
  `2026-03-${day}T12:${String(minute).padStart(2, '0')}:00.000Z`;

describe('mergeMessages', () => {
  it('keeps each message once, oldest first, whatever order they arrive in', () => {
    const fetched = [
      makeMessage({ id: '30' }),
      makeMessage({ id: '20' }),
      makeMessage({ id: '10' }),
    ];
    const held = mergeMessages([], fetched);
    expect(ids(held)).toEqual(['10', '20', '30']);
    // A live message, then a catch-up page that overlaps both what was held and the live one.
    const live = mergeMessages(held, [makeMessage({ id: '40' })]);
    const caughtUp = mergeMessages(live, [
      makeMessage({ id: '50' }),
      makeMessage({ id: '40' }),
      makeMessage({ id: '30' }),
    ]);
    expect(ids(caughtUp)).toEqual(['10', '20', '30', '40', '50']);
  });

  it('orders ids as numbers, not as text', () => {
    const merged = mergeMessages([makeMessage({ id: '9' })], [makeMessage({ id: '10' })]);
    expect(ids(merged)).toEqual(['9', '10']);
  });

  it('returns the same array when nothing is new, so nothing re-renders', () => {
    const held = mergeMessages([], [makeMessage({ id: '1' }), makeMessage({ id: '2' })]);
    expect(mergeMessages(held, [makeMessage({ id: '2' })])).toBe(held);
    expect(mergeMessages(held, [])).toBe(held);
  });

  it('takes the later copy of a changed message', () => {
    const held = mergeMessages([], [makeMessage({ id: '1', html: '<p>old</p>' })]);
    const next = mergeMessages(held, [makeMessage({ id: '1', html: '<p>new</p>' })]);
    expect(next[0]?.html).toBe('<p>new</p>');
    expect(next).toHaveLength(1);
  });
});

describe('claimEcho', () => {
  const pending = (key: string, text: string, state: PendingMessage['state'] = 'sending') => ({
    key,
    text,
    mediaIds: [],
    state,
    error: null,
    echo: null,
  });

  it('hides the pending copy of a message the stream delivered before the send answered', () => {
    const list = [pending('a', 'hello'), pending('b', 'hello')];
    const once = claimEcho(list, makeMessage({ id: '5', account: ada, text: 'hello' }), ada.id);
    expect(once.map((item) => item.echo)).toEqual(['5', null]);
    expect(visiblePending(once).map((item) => item.key)).toEqual(['b']);
    // The same message again claims nothing more.
    const twice = claimEcho(once, makeMessage({ id: '5', account: ada, text: 'hello' }), ada.id);
    expect(twice).toBe(once);
  });

  it('leaves pending messages alone for messages of others, other texts and failed sends', () => {
    const list = [pending('a', 'hello'), pending('b', 'bye', 'failed')];
    expect(claimEcho(list, makeMessage({ account: grace, text: 'hello' }), ada.id)).toBe(list);
    expect(claimEcho(list, makeMessage({ account: ada, text: 'other' }), ada.id)).toBe(list);
    expect(claimEcho(list, makeMessage({ account: ada, text: 'bye' }), ada.id)).toBe(list);
  });
});

describe('groupMessages', () => {
  const day = (iso: string) => iso.slice(0, 10);

  it('groups consecutive messages of one person and starts a day heading per day', () => {
    const items = groupMessages(
      [
        makeMessage({ id: '1', account: grace, created_at: at(0) }),
        makeMessage({ id: '2', account: grace, created_at: at(1) }),
        makeMessage({ id: '3', account: ada, created_at: at(2) }),
        makeMessage({ id: '4', account: ada, created_at: at(3, '02') }),
      ],
      ada.id,
      day,
    );
    expect(
      items.map((item) =>
        item.kind === 'day'
          ? `day ${item.day}`
          : `${item.mine ? 'me' : item.account.username}: ${ids(item.messages).join(',')}`,
      ),
    ).toEqual(['day 2026-03-01', 'grace: 1,2', 'me: 3', 'day 2026-03-02', 'me: 4']);
  });

  it('starts a new group after a pause, even from the same person', () => {
    const items = groupMessages(
      [
        makeMessage({ id: '1', created_at: at(0) }),
        makeMessage({ id: '2', created_at: at(4) }),
        makeMessage({ id: '3', created_at: at(30) }),
      ],
      ada.id,
      day,
    );
    expect(items.filter((item) => item.kind === 'group')).toHaveLength(2);
  });
});

describe('seenBy', () => {
  const messages = [
    makeMessage({ id: '10', account: ada }),
    makeMessage({ id: '20', account: grace }),
    makeMessage({ id: '30', account: ada }),
  ];

  it('puts each reader under the newest message they read', () => {
    const placed = seenBy(
      messages,
      [
        { account_id: ada.id, last_read_id: '30' },
        { account_id: grace.id, last_read_id: '30' },
        { account_id: alan.id, last_read_id: '25' },
      ],
      [grace, alan],
      ada.id,
    );
    // Alan read up to 25, which is no loaded message: he goes under 20, which Grace wrote.
    expect([...placed.entries()].map(([id, readers]) => [id, ids(readers)])).toEqual([
      ['30', [grace.id]],
      ['20', [alan.id]],
    ]);
  });

  it('counts writing a message as having read everything before it', () => {
    const replied = [...messages, makeMessage({ id: '40', account: grace })];
    const placed = seenBy(replied, [{ account_id: grace.id, last_read_id: '10' }], [grace], ada.id);
    expect(placed.size).toBe(0);
  });

  it('shows nothing for my own reading, for someone whose last read is their own message, or who left', () => {
    const placed = seenBy(
      messages,
      [
        { account_id: ada.id, last_read_id: '30' },
        { account_id: grace.id, last_read_id: '20' },
        { account_id: alan.id, last_read_id: '30' },
        { account_id: '77', last_read_id: null },
      ],
      [grace],
      ada.id,
    );
    expect(placed.size).toBe(0);
  });
});

describe('applyReadState', () => {
  it('moves a read state forward only, and adds one not known yet', () => {
    const states = [{ account_id: '2', last_read_id: '20' }];
    expect(applyReadState(states, { account_id: '2', last_read_id: '10' })).toBe(states);
    expect(applyReadState(states, { account_id: '2', last_read_id: '30' })).toEqual([
      { account_id: '2', last_read_id: '30' },
    ]);
    expect(applyReadState(states, { account_id: '3', last_read_id: '5' })).toHaveLength(2);
  });
});
