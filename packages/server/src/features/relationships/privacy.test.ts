import type { RelationshipExport } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { newId } from '../../db/ids';
import { base, insightFixtures, type Member } from './insights.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const { member, post, exchanged, acts } = insightFixtures(() => t);
const preferences = '/api/rapport/v1/preferences/relationships';

async function setInsights(who: Member, enabled: boolean) {
  const res = await who.api.put(preferences, { enabled });
  expect(res.status, res.text).toBe(200);
  expect(res.body).toEqual({ enabled });
  await t.ctx.events.settled();
}

async function introduction(
  requester: Member,
  introducer: Member,
  target: Member,
  state: 'requested' | 'forwarded' | 'accepted' | 'declined',
  message: string,
  declinedBy: 'introducer' | 'target' | null = null,
) {
  const now = Date.now();
  await t.ctx.db
    .insertInto('introductions')
    .values({
      id: newId(),
      requester_id: requester.account.id,
      introducer_id: introducer.account.id,
      target_id: target.account.id,
      state,
      declined_by: declinedBy,
      message,
      note: state === 'requested' ? null : 'Happy to connect you',
      created_at: now,
      updated_at: now,
    })
    .execute();
}

const rowsAbout = (id: number) =>
  t.ctx.db
    .selectFrom('relationships')
    .selectAll()
    .where((eb) => eb.or([eb('owner_id', '=', id), eb('other_id', '=', id)]))
    .execute();

describe('turning relationship insights off and on', () => {
  it('is on by default; off closes one’s own insights but not the preference or the export', async () => {
    const ana = await member();
    const ben = await member();
    expect((await ana.api.get(preferences)).body).toEqual({ enabled: true });
    expect((await ana.api.put(preferences, { enabled: 'no' })).status).toBe(422);
    expect((await ana.api.put(preferences, {})).status).toBe(422);
    expect((await ana.api.get(preferences)).body).toEqual({ enabled: true });
    await setInsights(ana, false);
    expect((await ana.api.get(preferences)).body).toEqual({ enabled: false });
    for (const [method, url] of [
      ['get', base],
      ['get', `${base}/${ben.id}`],
      ['put', `${base}/${ben.id}`],
      ['get', `${base}/${ben.id}/advice`],
      ['get', '/api/rapport/v1/nudges'],
      ['get', '/api/rapport/v1/people_to_meet'],
    ] as const) {
      const res = method === 'put' ? await ana.api.put(url, { note: 'x' }) : await ana.api.get(url);
      expect(res.status, url).toBe(409);
      expect(res.body.error).toBe(
        'Relationship insights are off for you; turn them on in Settings',
      );
    }
    expect((await ana.api.get(`${base}/export`)).status).toBe(200);
    // Turning off twice changes nothing.
    await setInsights(ana, false);
    await setInsights(ana, true);
    expect((await ana.api.get(base)).status).toBe(200);
  });

  it('removes what was computed about them from everyone’s views, and rebuilds it when back on', async () => {
    const ana = await member();
    const ben = await member();
    const cara = await member();
    await exchanged(ana, ben, 3);
    await exchanged(ana, cara, 3);
    await exchanged(cara, ben, 3);
    await ana.api.put(`${base}/${ben.id}`, { note: 'Met at the offsite', trusted: true });
    await ben.api.put(`${base}/${ana.id}`, { trusted: true });
    await post(ana, 'Shipping #otterops');
    await post(cara, 'More #otterops from me');
    expect((await ana.api.get(`${base}/${ben.id}`)).body).toMatchObject({
      stage: 'trusted',
      mutual_trusted: true,
    });
    const introducers = async () =>
      (
        (await ana.api.get(`${base}/${ben.id}/advice`)).body.suggestions as Array<{
          introducer: { id: string } | null;
        }>
      ).flatMap((s) => (s.introducer ? [s.introducer.id] : []));
    // Cara knows both at first: a mutual contact, not someone to meet (Ana knows her).
    expect((await ana.api.get(`${base}/${ben.id}`)).body.mutual_contacts).toHaveLength(1);

    await setInsights(cara, false);
    expect((await ana.api.get(`${base}/${ben.id}`)).body.mutual_contacts).toEqual([]);
    expect(await introducers()).toEqual([]);
    const people = (await ana.api.get('/api/rapport/v1/people_to_meet')).body;
    expect(people.map((p: { account: { id: string } }) => p.account.id)).not.toContain(cara.id);
    expect(
      (await ana.api.get(base)).body.map((r: { account: { id: string } }) => r.account.id),
    ).toEqual([ben.id]);

    await setInsights(ben, false);
    // Nothing derived about Ben is left: no tallies, every row about him at none.
    const tallies = await t.ctx.db
      .selectFrom('interaction_tallies')
      .select('actor_id')
      .where((eb) =>
        eb.or([eb('actor_id', '=', ben.account.id), eb('target_id', '=', ben.account.id)]),
      )
      .execute();
    expect(tallies).toEqual([]);
    expect(
      (await rowsAbout(ben.account.id)).every((r) => r.stage === 'none' && r.score === 0),
    ).toBe(true);
    expect((await ana.api.get(base)).body).toEqual([]);
    const card = (await ana.api.get(`${base}/${ben.id}`)).body;
    expect(card).toMatchObject({
      stage: 'none',
      evidence: [],
      mutual_trusted: false,
      shared_topics: [],
      mutual_contacts: [],
      last_substantive_at: null,
      // Ana's own note and mark stay hers.
      note: 'Met at the offsite',
      trusted: true,
    });
    const advice = (await ana.api.get(`${base}/${ben.id}/advice`)).body;
    expect(advice).toMatchObject({ stage: 'none', tone: 'cold' });
    expect(advice.suggestions.every((s: { status_id: unknown }) => s.status_id === null)).toBe(
      true,
    );
    // New acts while off are kept in the ledger but not computed.
    await acts(ana, ben, 'reply', 0);
    expect((await ana.api.get(`${base}/${ben.id}`)).body.stage).toBe('none');
    // A mark towards him makes no stage.
    await ana.api.put(`${base}/${ben.id}`, { trusted: false });
    await ana.api.put(`${base}/${ben.id}`, { trusted: true });
    expect((await ana.api.get(`${base}/${ben.id}`)).body.stage).toBe('none');

    await setInsights(ben, true);
    expect((await ana.api.get(`${base}/${ben.id}`)).body).toMatchObject({
      stage: 'trusted',
      mutual_trusted: true,
    });
    expect((await ben.api.get(`${base}/${ana.id}`)).body.evidence.length).toBeGreaterThan(0);
    // Cara is still off: Ben and Cara's pair stays empty.
    expect((await ben.api.get(`${base}/${cara.id}`)).body.stage).toBe('none');
  });
});

describe('export', () => {
  it('downloads the viewer’s own data only', async () => {
    const ana = await member();
    const ben = await member();
    const cara = await member();
    const eve = await member();
    await exchanged(ana, ben, 3);
    await ana.api.put(`${base}/${ben.id}`, { note: 'Ana about Ben', remind_every_days: 30 });
    await ben.api.put(`${base}/${ana.id}`, { note: 'Ben about Ana', close: true });
    await exchanged(ben, cara, 3);
    await introduction(ana, ben, cara, 'forwarded', 'Ana wants to meet Cara');
    // Asked of Ben, not yet forwarded: Ana, the target, is not told of it yet.
    await introduction(cara, ben, ana, 'requested', 'Cara wants to meet Ana');
    await introduction(ben, cara, eve, 'accepted', 'Not involving Ana');

    const res = await ana.api.get(`${base}/export`);
    expect(res.status, res.text).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="rapport-relationships-${ana.account.username}.json"`,
    );
    const data: RelationshipExport = res.body;
    expect(data.account.id).toBe(ana.id);
    expect(data.enabled).toBe(true);
    expect(data.relationships).toHaveLength(1);
    expect(data.relationships[0]).toMatchObject({
      account: { id: ben.id, username: ben.account.username },
      stage: 'recognition',
      note: 'Ana about Ben',
      remind_every_days: 30,
      close: false,
      mutual_close: false,
    });
    expect(data.relationships[0]?.evidence.length).toBeGreaterThan(0);
    expect(data.interactions).toHaveLength(2);
    expect(data.interactions.map((i) => [i.kind, i.direction, i.account.username])).toEqual([
      ['reply', 'outgoing', ben.account.username],
      ['reply', 'incoming', ben.account.username],
    ]);
    expect(data.introductions.map((i) => [i.role, i.message])).toEqual([
      ['requester', 'Ana wants to meet Cara'],
    ]);
    const text = JSON.stringify(data);
    for (const secret of ['Ben about Ana', 'Not involving Ana', 'Cara wants to meet Ana']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('nobody learns about someone else’s relationships', () => {
  it('another member, a guest and an admin get only their own answers from every endpoint', async () => {
    const ana = await member();
    const ben = await member();
    await post(ana, 'Writing about #secretsauce');
    await post(ben, 'Also #secretsauce');
    await exchanged(ana, ben, 100);
    await ana.api.put(`${base}/${ben.id}`, { note: 'Ana private note', remind_every_days: 7 });
    await setInsights(ana, false);
    await setInsights(ana, true);
    const eve = await member();
    const guest = await member({ role: 'guest' });
    const admin = await member({ role: 'admin' });
    for (const viewer of [eve, guest, admin]) {
      const answers = [
        await viewer.api.get(`${base}/${ben.id}/advice`),
        await viewer.api.get('/api/rapport/v1/nudges'),
        await viewer.api.get('/api/rapport/v1/people_to_meet'),
        await viewer.api.get(preferences),
        await viewer.api.get(`${base}/export`),
      ];
      for (const res of answers) {
        expect(res.text).not.toContain('Ana private note');
        expect(res.text).not.toContain(`"${ana.id}"`);
      }
      const [advice, nudges, people, prefs, exported] = answers;
      if (viewer === guest) {
        expect(advice?.status).toBe(404);
      } else {
        expect(advice?.body).toMatchObject({ stage: 'none', tone: 'cold' });
      }
      expect(nudges?.body).toEqual([]);
      expect(people?.body).toEqual([]);
      expect(prefs?.body).toEqual({ enabled: true });
      expect(exported?.body).toMatchObject({
        account: { id: viewer.id },
        relationships: [],
        introductions: [],
        interactions: [],
      });
    }
    // Ana's own answers still carry her data.
    expect((await ana.api.get(`${base}/export`)).text).toContain('Ana private note');
    expect((await ana.api.get('/api/rapport/v1/nudges')).body).toHaveLength(1);
  });
});
