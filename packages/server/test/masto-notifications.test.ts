import { createRestAPIClient, type mastodon } from 'masto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from './factories';
import { startTestApp, type TestApp } from './harness';

/**
 * Grouped notifications (Mastodon 4.3's API v2) driven by masto.js over real HTTP, as a
 * Mastodon app reads them: a page of groups, one group, who is in it, the unread count of
 * groups, dismissing a group; and the v1 list beside it, unchanged.
 */
let t: TestApp;
let ana: mastodon.rest.Client;
let anaId: string;
const colleagues: Array<{ client: mastodon.rest.Client; id: string }> = [];

beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
  const a = await createAccountWithToken(t.ctx, {
    username: 'ana_g',
    email: 'ana_g@example.com',
    displayName: 'Ana Grouped',
  });
  anaId = String(a.account.id);
  ana = createRestAPIClient({ url: t.url, accessToken: a.token });
  for (const name of ['bo', 'cy', 'di', 'ed']) {
    const b = await createAccountWithToken(t.ctx, {
      username: `${name}_g`,
      email: `${name}_g@example.com`,
    });
    colleagues.push({
      client: createRestAPIClient({ url: t.url, accessToken: b.token }),
      id: String(b.account.id),
    });
  }
});
afterAll(() => t.close());

describe('masto.js and grouped notifications', () => {
  it('lists groups, opens one, lists its people, counts unread groups and dismisses one', async () => {
    const status = await ana.v1.statuses.create({ status: 'Release notes are out' });
    for (const { client } of colleagues) await client.v1.statuses.$select(status.id).favourite();
    for (const { client } of colleagues.slice(0, 2)) {
      await client.v1.accounts.$select(anaId).follow();
    }
    const [bo] = colleagues;
    await bo?.client.v1.statuses.create({ status: '@ana_g thanks for the notes!' });
    await t.ctx.events.settled();

    const page = await ana.v2.notifications.list({ limit: 10 });
    expect(page.notificationGroups.map((group) => [group.type, group.notificationsCount])).toEqual([
      ['mention', 1],
      ['follow', 2],
      ['favourite', 4],
    ]);
    // masto.js's group types reduce to `never` (statusId is typed twice); read it plainly.
    const favourites = page.notificationGroups[2] as unknown as {
      groupKey: string;
      statusId: string;
      sampleAccountIds: string[];
      pageMinId?: string;
    };
    expect(favourites.statusId).toBe(status.id);
    expect(favourites.sampleAccountIds).toEqual(colleagues.map((c) => c.id).reverse());
    expect(favourites.pageMinId).toBeDefined();
    expect(page.statuses.map((s) => s.id)).toContain(status.id);
    expect(page.accounts.map((account) => account.id).sort()).toEqual(
      colleagues.map((c) => c.id).sort(),
    );

    const one = await ana.v2.notifications.$select(favourites.groupKey).fetch();
    expect(one.notificationGroups[0]?.notificationsCount).toBe(4);
    const people = await ana.v2.notifications.$select(favourites.groupKey).accounts.fetch();
    expect(people.map((account) => account.id)).toEqual(colleagues.map((c) => c.id).reverse());

    expect((await ana.v2.notifications.unreadCount.fetch()).count).toBe(3);
    // Favourites not grouped: four of them, the follows and the mention.
    expect((await ana.v2.notifications.unreadCount.fetch({ groupedTypes: ['follow'] })).count).toBe(
      6,
    );

    // The paginator follows the Link headers a group at a time.
    const pages: string[][] = [];
    for await (const each of ana.v2.notifications.list({ limit: 1 })) {
      pages.push(each.notificationGroups.map((group) => group.type));
      if (pages.length > 5) break;
    }
    expect(pages).toEqual([['mention'], ['follow'], ['favourite']]);

    // v1 still lists every notification, each with its group's key.
    const v1 = await ana.v1.notifications.list({ limit: 20 });
    expect(v1).toHaveLength(7);
    expect(v1.filter((n) => n.groupKey === favourites.groupKey)).toHaveLength(4);

    await ana.v2.notifications.$select(favourites.groupKey).dismiss();
    const after = await ana.v2.notifications.list();
    expect(after.notificationGroups.map((group) => group.type)).toEqual(['mention', 'follow']);
    expect(await ana.v1.notifications.list()).toHaveLength(3);
  });
});
