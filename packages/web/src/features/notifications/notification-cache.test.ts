import { describe, expect, it } from 'vitest';
import type { NotificationGroupView } from '../../api/notifications';
import { makeAccount, makeNotification } from '../../test/fixtures';
import {
  addStreamedNotification,
  groupsOf,
  type NotificationData,
  newestNotificationId,
  removeGroup,
} from './notification-cache';

const group = (id: string, key = `ungrouped-${id}`, count = 1): NotificationGroupView => ({
  ...makeNotification({ id, group_key: key }),
  count,
  accounts: [makeAccount({ id: `a${id}` })],
});
const data = (...groups: NotificationGroupView[][]): NotificationData => ({
  pages: groups.map((items) => ({ items, next: null })),
  pageParams: groups.map(() => null),
});
const ids = (value: NotificationData) => value.pages.flatMap((page) => page.items.map((n) => n.id));

describe('addStreamedNotification', () => {
  it('puts a new notification on top as a group of one, once', () => {
    const next = addStreamedNotification(
      data([group('5'), group('3')]),
      makeNotification({ id: '7' }),
      'all',
    );
    expect(ids(next)).toEqual(['7', '5', '3']);
    expect(next.pages[0]?.items[0]).toMatchObject({ count: 1, group_key: 'ungrouped-7' });
    expect(addStreamedNotification(next, makeNotification({ id: '7' }), 'all')).toBe(next);
  });

  it('joins a favourite to its group, which moves to the top with its person first', () => {
    const favourites = group('3', 'favourite-9-100', 4);
    const list = data([group('5'), favourites]);
    const bo = makeAccount({ id: 'bo', username: 'bo' });
    const next = addStreamedNotification(
      list,
      makeNotification({ id: '8', type: 'favourite', group_key: 'favourite-9-100', account: bo }),
      'all',
    );
    expect(ids(next)).toEqual(['8', '5']);
    expect(next.pages[0]?.items[0]).toMatchObject({ count: 5, group_key: 'favourite-9-100' });
    expect(next.pages[0]?.items[0]?.accounts.map((a) => a.id)).toEqual(['bo', 'a3']);
  });

  it('leaves a filtered list alone when the type does not belong in it', () => {
    const list = data([group('5')]);
    expect(
      addStreamedNotification(list, makeNotification({ id: '7', type: 'follow' }), 'mentions'),
    ).toBe(list);
    expect(ids(addStreamedNotification(list, makeNotification({ id: '7' }), 'mentions'))).toEqual([
      '7',
      '5',
    ]);
  });
});

describe('groupsOf, removeGroup and newestNotificationId', () => {
  it('shows a group spilling onto the next page once, removes one, finds the newest id', () => {
    const list = data([group('9'), group('7', 'follow--1', 3)], [group('6', 'follow--1', 1)]);
    expect(groupsOf(list).map((g) => g.id)).toEqual(['9', '7']);
    expect(ids(removeGroup(list, 'follow--1'))).toEqual(['9']);
    expect(newestNotificationId(data([group('5'), group('30'), group('7')]))).toBe('30');
    expect(newestNotificationId(undefined)).toBeNull();
  });
});
