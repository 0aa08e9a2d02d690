import type { DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type Person, person } from '../streaming/streaming.fixtures';
import { ask, BASE, encounter, know, noticesOf } from './introductions.fixtures';

let t: TestApp;
const heard: DomainEvent[] = [];
beforeAll(async () => {
  t = await startTestApp();
  for (const type of [
    'introduction.requested',
    'introduction.forwarded',
    'introduction.declined',
    'introduction.accepted',
  ] as const) {
    t.ctx.events.on(type, (event) => {
      heard.push(event);
    });
  }
});
afterAll(() => t.close());
beforeEach(() => {
  heard.length = 0;
});

/** A requester and a target who each know the introducer, and not each other. */
async function trio() {
  const requester = await person(t);
  const introducer = await person(t);
  const target = await person(t);
  await know(t, requester, introducer);
  await know(t, introducer, target);
  return { requester, introducer, target };
}

const stageBetween = async (a: Person, b: Person) =>
  (await a.api.get(`/api/rapport/v1/relationships/${b.account.id}`)).body.stage as string;

describe('who could introduce me', () => {
  it('lists people who know both, as accounts, and nobody else', async () => {
    const { requester, introducer, target } = await trio();
    // Someone who knows only the requester, and someone who only crossed the target's path.
    const colleague = await person(t);
    await know(t, requester, colleague);
    await encounter(colleague, target);
    await t.ctx.events.settled();

    const res = await requester.api.get(`${BASE}/introducers?target_id=${target.account.id}`);
    expect(res.status).toBe(200);
    expect(res.body.map((a: { id: string }) => a.id)).toEqual([String(introducer.account.id)]);
    // Accounts only: nothing about the introducer's relationships.
    expect(Object.keys(res.body[0])).not.toContain('stage');
    expect(JSON.stringify(res.body)).not.toMatch(/strength|recognition|score/);

    // The target sees the same introducer the other way round.
    const back = await target.api.get(`${BASE}/introducers?target_id=${requester.account.id}`);
    expect(back.body.map((a: { id: string }) => a.id)).toEqual([String(introducer.account.id)]);
  });

  it('is empty for someone with no mutual contact', async () => {
    const { target } = await trio();
    const stranger = await person(t);
    const res = await stranger.api.get(`${BASE}/introducers?target_id=${target.account.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });
});

describe('an introduction from request to acceptance', () => {
  it('is asked, passed on with a note, accepted, and moves the pair to recognition', async () => {
    const { requester, introducer, target } = await trio();
    expect(await stageBetween(requester, target)).toBe('none');

    const asked = await ask(requester, introducer, target, 'I am taking over the billing API');
    expect(asked.status).toBe(200);
    expect(asked.body).toMatchObject({
      state: 'requested',
      role: 'requester',
      declined_by: null,
      message: 'I am taking over the billing API',
      note: null,
      requester: { id: String(requester.account.id) },
      introducer: { id: String(introducer.account.id) },
      target: { id: String(target.account.id) },
    });
    const id = asked.body.id as string;
    await t.ctx.events.settled();

    // The introducer is told and sees it in their role; the target knows nothing yet.
    const requested = await noticesOf(introducer, 'introduction_requested');
    expect(requested).toHaveLength(1);
    expect(requested[0]?.account.id).toBe(String(requester.account.id));
    expect(requested[0]?.subject).toMatchObject({
      type: 'introduction',
      id,
      title: `${requester.account.display_name} would like to meet ${target.account.display_name}`,
    });
    expect(requested[0]?.subject?.url).toMatch(/\/network\/introductions$/);
    expect((await introducer.api.get(`${BASE}/${id}`)).body.role).toBe('introducer');
    expect((await target.api.get(`${BASE}/${id}`)).status).toBe(404);
    expect((await target.api.get(BASE)).body).toEqual([]);
    expect(await noticesOf(target, 'introduction_forwarded')).toEqual([]);

    const forwarded = await introducer.api.post(`${BASE}/${id}/forward`, {
      note: 'You two should talk about invoices',
    });
    expect(forwarded.status).toBe(200);
    expect(forwarded.body).toMatchObject({
      state: 'forwarded',
      role: 'introducer',
      note: 'You two should talk about invoices',
    });
    await t.ctx.events.settled();
    const toTarget = await noticesOf(target, 'introduction_forwarded');
    expect(toTarget.map((n) => [n.account.id, n.subject?.title])).toEqual([
      [String(introducer.account.id), `${requester.account.display_name} would like to meet you`],
    ]);
    expect(
      (await noticesOf(requester, 'introduction_forwarded')).map((n) => n.subject?.title),
    ).toEqual([`Your request to meet ${target.account.display_name}`]);
    const seen = await target.api.get(`${BASE}/${id}`);
    expect(seen.body).toMatchObject({
      role: 'target',
      message: 'I am taking over the billing API',
    });

    const accepted = await target.api.post(`${BASE}/${id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ state: 'accepted', role: 'target' });
    await t.ctx.events.settled();

    expect(await stageBetween(requester, target)).toBe('recognition');
    expect(await stageBetween(target, requester)).toBe('recognition');
    const acts = await t.ctx.db
      .selectFrom('interactions')
      .select(['actor_id', 'target_id', 'kind', 'context', 'subject_type', 'subject_id'])
      .where('subject_type', '=', 'introduction')
      .where('subject_id', '=', Number(id))
      .orderBy('actor_id')
      .execute();
    expect(acts).toHaveLength(2);
    expect(acts.every((a) => a.kind === 'introduction' && a.context === `introduction:${id}`)).toBe(
      true,
    );
    expect(new Set(acts.map((a) => `${a.actor_id}>${a.target_id}`))).toEqual(
      new Set([
        `${requester.account.id}>${target.account.id}`,
        `${target.account.id}>${requester.account.id}`,
      ]),
    );

    for (const told of [requester, introducer]) {
      const notices = await noticesOf(told, 'introduction_accepted');
      expect(notices.map((n) => n.account.id)).toEqual([String(target.account.id)]);
    }
    expect((await noticesOf(requester, 'introduction_accepted'))[0]?.subject?.title).toBe(
      `You and ${target.account.display_name} have been introduced`,
    );

    expect(heard.map((e) => e.type)).toEqual([
      'introduction.requested',
      'introduction.forwarded',
      'introduction.accepted',
    ]);
    expect(heard.at(-1)).toMatchObject({
      introduction_id: id,
      requester_id: String(requester.account.id),
      introducer_id: String(introducer.account.id),
      target_id: String(target.account.id),
      by_id: String(target.account.id),
    });

    // Now they know each other, asking again is refused.
    const again = await ask(requester, introducer, target);
    expect(again.status).toBe(422);
    expect(again.body.error).toContain(`You already know ${target.account.display_name}`);
  });

  it('forwards without a note', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    const res = await introducer.api.post(`${BASE}/${id}/forward`);
    expect(res.status).toBe(200);
    expect(res.body.note).toBeNull();
  });

  it('declined by the introducer: the requester is told, the target never learns of it', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    const res = await introducer.api.post(`${BASE}/${id}/decline`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'declined', declined_by: 'introducer' });
    await t.ctx.events.settled();
    const told = await noticesOf(requester, 'introduction_declined');
    expect(told.map((n) => n.account.id)).toEqual([String(introducer.account.id)]);
    expect((await target.api.get(`${BASE}/${id}`)).status).toBe(404);
    expect((await target.api.get(BASE)).body).toEqual([]);
    expect(await noticesOf(target, 'introduction_declined')).toEqual([]);
    expect(heard.map((e) => e.type)).toEqual(['introduction.requested', 'introduction.declined']);

    // A declined request is no longer open: the requester may ask again.
    expect((await ask(requester, introducer, target)).status).toBe(200);
  });

  it('declined by the target: the requester is told, the stage does not move', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    await introducer.api.post(`${BASE}/${id}/forward`, { note: 'Worth a chat' });
    const res = await target.api.post(`${BASE}/${id}/decline`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'declined', declined_by: 'target', role: 'target' });
    await t.ctx.events.settled();
    const told = await noticesOf(requester, 'introduction_declined');
    expect(told.map((n) => n.account.id)).toEqual([String(target.account.id)]);
    expect(await noticesOf(introducer, 'introduction_declined')).toEqual([]);
    expect(await stageBetween(requester, target)).toBe('none');
    // The target still sees what they declined.
    expect((await target.api.get(`${BASE}/${id}`)).status).toBe(200);
  });
});

describe('the lists', () => {
  it('shows each person their introductions in every role, newest first, paged', async () => {
    const { requester, introducer, target } = await trio();
    const other = await person(t);
    await know(t, introducer, other);
    const first = (await ask(requester, introducer, target)).body.id;
    const second = (await ask(requester, introducer, other)).body.id;
    await introducer.api.post(`${BASE}/${first}/forward`);

    const mine = await requester.api.get(BASE);
    expect(mine.status).toBe(200);
    expect(mine.body.map((i: { id: string }) => i.id)).toEqual([second, first]);
    expect((await requester.api.get(`${BASE}?role=introducer`)).body).toEqual([]);
    expect((await requester.api.get(`${BASE}?role=requester`)).body).toHaveLength(2);
    const asked = await introducer.api.get(`${BASE}?role=introducer`);
    expect(asked.body.map((i: { role: string }) => i.role)).toEqual(['introducer', 'introducer']);
    expect(
      (await target.api.get(`${BASE}?role=target`)).body.map((i: { id: string }) => i.id),
    ).toEqual([first]);
    // The other person was not asked yet.
    expect((await other.api.get(BASE)).body).toEqual([]);

    const page = await requester.api.get(`${BASE}?limit=1`);
    expect(page.body.map((i: { id: string }) => i.id)).toEqual([second]);
    const link = String(page.headers.link);
    expect(link).toContain('rel="next"');
    const next = new URL(/<([^>]+)>; rel="next"/.exec(link)?.[1] ?? '');
    const rest = await requester.api.get(`${next.pathname}${next.search}`);
    expect(rest.body.map((i: { id: string }) => i.id)).toEqual([first]);
  });
});
