import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { newId } from '../../db/ids';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function person(username?: string) {
  const { account, token } = await createAccountWithToken(
    t.ctx,
    username ? { username, email: `${username}@example.com` } : {},
  );
  return { account, token, api: api(t.app, token) };
}

/** Follows directly in the database, so these tests do not depend on the follow routes. */
async function follow(follower: { account: { id: number } }, target: { account: { id: number } }) {
  await t.ctx.db
    .insertInto('follows')
    .values({
      id: newId(),
      account_id: follower.account.id,
      target_account_id: target.account.id,
      show_reblogs: 1,
      notify: 0,
      created_at: Date.now(),
    })
    .execute();
}

describe('posting a status', () => {
  it('links mentions, hashtags and URLs and lists them', async () => {
    const ana = await person('ana_post');
    await person('bo_post');
    const res = await ana.api.post('/api/v1/statuses', {
      status:
        'Hi @bo_post, see https://example.com/a/very/long/path/indeed/yes #Launch and @nobody',
    });
    expect(res.status).toBe(200);
    const status = res.body;
    expect(status.content).toContain('class="u-url mention"');
    expect(status.content).toContain(`href="${t.url}/@bo_post"`);
    expect(status.content).toContain(`href="${t.url}/tags/launch"`);
    expect(status.content).toContain('href="https://example.com/a/very/long/path/indeed/yes"');
    expect(status.content).toContain('@nobody');
    expect(status.mentions).toEqual([
      expect.objectContaining({ username: 'bo_post', acct: 'bo_post' }),
    ]);
    expect(status.tags).toEqual([{ name: 'Launch', url: `${t.url}/tags/launch` }]);
    expect(status.visibility).toBe('public');
    expect(status.account.statuses_count).toBe(1);
  });

  it('refuses bad input with Mastodon-style errors and stores nothing', async () => {
    const ana = await person();
    // Followers-only, and Ana follows nobody: to her it does not exist.
    const hidden = await (await person()).api.post('/api/v1/statuses', {
      status: 'For my followers',
      visibility: 'private',
    });
    expect(hidden.status).toBe(200);
    const before = await t.ctx.db
      .selectFrom('statuses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const cases: Array<[unknown, number]> = [
      [{ status: 'x'.repeat(501) }, 422],
      [{ status: '' }, 422],
      [{ status: 'poll', poll: { options: ['only one'], expires_in: 3600 } }, 422],
      [{ status: 'media', media_ids: ['1', '2', '3', '4', '5'] }, 422],
      [{ status: 'reply', in_reply_to_id: '123456789' }, 404],
      [{ status: 'reply', in_reply_to_id: hidden.body.id }, 404],
      [{ status: 'bad visibility', visibility: 'everyone' }, 422],
    ];
    for (const [body, code] of cases) {
      const res = await ana.api.post('/api/v1/statuses', body);
      expect(res.status, JSON.stringify(body)).toBe(code);
      expect(res.body.error).toEqual(expect.any(String));
    }
    const after = await t.ctx.db
      .selectFrom('statuses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('counts a link as 23 characters', async () => {
    const ana = await person();
    const text = `${'x'.repeat(470)} https://example.com/${'p'.repeat(200)}`;
    expect((await ana.api.post('/api/v1/statuses', { status: text })).status).toBe(200);
  });

  it('posts once per Idempotency-Key', async () => {
    const ana = await person();
    const headers = { 'idempotency-key': 'abc-123' };
    const [a, b] = await Promise.all([
      ana.api.post('/api/v1/statuses', { status: 'once' }, headers),
      ana.api.post('/api/v1/statuses', { status: 'once' }, headers),
    ]);
    expect(a.status).toBe(200);
    expect(b.status).toBe(200);
    expect(a.body.id).toBe(b.body.id);
    const again = await ana.api.post('/api/v1/statuses', { status: 'once' }, headers);
    expect(again.body.id).toBe(a.body.id);
  });
});

describe('visibility', () => {
  it('shows private statuses to followers and direct ones to the mentioned only', async () => {
    const author = await person('vis_author');
    const follower = await person('vis_follower');
    const stranger = await person('vis_stranger');
    const friend = await person('vis_friend');
    await follow(follower, author);
    const priv = await author.api.post('/api/v1/statuses', {
      status: 'followers only',
      visibility: 'private',
    });
    const direct = await author.api.post('/api/v1/statuses', {
      status: 'psst @vis_friend',
      visibility: 'direct',
    });
    expect((await follower.api.get(`/api/v1/statuses/${priv.body.id}`)).status).toBe(200);
    expect((await stranger.api.get(`/api/v1/statuses/${priv.body.id}`)).status).toBe(404);
    expect((await friend.api.get(`/api/v1/statuses/${direct.body.id}`)).status).toBe(200);
    expect((await follower.api.get(`/api/v1/statuses/${direct.body.id}`)).status).toBe(404);
    // Replying to what one cannot see is refused as if it did not exist.
    const reply = await stranger.api.post('/api/v1/statuses', {
      status: 'sneaky',
      in_reply_to_id: priv.body.id,
    });
    expect(reply.status).toBe(404);

    const home = await follower.api.get('/api/v1/timelines/home');
    expect(home.body.map((s: { id: string }) => s.id)).toContain(priv.body.id);
    const strangerPublic = await stranger.api.get('/api/v1/timelines/public');
    expect(strangerPublic.body.map((s: { id: string }) => s.id)).not.toContain(priv.body.id);
    const profile = await stranger.api.get(`/api/v1/accounts/${author.account.id}/statuses`);
    expect(profile.body).toEqual([]);
  });
});

describe('timelines, threads and reactions', () => {
  it('puts a followed person’s status on the home, public and tag timelines', async () => {
    const writer = await person('tl_writer');
    const reader = await person('tl_reader');
    await follow(reader, writer);
    const posted = await writer.api.post('/api/v1/statuses', { status: 'News #Quarterly' });
    for (const path of [
      '/api/v1/timelines/home',
      '/api/v1/timelines/public',
      '/api/v1/timelines/tag/quarterly',
    ]) {
      const res = await reader.api.get(path);
      expect(res.status, path).toBe(200);
      expect(res.body[0].id, path).toBe(posted.body.id);
    }
    const own = await writer.api.get('/api/v1/timelines/home');
    expect(own.body[0].id).toBe(posted.body.id);
  });

  it('pages with max_id and min_id and Link headers', async () => {
    const writer = await person();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      ids.push((await writer.api.post('/api/v1/statuses', { status: `n${i}` })).body.id);
    }
    const first = await writer.api.get(`/api/v1/accounts/${writer.account.id}/statuses?limit=2`);
    expect(first.body.map((s: { id: string }) => s.id)).toEqual([ids[4], ids[3]]);
    expect(String(first.headers.link)).toContain(`max_id=${ids[3]}`);
    const second = await writer.api.get(
      `/api/v1/accounts/${writer.account.id}/statuses?limit=2&max_id=${ids[3]}`,
    );
    expect(second.body.map((s: { id: string }) => s.id)).toEqual([ids[2], ids[1]]);
    const newer = await writer.api.get(
      `/api/v1/accounts/${writer.account.id}/statuses?limit=2&min_id=${ids[1]}`,
    );
    expect(newer.body.map((s: { id: string }) => s.id)).toEqual([ids[3], ids[2]]);
  });

  it('builds a thread, and counts favourites, boosts and bookmarks', async () => {
    const a = await person('th_a');
    const b = await person('th_b');
    const root = await a.api.post('/api/v1/statuses', { status: 'root' });
    const reply = await b.api.post('/api/v1/statuses', {
      status: '@th_a reply',
      in_reply_to_id: root.body.id,
    });
    const deeper = await a.api.post('/api/v1/statuses', {
      status: '@th_b deeper',
      in_reply_to_id: reply.body.id,
    });
    const context = await b.api.get(`/api/v1/statuses/${reply.body.id}/context`);
    expect(context.body.ancestors.map((s: { id: string }) => s.id)).toEqual([root.body.id]);
    expect(context.body.descendants.map((s: { id: string }) => s.id)).toEqual([deeper.body.id]);

    expect((await b.api.post(`/api/v1/statuses/${root.body.id}/favourite`)).body).toMatchObject({
      favourited: true,
      favourites_count: 1,
    });
    const boost = await b.api.post(`/api/v1/statuses/${root.body.id}/reblog`);
    expect(boost.body.reblog).toMatchObject({
      id: root.body.id,
      reblogged: true,
      reblogs_count: 1,
    });
    expect((await b.api.post(`/api/v1/statuses/${root.body.id}/bookmark`)).body.bookmarked).toBe(
      true,
    );
    const bookmarks = await b.api.get('/api/v1/bookmarks');
    expect(bookmarks.body.map((s: { id: string }) => s.id)).toEqual([root.body.id]);
    const favouritedBy = await a.api.get(`/api/v1/statuses/${root.body.id}/favourited_by`);
    expect(favouritedBy.body.map((x: { username: string }) => x.username)).toEqual(['th_b']);
    const rebloggedBy = await a.api.get(`/api/v1/statuses/${root.body.id}/reblogged_by`);
    expect(rebloggedBy.body.map((x: { username: string }) => x.username)).toEqual(['th_b']);
    const shown = await a.api.get(`/api/v1/statuses/${root.body.id}`);
    expect(shown.body).toMatchObject({ replies_count: 1, favourites_count: 1, reblogs_count: 1 });

    const notifications = await t.ctx.db
      .selectFrom('notifications')
      .select(['type', 'account_id'])
      .where('account_id', '=', a.account.id)
      .orderBy('id')
      .execute();
    expect(notifications.map((n) => n.type)).toEqual(['mention', 'favourite', 'reblog']);

    await b.api.post(`/api/v1/statuses/${root.body.id}/unreblog`);
    await b.api.post(`/api/v1/statuses/${root.body.id}/unfavourite`);
    expect((await a.api.get(`/api/v1/statuses/${root.body.id}`)).body).toMatchObject({
      favourites_count: 0,
      reblogs_count: 0,
    });
  });

  it('edits with history and deletes with the source text', async () => {
    const a = await person();
    const posted = await a.api.post('/api/v1/statuses', { status: 'first #One' });
    const edited = await a.api.put(`/api/v1/statuses/${posted.body.id}`, {
      status: 'second #Two',
      spoiler_text: 'cw',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ spoiler_text: 'cw', sensitive: true });
    expect(edited.body.edited_at).toEqual(expect.any(String));
    expect(edited.body.tags.map((tag: { name: string }) => tag.name)).toEqual(['Two']);
    const history = await a.api.get(`/api/v1/statuses/${posted.body.id}/history`);
    expect(history.body.map((h: { content: string }) => h.content)).toEqual([
      expect.stringContaining('first'),
      expect.stringContaining('second'),
    ]);
    const source = await a.api.get(`/api/v1/statuses/${posted.body.id}/source`);
    expect(source.body).toEqual({ id: posted.body.id, text: 'second #Two', spoiler_text: 'cw' });

    const other = await person();
    expect(
      (await other.api.put(`/api/v1/statuses/${posted.body.id}`, { status: 'x' })).status,
    ).toBe(403);
    expect((await other.api.delete(`/api/v1/statuses/${posted.body.id}`)).status).toBe(403);

    const deleted = await a.api.delete(`/api/v1/statuses/${posted.body.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.text).toBe('second #Two');
    expect((await a.api.get(`/api/v1/statuses/${posted.body.id}`)).status).toBe(404);
  });
});
