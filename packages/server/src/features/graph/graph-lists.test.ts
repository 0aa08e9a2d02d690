import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, type Reply } from '../../../test/http';
import { newId } from '../../db/ids';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

type Options = Parameters<typeof createAccountWithToken>[1];

async function person(options: Options = {}, scopes?: string[], on: TestApp = t) {
  const { account, token } = await createAccountWithToken(on.ctx, options, scopes);
  return { account, id: String(account.id), token, api: api(on.app, token) };
}
type Person = Awaited<ReturnType<typeof person>>;

const ids = (res: Reply) => (res.body as Array<{ id: string }>).map((account) => account.id);

/** The path and query of one relation in a Link header. */
function link(res: Reply, rel: 'next' | 'prev'): string | undefined {
  const header = String(res.headers.link ?? '');
  const match = new RegExp(`<([^>]+)>; rel="${rel}"`).exec(header);
  if (!match?.[1]) return undefined;
  const url = new URL(match[1]);
  expect(url.origin).toBe(t.url);
  return `${url.pathname}${url.search}`;
}

async function follow(a: Person, b: Person) {
  expect((await a.api.post(`/api/v1/accounts/${b.id}/follow`)).status).toBe(200);
}

describe('GET /api/v1/accounts/relationships', () => {
  it('answers for id[] and a single id, in the order asked, leaving out what is hidden', async () => {
    const ana = await person();
    const bo = await person();
    const cy = await person();
    const guest = await person({ role: 'guest' });
    const gone = await person({ profile: { suspended: 1, suspended_at: Date.now() } });
    await follow(ana, bo);
    await follow(cy, ana);
    const res = await ana.api.get(
      `/api/v1/accounts/relationships?id[]=${cy.id}&id[]=${bo.id}&id[]=999999999&id[]=${guest.id}&id[]=${gone.id}&id[]=${bo.id}`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({ id: cy.id, following: false, followed_by: true }),
      expect.objectContaining({ id: bo.id, following: true, followed_by: false }),
    ]);
    const single = await ana.api.get(`/api/v1/accounts/relationships?id=${bo.id}`);
    expect(single.body).toEqual([expect.objectContaining({ id: bo.id, following: true })]);
    const withSuspended = await ana.api.get(
      `/api/v1/accounts/relationships?id[]=${gone.id}&with_suspended=true`,
    );
    expect(ids(withSuspended)).toEqual([gone.id]);
    // A guest sees only themselves.
    const asGuest = await guest.api.get(
      `/api/v1/accounts/relationships?id[]=${ana.id}&id[]=${guest.id}`,
    );
    expect(ids(asGuest)).toEqual([guest.id]);
  });

  it('needs read:follows (or follow) and a signed-in person', async () => {
    const bo = await person();
    const url = `/api/v1/accounts/relationships?id=${bo.id}`;
    expect((await api(t.app).get(url)).status).toBe(401);
    expect((await (await person({}, ['read:accounts'])).api.get(url)).status).toBe(403);
    expect((await (await person({}, ['read:follows'])).api.get(url)).status).toBe(200);
    expect((await (await person({}, ['follow'])).api.get(url)).status).toBe(200);
  });
});

describe('GET /api/v1/accounts/:id/followers and /following', () => {
  it('lists newest follow first, with Link headers paging by the follow', async () => {
    const star = await person();
    const fans: Person[] = [];
    for (let i = 0; i < 5; i++) {
      const fan = await person();
      await follow(fan, star);
      fans.push(fan);
    }
    const newestFirst = fans.map((fan) => fan.id).reverse();
    const viewer = await person();
    const first = await viewer.api.get(`/api/v1/accounts/${star.id}/followers?limit=2`);
    expect(first.status).toBe(200);
    expect(ids(first)).toEqual(newestFirst.slice(0, 2));
    const next = link(first, 'next');
    expect(next).toMatch(/limit=2/);
    const second = await viewer.api.get(next as string);
    expect(ids(second)).toEqual(newestFirst.slice(2, 4));
    const third = await viewer.api.get(link(second, 'next') as string);
    expect(ids(third)).toEqual(newestFirst.slice(4));
    expect(link(third, 'next')).toBeUndefined();
    // rel="prev" goes back to newer follows.
    const back = await viewer.api.get(link(third, 'prev') as string);
    expect(ids(back)).toEqual(newestFirst.slice(2, 4));

    const all = await viewer.api.get(`/api/v1/accounts/${star.id}/followers`);
    expect(ids(all)).toEqual(newestFirst);
    const following = await viewer.api.get(`/api/v1/accounts/${fans[0]?.id}/following`);
    expect(ids(following)).toEqual([star.id]);
    expect(following.body[0]).toMatchObject({ username: star.account.username });
  });

  it('follows the order of following, not of the accounts', async () => {
    const ana = await person();
    const [bo, cy, di] = [await person(), await person(), await person()];
    for (const target of [di, bo, cy]) await follow(ana, target);
    const res = await ana.api.get(`/api/v1/accounts/${ana.id}/following`);
    expect(ids(res)).toEqual([cy.id, bo.id, di.id]);
  });

  it('leaves out suspended accounts and those the viewer may not see', async () => {
    const star = await person();
    const member = await person();
    const guest = await person({ role: 'guest' });
    const gone = await person();
    const admin = await person({ role: 'admin' });
    await follow(member, star);
    // Guests cannot reach members through the API; the row stands for a future community.
    await t.ctx.db
      .insertInto('follows')
      .values({
        id: newId(),
        account_id: guest.account.id,
        target_account_id: star.account.id,
        show_reblogs: 1,
        notify: 0,
        created_at: Date.now(),
      })
      .execute();
    await follow(gone, star);
    await t.ctx.db
      .updateTable('accounts')
      .set({ suspended: 1, suspended_at: Date.now() })
      .where('id', '=', gone.account.id)
      .execute();
    expect(ids(await member.api.get(`/api/v1/accounts/${star.id}/followers`))).toEqual([member.id]);
    expect(ids(await admin.api.get(`/api/v1/accounts/${star.id}/followers`))).toEqual([
      guest.id,
      member.id,
    ]);
    // The guest may not see the member at all.
    expect((await guest.api.get(`/api/v1/accounts/${star.id}/followers`)).status).toBe(404);
    expect(ids(await guest.api.get(`/api/v1/accounts/${guest.id}/following`))).toEqual([]);
  });

  it('shows nothing of hidden collections, except to their owner', async () => {
    const shy = await person({ profile: { hide_collections: 1 } });
    const ana = await person();
    await follow(ana, shy);
    await follow(shy, ana);
    for (const side of ['followers', 'following']) {
      const res = await ana.api.get(`/api/v1/accounts/${shy.id}/${side}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([]);
      expect(ids(await shy.api.get(`/api/v1/accounts/${shy.id}/${side}`))).toEqual([ana.id]);
    }
  });

  it('answers 404 for unknown accounts, 401 signed out, 403 without read:accounts', async () => {
    const ana = await person();
    expect((await ana.api.get('/api/v1/accounts/999999999/followers')).status).toBe(404);
    expect((await api(t.app).get(`/api/v1/accounts/${ana.id}/following`)).status).toBe(401);
    const writer = await person({}, ['write']);
    expect((await writer.api.get(`/api/v1/accounts/${ana.id}/following`)).status).toBe(403);
  });
});

describe('GET /api/v1/blocks and /api/v1/mutes', () => {
  it('list the viewer’s own blocks and mutes, newest first, paged', async () => {
    const ana = await person();
    const others = [await person(), await person(), await person()];
    for (const other of others) {
      await ana.api.post(`/api/v1/accounts/${other.id}/block`);
      await ana.api.post(`/api/v1/accounts/${other.id}/mute`, { duration: 600 });
    }
    const expected = others.map((other) => other.id).reverse();
    for (const path of ['/api/v1/blocks', '/api/v1/mutes']) {
      const first = await ana.api.get(`${path}?limit=2`);
      expect(first.status).toBe(200);
      expect(ids(first)).toEqual(expected.slice(0, 2));
      const rest = await ana.api.get(link(first, 'next') as string);
      expect(ids(rest)).toEqual(expected.slice(2));
    }
    const mutes = await ana.api.get('/api/v1/mutes');
    expect(new Date(mutes.body[0].mute_expires_at).getTime()).toBeGreaterThan(Date.now());

    // An expired mute is no mute; one for good has no end.
    await t.ctx.db
      .updateTable('mutes')
      .set({ expires_at: Date.now() - 1 })
      .where('account_id', '=', ana.account.id)
      .where('target_account_id', '=', others[0]?.account.id as number)
      .execute();
    await ana.api.post(`/api/v1/accounts/${others[1]?.id}/mute`);
    const now = await ana.api.get('/api/v1/mutes');
    expect(ids(now)).toEqual(expected.slice(0, 2));
    expect(now.body[1].mute_expires_at).toBeNull();

    const bo = others[0] as Person;
    expect(await bo.api.get('/api/v1/blocks')).toMatchObject({ status: 200, body: [] });
  });

  it('need their scopes', async () => {
    expect((await api(t.app).get('/api/v1/blocks')).status).toBe(401);
    const reader = await person({}, ['read:accounts']);
    expect((await reader.api.get('/api/v1/blocks')).status).toBe(403);
    expect((await reader.api.get('/api/v1/mutes')).status).toBe(403);
    const legacy = await person({}, ['follow']);
    expect((await legacy.api.get('/api/v1/blocks')).status).toBe(200);
    expect((await legacy.api.get('/api/v1/mutes')).status).toBe(200);
    expect((await (await person({}, ['read:blocks'])).api.get('/api/v1/blocks')).status).toBe(200);
  });
});

describe('GET /api/v1/follow_requests', () => {
  it('is always empty: accounts are never locked', async () => {
    const ana = await person();
    await follow(await person(), ana);
    expect(await ana.api.get('/api/v1/follow_requests')).toMatchObject({ status: 200, body: [] });
    expect((await api(t.app).get('/api/v1/follow_requests')).status).toBe(401);
  });
});

describe('GET /api/v1/accounts/search', () => {
  // A server of its own: every account in it has a name chosen here, so results are exact.
  let s: TestApp;
  let viewer: Person;
  const people: Record<string, Person> = {};
  const someone = (username: string, options: Options = {}, scopes?: string[]) =>
    person({ username, displayName: username.toUpperCase(), ...options }, scopes, s);
  beforeAll(async () => {
    s = await startTestApp();
    for (const [username, displayName, profile] of [
      ['ana_lopez', 'Ana López', { title: 'Data Engineer' }],
      ['anatole', 'Anatole France', {}],
      ['bo', 'Bo Anders', { department: 'Analytics' }],
      ['cy', 'Cy Twombly', { department: 'Design' }],
      ['anna_gone', 'Anna Gone', { suspended: 1, suspended_at: Date.now() }],
    ] as const) {
      const withProfile = Object.keys(profile).length > 0 ? { profile } : {};
      people[username] = await person({ username, displayName, ...withProfile }, undefined, s);
    }
    people.anouk = await someone('anouk', { displayName: 'Anouk Guest', role: 'guest' });
    viewer = await someone('searcher');
  });
  afterAll(() => s.close());

  const search = async (query: string, who: Person = viewer) => {
    const res = await who.api.get(`/api/v1/accounts/search?${query}`);
    expect(res.status, res.text).toBe(200);
    return (res.body as Array<{ username: string }>).map((account) => account.username);
  };

  it('matches any word of the profile by prefix, visible active accounts only', async () => {
    expect(await search('q=an')).toEqual(['ana_lopez', 'anatole', 'bo']);
    expect(await search('q=lop')).toEqual(['ana_lopez']);
    expect(await search('q=data%20eng')).toEqual(['ana_lopez']);
    expect(await search('q=design')).toEqual(['cy']);
    expect(await search('q=an&limit=2')).toEqual(['ana_lopez', 'anatole']);
    expect(await search('q=zzz')).toEqual([]);
  });

  it('matches @username by the start of the username, exact match first', async () => {
    expect(await search('q=%40ana')).toEqual(['ana_lopez', 'anatole']);
    expect(await search('q=%40ana_l')).toEqual(['ana_lopez']);
    expect(await search('q=%40bo')).toEqual(['bo']);
    expect(await search('q=%40anatole')).toEqual(['anatole']);
    expect(await search(`q=anatole%40${encodeURIComponent(s.ctx.config.domain)}`)).toEqual([
      'anatole',
    ]);
    expect(await search('q=%40anatole%40elsewhere.example')).toEqual([]);
    expect(await search('q=%40')).toEqual([]);
  });

  it('puts the exact username first even past the limit', async () => {
    const al = await someone('al', { displayName: 'Zed Al' });
    await someone('al_a', { displayName: 'Aaron Al' });
    expect(await search('q=%40al&limit=1')).toEqual(['al']);
    expect((await search('q=%40al')).slice(0, 2)).toEqual(['al', 'al_a']);
    expect(al.account.username).toBe('al');
  });

  it('limits to followed accounts with following=true', async () => {
    const me = await someone('follower');
    await follow(me, people.anatole as Person);
    expect(await search('q=an&following=true', me)).toEqual(['anatole']);
  });

  it('leaves out people across a block, either way', async () => {
    const me = await someone('blocker');
    await me.api.post(`/api/v1/accounts/${people.anatole?.id}/block`);
    expect(await search('q=an', me)).toEqual(['ana_lopez', 'bo']);
    const blocked = await someone('blocked');
    await people.bo?.api.post(`/api/v1/accounts/${blocked.id}/block`);
    expect(await search('q=an', blocked)).toEqual(['ana_lopez', 'anatole']);
  });

  it('finds nobody but themselves for a guest', async () => {
    expect(await search('q=an', people.anouk)).toEqual(['anouk']);
    expect(await search('q=%40ana', people.anouk)).toEqual([]);
  });

  it('lets admins find guests, never suspended accounts', async () => {
    const admin = await someone('admin', { role: 'admin' });
    expect(await search('q=an', admin)).toEqual(['ana_lopez', 'anatole', 'anouk', 'bo']);
  });

  it('refuses a blank query or an offset, and needs read:accounts', async () => {
    expect((await viewer.api.get('/api/v1/accounts/search?q=')).status).toBe(400);
    expect((await viewer.api.get('/api/v1/accounts/search?q=an&offset=5')).status).toBe(400);
    expect((await api(s.app).get('/api/v1/accounts/search?q=an')).status).toBe(401);
    const writer = await someone('writer', {}, ['write']);
    expect((await writer.api.get('/api/v1/accounts/search?q=an')).status).toBe(403);
  });
});
