import fs from 'node:fs';
import path from 'node:path';
import type { Community } from '@rapport/schema';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { multipartBody } from '../../../test/http';
import { accountScope, canSee } from '../visibility/visibility';
import {
  addMember,
  community,
  communityPath,
  ids,
  type Person,
  person,
  postIn,
} from './communities.fixtures';
import { visibleCommunitySql } from './communities.queries';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const BASE = '/api/rapport/v1/communities';

async function upload(who: Person, description = 'A sunrise over the harbour') {
  const png = await sharp({
    create: { width: 64, height: 32, channels: 3, background: '#3366aa' },
  })
    .png()
    .toBuffer();
  const body = await multipartBody([
    ['file', { filename: 'cover.png', type: 'image/png', data: png }],
    ['description', description],
  ]);
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v2/media',
    headers: { authorization: `Bearer ${who.token}`, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode, res.body).toBe(200);
  return JSON.parse(res.body) as { id: string };
}

/** Everything a failed request must leave as it was. */
async function snapshot() {
  const db = t.ctx.db;
  return {
    communities: await db.selectFrom('communities').selectAll().orderBy('id').execute(),
    members: await db
      .selectFrom('community_members')
      .selectAll()
      .orderBy('community_id')
      .orderBy('account_id')
      .execute(),
    terms: await db
      .selectFrom('community_terms')
      .selectAll()
      .orderBy('term')
      .orderBy('community_id')
      .execute(),
    media: await db.selectFrom('media_attachments').select('id').orderBy('id').execute(),
  };
}

describe('creating a community', () => {
  it('makes the creator its owner, with a cover from an upload', async () => {
    const ana = await person(t);
    const media = await upload(ana);
    const events: string[] = [];
    t.ctx.events.on('community.created', (e) => {
      events.push(`${e.type} ${e.community_id}`);
    });
    t.ctx.events.on('community.membership_changed', (e) => {
      events.push(`${e.type} ${e.account_id} ${e.state} ${e.role}`);
    });
    const res = await ana.api.post(BASE, {
      name: '  Design   Practice ',
      description: 'Critique, crits and the design system',
      privacy: 'public',
      cover_media_id: media.id,
    });
    expect(res.status, res.text).toBe(200);
    const created = res.body as Community;
    expect(created).toMatchObject({
      name: 'Design Practice',
      description: 'Critique, crits and the design system',
      privacy: 'public',
      members_count: 1,
      statuses_count: 0,
      last_status_at: null,
      url: `${t.url}/communities/${created.id}`,
      membership: { state: 'member', role: 'owner' },
      cover: { description: 'A sunrise over the harbour' },
    });
    // The cover is served, and the upload no longer waits for a status (nor its clean-up).
    const file = created.cover?.url.replace(`${t.url}/media/`, '') ?? '';
    expect(fs.existsSync(path.join(t.dataDir, 'media', file))).toBe(true);
    const upload_ = await t.ctx.db
      .selectFrom('media_attachments')
      .select('id')
      .where('id', '=', Number(media.id))
      .executeTakeFirst();
    expect(upload_).toBeUndefined();
    await t.ctx.events.settled();
    expect(events).toEqual([
      `community.created ${created.id}`,
      `community.membership_changed ${ana.id} member owner`,
    ]);
    const shown = await ana.api.get(`${BASE}/${created.id}`);
    expect(shown.body).toEqual(created);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const ana = await person(t);
    const bo = await person(t);
    await community(ana, 'public', { name: 'Engineering Guild' });
    const boUpload = await upload(bo);
    const before = await snapshot();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ privacy: 'public' }, 'name', /Name can't be blank/],
      [{ name: '   ', privacy: 'public' }, 'name', /can't be blank/],
      [{ name: 'x'.repeat(81), privacy: 'public' }, 'name', /at most 80 characters/],
      [{ name: 'engineering  GUILD', privacy: 'public' }, 'name', /already taken/],
      [{ name: 'Fine', privacy: 'hidden' }, 'privacy', /public, private or secret/],
      [{ name: 'Fine' }, 'privacy', /public, private or secret/],
      [
        { name: 'Fine', privacy: 'public', description: 'd'.repeat(1001) },
        'description',
        /at most 1000/,
      ],
      [
        { name: 'Fine', privacy: 'public', cover_media_id: boUpload.id },
        'cover_media_id',
        /uploaded/,
      ],
      [{ name: 'Fine', privacy: 'public', cover_media_id: '999' }, 'cover_media_id', /uploaded/],
    ];
    for (const [body, field, message] of cases) {
      const res = await ana.api.post(BASE, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.error).toMatch(message);
      expect(Object.keys(res.body.details)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('is for staff: guests only join communities', async () => {
    const guest = await person(t, 'guest');
    const res = await guest.api.post(BASE, { name: 'Guest corner', privacy: 'public' });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatch(/Guests cannot create/);
  });

  it('needs the write scope', async () => {
    const { createAccountWithToken } = await import('../../../test/factories');
    const { api } = await import('../../../test/http');
    const { token } = await createAccountWithToken(t.ctx, {}, ['read']);
    const res = await api(t.app, token).post(BASE, { name: 'Read only', privacy: 'public' });
    expect(res.status).toBe(403);
  });
});

describe('editing and deleting', () => {
  it('lets owners change the name, description, privacy and cover', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'public');
    await addMember(c, ana, bo);
    const first = await upload(ana, 'First cover');
    const withCover = await ana.api.patch(communityPath(c), { cover_media_id: first.id });
    const firstFile = withCover.body.cover.url.replace(`${t.url}/media/`, '');
    const second = await upload(ana, 'Second cover');
    const res = await ana.api.patch(communityPath(c), {
      name: 'Renamed Crew',
      description: 'Now about gardening',
      privacy: 'private',
      cover_media_id: second.id,
      cover_description: 'Tomatoes on a vine',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Renamed Crew',
      description: 'Now about gardening',
      privacy: 'private',
      cover: { description: 'Tomatoes on a vine' },
      members_count: 2,
    });
    // The replaced cover's file is gone.
    expect(fs.existsSync(path.join(t.dataDir, 'media', firstFile))).toBe(false);
    // The directory finds it by its new words only.
    const found = await bo.api.get(`${BASE}?q=garden`);
    expect(ids(found.body)).toContain(c.id);
    const old = await bo.api.get(`${BASE}?q=${encodeURIComponent(c.name.split(' ')[2] ?? '')}`);
    expect(ids(old.body)).not.toContain(c.id);
    const removed = await ana.api.patch(communityPath(c), { cover_media_id: null });
    expect(removed.body.cover).toBeNull();
  });

  it('refuses members, moderators and bad input, changing nothing', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'public');
    const other = await community(ana, 'public');
    await addMember(c, ana, bo);
    await ana.api.patch(communityPath(c, `/members/${bo.id}`), { role: 'moderator' });
    const before = await snapshot();
    const byModerator = await bo.api.patch(communityPath(c), { name: 'Taken over' });
    expect(byModerator.status).toBe(403);
    expect(byModerator.body.error).toMatch(/Only owners/);
    for (const body of [{ name: other.name.toUpperCase() }, { privacy: 'open' }, { name: '' }]) {
      const res = await ana.api.patch(communityPath(c), body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('deletes a community with its statuses, for owners and admins only', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const admin = await person(t, 'admin');
    const c = await community(ana, 'secret');
    await addMember(c, ana, bo);
    const status = await postIn(bo, c, 'A secret plan #plans');
    await postIn(ana, c, 'A reply', { in_reply_to_id: status.id });
    await bo.api.post(`/api/v1/statuses/${status.id}/reblog`);
    await ana.api.post(communityPath(c, '/pins'), { status_id: status.id });
    const boCount = (await bo.api.get('/api/v1/accounts/verify_credentials')).body.statuses_count;
    expect(boCount).toBe(2);

    expect((await bo.api.delete(communityPath(c))).status).toBe(403);
    const stranger = await person(t);
    expect((await stranger.api.delete(communityPath(c))).status).toBe(404);

    const removed: string[] = [];
    t.ctx.events.on('status.deleted', (e) => {
      removed.push(e.audience.status_id);
    });
    const res = await admin.api.delete(communityPath(c));
    expect(res.status, res.text).toBe(200);
    await t.ctx.events.settled();
    expect(removed).toHaveLength(3);
    expect(removed).toContain(status.id);
    expect((await ana.api.get(communityPath(c))).status).toBe(404);
    expect((await bo.api.get(`/api/v1/statuses/${status.id}`)).status).toBe(404);
    const left = await t.ctx.db
      .selectFrom('statuses')
      .select('id')
      .where('community_id', '=', Number(c.id))
      .execute();
    expect(left).toEqual([]);
    expect((await bo.api.get('/api/v1/accounts/verify_credentials')).body.statuses_count).toBe(0);
    expect(ids((await bo.api.get('/api/v1/timelines/home')).body)).toEqual([]);
    expect((await bo.api.get('/api/v2/search?q=secret&type=statuses')).body.statuses).toEqual([]);
  });
});

describe('the directory', () => {
  it('searches by word prefixes of the name and description', async () => {
    const ana = await person(t);
    const tag = Math.random().toString(36).slice(2, 8);
    const a = await community(ana, 'public', {
      name: `Zeppelin ${tag} Club`,
      description: 'Airships and Blimps',
    });
    const b = await community(ana, 'private', {
      name: `Zebra ${tag} Crossing`,
      description: 'Road safety',
    });
    const q = async (text: string) =>
      ids((await ana.api.get(`${BASE}?q=${encodeURIComponent(text)}`)).body);
    expect(await q(`${tag} zep`)).toEqual([a.id]);
    expect(await q(`${tag} bli`)).toEqual([a.id]);
    expect((await q(tag)).sort()).toEqual([a.id, b.id].sort());
    expect(await q(`${tag} road saf`)).toEqual([b.id]);
    expect(await q(`${tag} nothing`)).toEqual([]);
  });

  it('lists the most active first, in keyset pages with Link headers', async () => {
    const ana = await person(t);
    const tag = `page${Math.random().toString(36).slice(2, 7)}`;
    const made: Community[] = [];
    for (let i = 0; i < 5; i++) made.push(await community(ana, 'public', { name: `${tag} ${i}` }));
    // Two get statuses: they come first, the most recent activity first; then the silent
    // ones, newest first.
    await postIn(ana, made[1] as Community, 'first');
    await postIn(ana, made[3] as Community, 'second');
    const seen: string[] = [];
    let next: string | null = `${BASE}?q=${tag}&limit=2`;
    while (next) {
      const res = await ana.api.get(next);
      expect(res.status, res.text).toBe(200);
      seen.push(...ids(res.body));
      const link = String(res.headers.link ?? '');
      const match = /<([^>]+)>; rel="next"/.exec(link);
      next = match?.[1] ? match[1].replace(t.url, '') : null;
    }
    const [c0, c1, c2, c3, c4] = made.map((c) => c.id);
    expect(seen).toEqual([c3, c1, c4, c2, c0]);
    const active = (await ana.api.get(`${BASE}/${c3}`)).body;
    expect(active.statuses_count).toBe(1);
    expect(active.last_status_at).not.toBeNull();
  });

  it("shows the viewer's own communities, invitations and requests", async () => {
    const ana = await person(t);
    const bo = await person(t);
    const mine = await community(bo, 'public');
    const invited = await community(ana, 'secret');
    const asked = await community(ana, 'private');
    await bo.api.post(communityPath(mine, '/join'));
    await ana.api.post(communityPath(invited, '/members'), { account_ids: [bo.id] });
    await bo.api.post(communityPath(asked, '/join'));
    const list = async (membership: string) =>
      ids((await bo.api.get(`${BASE}?membership=${membership}`)).body);
    expect(await list('member')).toEqual([mine.id]);
    expect(await list('invited')).toEqual([invited.id]);
    expect(await list('requested')).toEqual([asked.id]);
    expect((await bo.api.get(`${BASE}?membership=owner`)).status).toBe(400);
  });

  it('says the same as canSee about who knows which community exists', async () => {
    const owner = await person(t);
    const viewers = [
      await person(t),
      await person(t, 'guest'),
      await person(t, 'admin'),
      await person(t, 'guest'),
    ];
    const invitedGuest = viewers[3] as Person;
    const made = [
      await community(owner, 'public'),
      await community(owner, 'private'),
      await community(owner, 'secret'),
    ];
    await owner.api.post(communityPath(made[2] as Community, '/members'), {
      account_ids: [invitedGuest.id],
    });
    await addMember(made[0] as Community, owner, viewers[0] as Person);
    for (const viewer of viewers) {
      const places = await t.ctx.db
        .selectFrom('community_members')
        .select(['community_id', 'state'])
        .where('account_id', '=', viewer.account.id)
        .execute();
      const stateOf = new Map(places.map((p) => [String(p.community_id), p.state]));
      const v = {
        id: viewer.account.id,
        username: viewer.account.username,
        role: viewer.account.role,
      };
      const bySql = await t.ctx.db
        .selectFrom('communities')
        .select('id')
        .where(visibleCommunitySql(accountScope(v), v.id))
        .where(
          'id',
          'in',
          made.map((c) => Number(c.id)),
        )
        .execute();
      const byRule = made.filter((c) =>
        canSee(v, {
          kind: 'community',
          community: { id: Number(c.id), privacy: c.privacy },
          membership: stateOf.get(c.id) ?? null,
        }),
      );
      expect(bySql.map((row) => String(row.id)).sort(), viewer.account.role).toEqual(
        byRule.map((c) => c.id).sort(),
      );
    }
  });
});
