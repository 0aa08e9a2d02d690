import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { addMember, community, communityPath, ids, person, postIn } from './communities.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function pins(communityId: string) {
  return t.ctx.db
    .selectFrom('community_pins')
    .select('status_id')
    .where('community_id', '=', Number(communityId))
    .orderBy('status_id')
    .execute();
}

describe('the community timeline', () => {
  it('lists conversations newest first, replies on request, in pages with Link headers', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'private');
    await addMember(c, ana, bo);
    const first = await postIn(ana, c, 'First');
    const second = await postIn(bo, c, 'Second');
    const reply = await postIn(ana, c, 'A reply', { in_reply_to_id: first.id });
    const third = await postIn(ana, c, 'Third');
    await bo.api.post(`/api/v1/statuses/${first.id}/reblog`);
    const elsewhere = await postIn(ana, null, 'Outside any community');

    const page1 = await bo.api.get(communityPath(c, '/timeline?limit=2'));
    expect(page1.status, page1.text).toBe(200);
    expect(ids(page1.body)).toEqual([third.id, second.id]);
    expect(page1.body[0].community).toEqual({
      id: c.id,
      name: c.name,
      privacy: 'private',
      url: `${t.url}/communities/${c.id}`,
    });
    const next = /<([^>]+)>; rel="next"/.exec(String(page1.headers.link))?.[1] ?? '';
    const page2 = await bo.api.get(next.replace(t.url, ''));
    expect(ids(page2.body)).toEqual([first.id]);
    const all = await bo.api.get(communityPath(c, '/timeline?with_replies=true'));
    expect(ids(all.body)).toEqual([third.id, reply.id, second.id, first.id]);
    expect(ids(all.body)).not.toContain(elsewhere.id);
    const newer = await bo.api.get(communityPath(c, `/timeline?min_id=${second.id}`));
    expect(ids(newer.body)).toEqual([third.id]);
  });

  it('applies the status rule: followers-only statuses reach followers; muted authors stay out', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    const c = await community(ana, 'public');
    await addMember(c, ana, bo, cy);
    await bo.api.post(`/api/v1/accounts/${ana.id}/follow`);
    const followersOnly = await postIn(ana, c, 'For my followers', { visibility: 'private' });
    const open = await postIn(cy, c, 'For the community');
    expect(ids((await bo.api.get(communityPath(c, '/timeline'))).body)).toEqual([
      open.id,
      followersOnly.id,
    ]);
    expect(ids((await cy.api.get(communityPath(c, '/timeline'))).body)).toEqual([open.id]);
    await bo.api.post(`/api/v1/accounts/${cy.id}/mute`);
    expect(ids((await bo.api.get(communityPath(c, '/timeline'))).body)).toEqual([followersOnly.id]);
  });

  it('is 403 to staff outside a private community and 404 for a secret one', async () => {
    const ana = await person(t);
    const outsider = await person(t);
    const priv = await community(ana, 'private');
    const secret = await community(ana, 'secret');
    const pub = await community(ana, 'public');
    const publicStatus = await postIn(ana, pub, 'Everyone may read this');
    const closed = await outsider.api.get(communityPath(priv, '/timeline'));
    expect(closed.status).toBe(403);
    expect(closed.body.error).toMatch(/Only members/);
    expect((await outsider.api.get(communityPath(secret, '/timeline'))).status).toBe(404);
    expect(ids((await outsider.api.get(communityPath(pub, '/timeline'))).body)).toEqual([
      publicStatus.id,
    ]);
    expect((await outsider.api.get(communityPath('424242', '/timeline'))).status).toBe(404);
  });
});

describe('pins', () => {
  it('lets owners and moderators pin statuses of the community, most recent pin first', async () => {
    const ana = await person(t);
    const mo = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'private');
    await addMember(c, ana, mo, bo);
    await ana.api.patch(communityPath(c, `/members/${mo.id}`), { role: 'moderator' });
    const rules = await postIn(bo, c, 'House rules');
    const agenda = await postIn(bo, c, 'Agenda');
    const pinned = await mo.api.post(communityPath(c, '/pins'), { status_id: rules.id });
    expect(pinned.status, pinned.text).toBe(200);
    expect(ids(pinned.body)).toEqual([rules.id]);
    await ana.api.post(communityPath(c, '/pins'), { status_id: agenda.id });
    // Pinning again changes nothing.
    await ana.api.post(communityPath(c, '/pins'), { status_id: rules.id });
    expect(ids((await bo.api.get(communityPath(c, '/pins'))).body)).toEqual([agenda.id, rules.id]);

    const byMember = await bo.api.post(communityPath(c, '/pins'), { status_id: agenda.id });
    expect(byMember.status).toBe(403);
    expect((await bo.api.delete(communityPath(c, `/pins/${agenda.id}`))).status).toBe(403);
    const unpinned = await mo.api.delete(communityPath(c, `/pins/${agenda.id}`));
    expect(ids(unpinned.body)).toEqual([rules.id]);
    expect((await mo.api.delete(communityPath(c, `/pins/${agenda.id}`))).status).toBe(404);
    // Outsiders see no pins of a private community.
    const outsider = await person(t);
    expect((await outsider.api.get(communityPath(c, '/pins'))).status).toBe(403);
  });

  it('refuses statuses of elsewhere, boosts and unknown ids, and changes nothing', async () => {
    const ana = await person(t);
    const c = await community(ana, 'public');
    const other = await community(ana, 'public');
    const elsewhere = await postIn(ana, other, 'In another community');
    const orgWide = await postIn(ana, null, 'Organisation-wide');
    const own = await postIn(ana, c, 'Ours');
    const boost = await ana.api.post(`/api/v1/statuses/${own.id}/reblog`);
    const hidden = await person(t);
    const direct = await postIn(hidden, null, 'Just for me', { visibility: 'direct' });
    for (const statusId of [elsewhere.id, orgWide.id, boost.body.id, '98765', direct.id]) {
      const res = await ana.api.post(communityPath(c, '/pins'), { status_id: statusId });
      expect(res.status, statusId).toBe(422);
      expect(res.body.details.status_id).toBeDefined();
    }
    expect(await pins(c.id)).toEqual([]);
  });

  it('keeps at most ten pins', async () => {
    const ana = await person(t);
    const c = await community(ana, 'public');
    const made: string[] = [];
    for (let i = 0; i < 11; i++) made.push((await postIn(ana, c, `Note ${i}`)).id);
    for (const id of made.slice(0, 10)) {
      expect((await ana.api.post(communityPath(c, '/pins'), { status_id: id })).status).toBe(200);
    }
    const res = await ana.api.post(communityPath(c, '/pins'), { status_id: made[10] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/at most 10/);
    expect(await pins(c.id)).toHaveLength(10);
  });

  it('forgets a pin when its status is deleted, and counts the community statuses', async () => {
    const ana = await person(t);
    const c = await community(ana, 'public');
    const status = await postIn(ana, c, 'Soon gone');
    await ana.api.post(communityPath(c, '/pins'), { status_id: status.id });
    expect((await ana.api.get(communityPath(c))).body.statuses_count).toBe(1);
    await ana.api.delete(`/api/v1/statuses/${status.id}`);
    expect(await pins(c.id)).toEqual([]);
    expect((await ana.api.get(communityPath(c))).body.statuses_count).toBe(0);
  });
});
