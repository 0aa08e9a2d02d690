import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { queryKeys } from '../../api/query-keys';
import { makeBoost, makeNotification, makeStatus } from '../../test/fixtures';
import {
  compareIds,
  mapStatusesInQuery,
  mergeStatuses,
  newestId,
  prependToTimeline,
  removeCachedStatus,
  replaceCachedStatus,
  type TimelineData,
  unseenStatuses,
  updateCachedStatus,
} from './status-cache';

const ids = (list: readonly { id: string }[]) => list.map((item) => item.id);

function timeline(...pages: string[][]): TimelineData {
  return {
    pages: pages.map((page, index) => ({
      items: page.map((id) => makeStatus({ id })),
      next: index < pages.length - 1 ? `/api/v1/timelines/home?max_id=${page.at(-1)}` : null,
    })),
    pageParams: pages.map((_, index) => (index === 0 ? null : `page-${index}`)),
  };
}

describe('compareIds', () => {
  it('orders snowflake ids by value, past the precision of numbers', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('115000000000000001', '115000000000000000')).toBeGreaterThan(0);
    expect(compareIds('42', '42')).toBe(0);
  });
});

describe('mergeStatuses', () => {
  it('keeps each id once, newest first, the incoming version winning', () => {
    const old = [makeStatus({ id: '30' }), makeStatus({ id: '10', content: 'old' })];
    const incoming = [makeStatus({ id: '10', content: 'new' }), makeStatus({ id: '40' })];
    const merged = mergeStatuses(incoming, old);
    expect(ids(merged)).toEqual(['40', '30', '10']);
    expect(merged[2]?.content).toBe('new');
  });
});

describe('prependToTimeline', () => {
  it('puts new statuses on top of the first page and skips those already shown', () => {
    const data = timeline(['30', '20'], ['10']);
    const next = prependToTimeline(data, [makeStatus({ id: '40' }), makeStatus({ id: '10' })]);
    expect(next.pages.map((page) => ids(page.items))).toEqual([['40', '30', '20'], ['10']]);
    expect(next.pages[1]).toBe(data.pages[1]);
  });

  it('answers the same object when nothing is new', () => {
    const data = timeline(['30', '20']);
    expect(prependToTimeline(data, [makeStatus({ id: '20' })])).toBe(data);
  });

  it('starts a page in an empty timeline', () => {
    const next = prependToTimeline({ pages: [], pageParams: [] }, [makeStatus({ id: '5' })]);
    expect(next.pages.map((page) => ids(page.items))).toEqual([['5']]);
  });
});

describe('unseenStatuses and newestId', () => {
  it('leaves out what the timeline shows or what already waits', () => {
    const data = timeline(['30', '20']);
    const incoming = ['40', '30', '50'].map((id) => makeStatus({ id }));
    expect(ids(unseenStatuses(incoming, data, [makeStatus({ id: '50' })]))).toEqual(['40']);
  });

  it('finds the newest id across pages', () => {
    expect(newestId(timeline(['30', '20'], ['10']))).toBe('30');
    expect(newestId(undefined)).toBeNull();
  });
});

describe('mapStatusesInQuery', () => {
  const original = makeStatus({ id: '7', favourites_count: 1 });
  const favourite = (status: ReturnType<typeof makeStatus>) =>
    status.id === '7' ? { ...status, favourited: true, favourites_count: 2 } : status;

  it('reaches a status inside a boost in a timeline', () => {
    const data: TimelineData = {
      pages: [{ items: [makeBoost('8', original), makeStatus({ id: '6' })], next: null }],
      pageParams: [null],
    };
    const next = mapStatusesInQuery(
      queryKeys.timeline({ kind: 'home' }),
      data,
      favourite,
    ) as TimelineData;
    expect(next.pages[0]?.items[0]?.reblog?.favourited).toBe(true);
    expect(next.pages[0]?.items[0]?.reblog?.favourites_count).toBe(2);
    expect(next.pages[0]?.items[1]).toBe(data.pages[0]?.items[1]);
  });

  it('removes a deleted status, its boosts and notifications about it', () => {
    const data: TimelineData = {
      pages: [{ items: [makeBoost('8', original), original, makeStatus({ id: '6' })], next: null }],
      pageParams: [null],
    };
    const remove = (status: ReturnType<typeof makeStatus>) => (status.id === '7' ? null : status);
    const next = mapStatusesInQuery(['statuses', 'timeline', 'home'], data, remove) as TimelineData;
    expect(ids(next.pages[0]?.items ?? [])).toEqual(['6']);

    const notifications = {
      pages: [
        {
          items: [
            makeNotification({ id: '2', type: 'favourite', status: original }),
            makeNotification({ id: '1', type: 'follow' }),
          ],
          next: null,
        },
      ],
      pageParams: [null],
    };
    const kept = mapStatusesInQuery(
      queryKeys.notifications('all'),
      notifications,
      remove,
    ) as typeof notifications;
    expect(ids(kept.pages[0]?.items ?? [])).toEqual(['1']);
  });

  it('changes threads and search results, and leaves unrelated queries alone', () => {
    const context = { ancestors: [original], descendants: [makeStatus({ id: '9' })] };
    const next = mapStatusesInQuery(queryKeys.context('9'), context, favourite) as typeof context;
    expect(next.ancestors[0]?.favourited).toBe(true);
    expect(next.descendants).toBe(context.descendants);

    const search = {
      pages: [{ accounts: [], statuses: [original], hashtags: [] }],
      pageParams: [null],
    };
    const found = mapStatusesInQuery(
      queryKeys.search('x', 'statuses'),
      search,
      favourite,
    ) as typeof search;
    expect(found.pages[0]?.statuses[0]?.favourited).toBe(true);

    const session = { account: { id: '7' } };
    expect(mapStatusesInQuery(queryKeys.session, session, favourite)).toBe(session);
  });

  it('answers the same value when nothing changed, so nothing re-renders', () => {
    const data = timeline(['3', '2']);
    expect(mapStatusesInQuery(['statuses', 'timeline', 'home'], data, (status) => status)).toBe(
      data,
    );
  });
});

describe('updating the query cache', () => {
  function cacheWith(status = makeStatus({ id: '7' })) {
    const queryClient = new QueryClient();
    queryClient.setQueryData(queryKeys.timeline({ kind: 'home' }), {
      pages: [{ items: [makeBoost('8', status)], next: null }],
      pageParams: [null],
    });
    queryClient.setQueryData(queryKeys.timeline({ kind: 'organisation' }), {
      pages: [{ items: [status], next: null }],
      pageParams: [null],
    });
    queryClient.setQueryData(queryKeys.status('7'), status);
    return queryClient;
  }
  const homeItems = (queryClient: QueryClient) =>
    queryClient.getQueryData<TimelineData>(queryKeys.timeline({ kind: 'home' }))?.pages[0]?.items ??
    [];

  it('changes a status everywhere it is shown', () => {
    const queryClient = cacheWith();
    updateCachedStatus(queryClient, '7', (status) => ({ ...status, bookmarked: true }));
    expect(homeItems(queryClient)[0]?.reblog?.bookmarked).toBe(true);
    expect(
      queryClient.getQueryData<ReturnType<typeof makeStatus>>(queryKeys.status('7'))?.bookmarked,
    ).toBe(true);
  });

  it('replaces an edited status, keeping the boost around it', () => {
    const queryClient = cacheWith();
    replaceCachedStatus(queryClient, makeStatus({ id: '7', content: '<p>Edited</p>' }));
    expect(homeItems(queryClient)[0]?.id).toBe('8');
    expect(homeItems(queryClient)[0]?.reblog?.content).toBe('<p>Edited</p>');
  });

  it('removes a deleted status from every timeline', () => {
    const queryClient = cacheWith();
    removeCachedStatus(queryClient, '7');
    expect(homeItems(queryClient)).toEqual([]);
    expect(
      queryClient.getQueryData<TimelineData>(queryKeys.timeline({ kind: 'organisation' }))?.pages[0]
        ?.items,
    ).toEqual([]);
  });
});
