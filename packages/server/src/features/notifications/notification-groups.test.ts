import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { block, type Person, person } from '../streaming/streaming.fixtures';
import { groupKeyFor } from './notification-keys.queries';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Group {
  group_key: string;
  notifications_count: number;
  type: string;
  most_recent_notification_id: string;
  page_min_id?: string;
  page_max_id?: string;
  latest_page_notification_at?: string;
  sample_account_ids: string[];
  status_id?: string | null;
}

const HOUR_MS = 60 * 60 * 1000;

async function post(author: Person, status: string): Promise<{ id: string }> {
  const reply = await author.api.post('/api/v1/statuses', { status });
  expect(reply.status, reply.text).toBe(200);
  return reply.body;
}

async function favourite(fan: Person, statusId: string): Promise<void> {
  expect((await fan.api.post(`/api/v1/statuses/${statusId}/favourite`)).status).toBe(200);
}

async function followOf(fan: Person, target: Person): Promise<void> {
  expect((await fan.api.post(`/api/v1/accounts/${target.account.id}/follow`)).status).toBe(200);
}

/**
 * Ana's morning: four colleagues favourite her plan (one group), one favourites her other
 * status, two follow her (one group), one mentions her and one boosts the plan.
 */
async function morning() {
  const ana = await person(t);
  const fans = [await person(t), await person(t), await person(t), await person(t)];
  const [a, b, c, d] = fans as [Person, Person, Person, Person];
  const plan = await post(ana, 'The plan for Q3');
  const other = await post(ana, 'Lunch at noon');
  for (const fan of fans) await favourite(fan, plan.id);
  await favourite(a, other.id);
  await followOf(b, ana);
  await followOf(c, ana);
  await post(d, `@${ana.account.username} can we talk about the plan?`);
  expect((await a.api.post(`/api/v1/statuses/${plan.id}/reblog`)).status).toBe(200);
  await t.ctx.events.settled();
  return { ana, fans, a, b, c, d, plan, other };
}

const groupsOf = (body: { notification_groups: Group[] }) => body.notification_groups;

describe('grouped notifications (GET /api/v2/notifications)', () => {
  it('groups favourites, boosts and follows of one target, newest group first', async () => {
    const { ana, a, b, c, d, plan, other } = await morning();
    const reply = await ana.api.get('/api/v2/notifications');
    expect(reply.status, reply.text).toBe(200);
    const groups = groupsOf(reply.body);
    expect(groups.map((group) => [group.type, group.notifications_count])).toEqual([
      ['reblog', 1],
      ['mention', 1],
      ['follow', 2],
      ['favourite', 1],
      ['favourite', 4],
    ]);
    const [reblog, mention, follows, otherFavourite, planFavourites] = groups as [
      Group,
      Group,
      Group,
      Group,
      Group,
    ];
    expect(planFavourites).toMatchObject({
      group_key: expect.stringMatching(new RegExp(`^favourite-${plan.id}-\\d+$`)),
      status_id: plan.id,
      // The four fans, newest first.
      sample_account_ids: [d, c, b, a].map((fan) => String(fan.account.id)),
    });
    expect(otherFavourite.status_id).toBe(other.id);
    expect(otherFavourite.group_key).not.toBe(planFavourites.group_key);
    expect(follows.sample_account_ids).toEqual([c, b].map((fan) => String(fan.account.id)));
    expect(follows.status_id).toBeNull();
    expect(follows.group_key).toMatch(/^follow--\d+$/);
    // Mentions are never grouped: a group of one with Mastodon's "ungrouped" key.
    expect(mention.group_key).toBe(`ungrouped-${mention.most_recent_notification_id}`);
    expect(reblog.group_key).toMatch(new RegExp(`^reblog-${plan.id}-`));

    // Page fields: each group's newest and oldest notification within the page.
    const v1 = (await ana.api.get('/api/v1/notifications?types[]=favourite')).body as Array<{
      id: string;
      status: { id: string };
      group_key: string;
    }>;
    const planIds = v1.filter((n) => n.status.id === plan.id).map((n) => n.id);
    expect(planFavourites.most_recent_notification_id).toBe(planIds[0]);
    expect(planFavourites.page_max_id).toBe(planIds[0]);
    expect(planFavourites.page_min_id).toBe(planIds.at(-1));
    expect(new Date(planFavourites.latest_page_notification_at as string).toISOString()).toBe(
      planFavourites.latest_page_notification_at,
    );
    // The v1 entity carries the same key.
    expect(new Set(v1.filter((n) => n.status.id === plan.id).map((n) => n.group_key))).toEqual(
      new Set([planFavourites.group_key]),
    );

    // Accounts and statuses once each, at the top.
    const accountIds = (reply.body.accounts as Array<{ id: string }>).map((x) => x.id);
    expect(new Set(accountIds).size).toBe(accountIds.length);
    for (const group of groups) {
      for (const id of group.sample_account_ids) expect(accountIds).toContain(id);
    }
    const statusIds = (reply.body.statuses as Array<{ id: string }>).map((s) => s.id).sort();
    expect(statusIds).toEqual(
      [...new Set([plan.id, other.id, mention.status_id as string])].sort(),
    );
    expect(reply.body.partial_accounts).toBeUndefined();
  });

  it('groups only the grouped_types an app asks for, and filters like v1', async () => {
    const { ana, plan } = await morning();
    const only = groupsOf((await ana.api.get('/api/v2/notifications?grouped_types[]=follow')).body);
    const favourites = only.filter((group) => group.type === 'favourite');
    expect(favourites).toHaveLength(5);
    for (const group of favourites) {
      expect(group.group_key).toBe(`ungrouped-${group.most_recent_notification_id}`);
      expect(group.notifications_count).toBe(1);
    }
    expect(only.find((group) => group.type === 'follow')?.notifications_count).toBe(2);

    const typed = groupsOf(
      (await ana.api.get('/api/v2/notifications?types[]=favourite&types[]=telepathy')).body,
    );
    expect(typed.map((group) => group.notifications_count)).toEqual([1, 4]);
    const without = groupsOf(
      (await ana.api.get('/api/v2/notifications?exclude_types[]=favourite')).body,
    );
    expect(without.map((group) => group.type)).toEqual(['reblog', 'mention', 'follow']);
    expect(typed[1]?.status_id).toBe(plan.id);
  });

  it('answers partial accounts on request, the newest of each group in full', async () => {
    const { ana, d } = await morning();
    const body = (await ana.api.get('/api/v2/notifications?expand_accounts=partial_avatars')).body;
    const full = (body.accounts as Array<{ id: string }>).map((x) => x.id);
    const partial = body.partial_accounts as Array<Record<string, unknown>>;
    expect(full).toContain(String(d.account.id));
    expect(partial.length).toBeGreaterThan(0);
    for (const each of partial) {
      expect(Object.keys(each).sort()).toEqual(
        ['acct', 'avatar', 'avatar_static', 'bot', 'id', 'locked', 'url'].sort(),
      );
      expect(full).not.toContain(each.id);
    }
  });

  it('pages by groups with Link headers, and counts each group whole', async () => {
    const { ana } = await morning();
    const all = groupsOf((await ana.api.get('/api/v2/notifications')).body);
    const first = await ana.api.get('/api/v2/notifications?limit=2');
    expect(groupsOf(first.body).map((g) => g.group_key)).toEqual(
      all.slice(0, 2).map((g) => g.group_key),
    );
    const link = String(first.headers.link);
    const next = new URL(/<([^>]+)>; rel="next"/.exec(link)?.[1] as string);
    expect(next.searchParams.get('max_id')).toBe(all[1]?.most_recent_notification_id);
    const second = await ana.api.get(`${next.pathname}${next.search}`);
    expect(groupsOf(second.body).map((g) => g.group_key)).toEqual(
      all.slice(2, 4).map((g) => g.group_key),
    );
    const last = new URL(/<([^>]+)>; rel="next"/.exec(String(second.headers.link))?.[1] as string);
    const third = await ana.api.get(`${last.pathname}${last.search}`);
    expect(groupsOf(third.body)).toEqual([all[4]]);
    expect(String(third.headers.link)).not.toContain('rel="next"');
    // The favourites group was counted whole although the page starts below its newest.
    expect(groupsOf(third.body)[0]?.notifications_count).toBe(4);

    // min_id: the groups just above a position, newest first.
    const above = await ana.api.get(
      `/api/v2/notifications?limit=2&min_id=${all[4]?.most_recent_notification_id}`,
    );
    expect(groupsOf(above.body).map((g) => g.group_key)).toEqual(
      all.slice(2, 4).map((g) => g.group_key),
    );
    const prev = /<([^>]+)>; rel="prev"/.exec(String(first.headers.link))?.[1] as string;
    expect(new URL(prev).searchParams.get('min_id')).toBe(all[0]?.most_recent_notification_id);
    expect((await ana.api.get('/api/v2/notifications?limit=81')).status).toBe(400);
  });

  it('answers an empty page without Link headers for someone without notifications', async () => {
    const nobody = await person(t);
    const reply = await nobody.api.get('/api/v2/notifications');
    expect(reply.body).toEqual({ accounts: [], statuses: [], notification_groups: [] });
    expect(reply.headers.link).toBeUndefined();
  });
});

describe('one group', () => {
  it('shows a group, lists everyone in it a page at a time, and dismisses it whole', async () => {
    const { ana, a, b, c, d, plan } = await morning();
    const groups = groupsOf((await ana.api.get('/api/v2/notifications')).body);
    const favourites = groups.find((g) => g.status_id === plan.id && g.type === 'favourite');
    const key = favourites?.group_key as string;

    const one = await ana.api.get(`/api/v2/notifications/${key}`);
    expect(one.status, one.text).toBe(200);
    expect(groupsOf(one.body)).toEqual([
      {
        group_key: key,
        notifications_count: 4,
        type: 'favourite',
        most_recent_notification_id: favourites?.most_recent_notification_id,
        sample_account_ids: favourites?.sample_account_ids,
        status_id: plan.id,
        subject: null,
      },
    ]);
    expect(one.body.statuses.map((s: { id: string }) => s.id)).toEqual([plan.id]);

    const people = await ana.api.get(`/api/v2/notifications/${key}/accounts?limit=3`);
    expect(people.status).toBe(200);
    expect(people.body.map((x: { id: string }) => x.id)).toEqual(
      [d, c, b].map((fan) => String(fan.account.id)),
    );
    const next = new URL(/<([^>]+)>; rel="next"/.exec(String(people.headers.link))?.[1] as string);
    const rest = await ana.api.get(`${next.pathname}${next.search}`);
    expect(rest.body.map((x: { id: string }) => x.id)).toEqual([String(a.account.id)]);

    const mention = groups.find((g) => g.type === 'mention') as Group;
    const single = await ana.api.get(`/api/v2/notifications/${mention.group_key}`);
    expect(groupsOf(single.body)[0]?.most_recent_notification_id).toBe(
      mention.most_recent_notification_id,
    );
    const mentioner = await ana.api.get(`/api/v2/notifications/${mention.group_key}/accounts`);
    expect(mentioner.body.map((x: { id: string }) => x.id)).toEqual([String(d.account.id)]);

    // Someone else's group, or one that never was, is not found.
    expect((await a.api.get(`/api/v2/notifications/${key}`)).status).toBe(404);
    expect((await a.api.post(`/api/v2/notifications/${key}/dismiss`)).status).toBe(404);
    expect((await ana.api.get('/api/v2/notifications/favourite-1-2')).status).toBe(404);
    expect((await ana.api.get('/api/v2/notifications/not%20a%20key')).status).toBe(404);

    const dismissed = await ana.api.post(`/api/v2/notifications/${key}/dismiss`);
    expect(dismissed.status).toBe(200);
    expect(dismissed.body).toEqual({});
    const after = groupsOf((await ana.api.get('/api/v2/notifications')).body);
    expect(after.map((g) => g.group_key)).not.toContain(key);
    expect(after).toHaveLength(groups.length - 1);
    expect((await ana.api.get(`/api/v2/notifications/${key}`)).status).toBe(404);
    expect((await ana.api.post(`/api/v2/notifications/${key}/dismiss`)).status).toBe(404);
    // Dismissing an ungrouped key dismisses that one notification.
    expect((await ana.api.post(`/api/v2/notifications/${mention.group_key}/dismiss`)).status).toBe(
      200,
    );
    expect(
      (await ana.api.get(`/api/v1/notifications/${mention.most_recent_notification_id}`)).status,
    ).toBe(404);
  });

  it('leaves out the samples and groups the viewer may no longer see', async () => {
    const { ana, a, b, plan } = await morning();
    await block(t, ana, b);
    const groups = groupsOf((await ana.api.get('/api/v2/notifications')).body);
    const favourites = groups.find((g) => g.status_id === plan.id && g.type === 'favourite');
    expect(favourites?.sample_account_ids).not.toContain(String(b.account.id));
    expect(favourites?.notifications_count).toBe(3);
    // b's follow left the follows group with one.
    expect(groups.find((g) => g.type === 'follow')?.notifications_count).toBe(1);
    // The deleted status takes its favourites along.
    expect((await ana.api.delete(`/api/v1/statuses/${plan.id}`)).status).toBe(200);
    const after = groupsOf((await ana.api.get('/api/v2/notifications')).body);
    expect(after.filter((g) => g.status_id === plan.id)).toEqual([]);
    expect(a).toBeDefined();
  });

  it('asks for the notification scopes', async () => {
    const { ana } = await morning();
    const statusesOnly = api(t.app, await tokenFor(t.ctx, ana.account, ['read:statuses']));
    expect((await statusesOnly.get('/api/v2/notifications')).status).toBe(403);
    const readOnly = api(t.app, await tokenFor(t.ctx, ana.account, ['read:notifications']));
    const groups = groupsOf((await readOnly.get('/api/v2/notifications')).body);
    expect(
      (await readOnly.post(`/api/v2/notifications/${groups[0]?.group_key}/dismiss`)).status,
    ).toBe(403);
    expect((await api(t.app).get('/api/v2/notifications')).status).toBe(401);
  });
});

describe('grouping rules and the unread count', () => {
  it('keeps a group open for twelve hours from its first hour, then starts another', async () => {
    const ana = await person(t);
    const now = Date.now();
    const key = await groupKeyFor(t.ctx.db, ana.account.id, 'favourite', 42, now);
    expect(key).toBe(`favourite-42-${Math.floor(now / HOUR_MS)}`);
    // Nothing stored yet: the same hour gives the same key, and so would a later one.
    await t.ctx.db
      .insertInto('notifications')
      .values({
        id: 1,
        account_id: ana.account.id,
        type: 'favourite',
        from_account_id: ana.account.id,
        status_id: null,
        created_at: now,
        subject_type: null,
        subject_id: null,
        subject_title: null,
        subject_path: null,
        community_id: null,
        group_key: key,
        inbox_kind: null,
      })
      .execute();
    expect(await groupKeyFor(t.ctx.db, ana.account.id, 'favourite', 42, now + 11 * HOUR_MS)).toBe(
      key,
    );
    expect(
      await groupKeyFor(t.ctx.db, ana.account.id, 'favourite', 42, now + 12 * HOUR_MS),
    ).not.toBe(key);
    expect(await groupKeyFor(t.ctx.db, ana.account.id, 'reblog', 42, now)).not.toBe(key);
    expect(await groupKeyFor(t.ctx.db, ana.account.id, 'favourite', 43, now)).not.toBe(key);
    expect(await groupKeyFor(t.ctx.db, ana.account.id, 'mention', 42, now)).toBeNull();
    await t.ctx.db.deleteFrom('notifications').where('id', '=', 1).execute();
  });

  it('counts unread groups, up to the limit, after the marker', async () => {
    const { ana } = await morning();
    const count = async (query = '') =>
      (await ana.api.get(`/api/v2/notifications/unread_count${query}`)).body.count;
    expect(await count()).toBe(5);
    expect(await count('?limit=2')).toBe(2);
    expect(await count('?grouped_types[]=follow')).toBe(8);
    expect(await count('?types[]=favourite')).toBe(2);
    const groups = groupsOf((await ana.api.get('/api/v2/notifications')).body);
    await ana.api.post('/api/v1/markers', {
      notifications: { last_read_id: groups[1]?.most_recent_notification_id },
    });
    expect(await count()).toBe(1);
    expect((await ana.api.get('/api/v2/notifications/unread_count?limit=1001')).status).toBe(400);
  });
});
