import { describe, expect, it } from 'vitest';
import { makeNotification } from '../../test/fixtures';
import {
  type NotificationData,
  newestNotificationId,
  prependNotification,
  removeNotification,
} from './notification-cache';

const data = (...ids: string[]): NotificationData => ({
  pages: [{ items: ids.map((id) => makeNotification({ id })), next: null }],
  pageParams: [null],
});
const ids = (value: NotificationData) => value.pages.flatMap((page) => page.items.map((n) => n.id));

describe('prependNotification', () => {
  it('puts a new notification on top, once', () => {
    const next = prependNotification(data('5', '3'), makeNotification({ id: '7' }), 'all');
    expect(ids(next)).toEqual(['7', '5', '3']);
    expect(prependNotification(next, makeNotification({ id: '7' }), 'all')).toBe(next);
  });

  it('leaves a filtered list alone when the type does not belong in it', () => {
    const list = data('5');
    expect(
      prependNotification(list, makeNotification({ id: '7', type: 'follow' }), 'mentions'),
    ).toBe(list);
    expect(ids(prependNotification(list, makeNotification({ id: '7' }), 'mentions'))).toEqual([
      '7',
      '5',
    ]);
  });
});

describe('removeNotification and newestNotificationId', () => {
  it('removes a dismissed one and finds the newest id', () => {
    expect(ids(removeNotification(data('5', '3'), '5'))).toEqual(['3']);
    expect(newestNotificationId(data('5', '30', '7'))).toBe('30');
    expect(newestNotificationId(undefined)).toBeNull();
  });
});
