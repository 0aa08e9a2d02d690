import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { DAY_MS } from '../../lib/time';
import { recordInteractions } from '../interactions/interactions.queries';
import { block, type Person, person } from '../streaming/streaming.fixtures';
import {
  ask,
  BASE,
  encounter,
  introductionCount,
  know,
  noticesOf,
  optOut,
} from './introductions.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function trio() {
  const requester = await person(t);
  const introducer = await person(t);
  const target = await person(t);
  await know(t, requester, introducer);
  await know(t, introducer, target);
  return { requester, introducer, target };
}

/** A refused request: the status, the message, and nothing stored. */
async function refused(
  request: Promise<{ status: number; body: { error: string } }>,
  status: number,
  message?: string | RegExp,
) {
  const before = await introductionCount(t);
  const res = await request;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  if (message) expect(res.body.error).toMatch(message);
  expect(await introductionCount(t)).toBe(before);
}

/** Replies both ways between two people, `daysAgo` days ago (a history the API cannot date). */
async function knewLongAgo(a: Person, b: Person, daysAgo: number) {
  const at = Date.now() - daysAgo * DAY_MS;
  const act = (actor: Person, target: Person) => ({
    kind: 'reply' as const,
    actorId: actor.account.id,
    targetId: target.account.id,
    subjectType: 'status',
    subjectId: 1,
    communityId: null,
    at,
  });
  await t.ctx.db.transaction().execute((trx) => recordInteractions(trx, [act(a, b), act(b, a)]));
}

const stateOf = async (id: string) =>
  (
    await t.ctx.db
      .selectFrom('introductions')
      .select(['state', 'declined_by', 'note'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow()
  ).state;

describe('asking for an introduction: every refusal, nothing stored', () => {
  it('needs three different people', async () => {
    const { requester, introducer, target } = await trio();
    await refused(ask(requester, requester, target), 422, /cannot introduce yourself/);
    await refused(ask(requester, introducer, requester), 422, /introduction to yourself/);
    await refused(ask(requester, target, target), 422, /someone other than the person/);
    expect((await noticesOf(introducer, 'introduction_requested')).length).toBe(0);
  });

  it('needs a message, of at most 1000 characters, and ids', async () => {
    const { requester, introducer, target } = await trio();
    await refused(ask(requester, introducer, target, '   '), 422, /why you would like to meet/);
    await refused(ask(requester, introducer, target, 'x'.repeat(1001)), 422);
    await refused(
      requester.api.post(BASE, { target_id: String(target.account.id), message: 'Hi' }),
      422,
    );
    await refused(
      requester.api.post(BASE, { introducer_id: 'abc', target_id: '1', message: 'Hi' }),
      422,
    );
  });

  it('only names people the requester may see, who are not suspended', async () => {
    const { requester, introducer, target } = await trio();
    await refused(
      requester.api.post(BASE, {
        introducer_id: '999999999',
        target_id: String(target.account.id),
        message: 'Hi',
      }),
      404,
      'Account not found',
    );
    const guest = await person(t);
    await t.ctx.db
      .updateTable('accounts')
      .set({ role: 'guest' })
      .where('id', '=', guest.account.id)
      .execute();
    await refused(ask(requester, introducer, guest), 404, 'Account not found');
    await t.ctx.db
      .updateTable('accounts')
      .set({ suspended: 1 })
      .where('id', '=', target.account.id)
      .execute();
    await refused(ask(requester, introducer, target), 404, 'Account not found');
  });

  it('needs the introducer to know the requester, and the target, at recognition or above', async () => {
    const requester = await person(t);
    const introducer = await person(t);
    const target = await person(t);
    await know(t, introducer, target);
    await encounter(requester, introducer);
    await refused(ask(requester, introducer, target), 422, /need to know each other/);
    const other = await person(t);
    await know(t, requester, other);
    await encounter(other, target);
    await t.ctx.events.settled();
    await refused(ask(requester, other, target), 422, /cannot introduce you to/);
  });

  it('reads the stage as shown now: a tie silent for long has dropped below recognition', async () => {
    const requester = await person(t);
    const introducer = await person(t);
    const target = await person(t);
    await know(t, introducer, target);
    // 200 days without an exchange: more than twice recognition's 90-day horizon.
    await knewLongAgo(requester, introducer, 200);
    await refused(ask(requester, introducer, target), 422, /need to know each other/);
    const list = await requester.api.get(`${BASE}/introducers?target_id=${target.account.id}`);
    expect(list.body).toEqual([]);
    // 100 days: dormant, yet still at recognition.
    const other = await person(t);
    await know(t, other, target);
    await knewLongAgo(requester, other, 100);
    expect((await ask(requester, other, target)).status).toBe(200);
  });

  it('refuses when the requester already knows the target', async () => {
    const { requester, introducer, target } = await trio();
    await know(t, requester, target);
    await refused(
      ask(requester, introducer, target),
      422,
      `You already know ${target.account.display_name}`,
    );
  });

  it('allows one open request per person to meet', async () => {
    const { requester, introducer, target } = await trio();
    const second = await person(t);
    await know(t, requester, second);
    await know(t, second, target);
    const id = (await ask(requester, introducer, target)).body.id;
    await refused(ask(requester, second, target), 422, /already asked for an introduction/);
    await introducer.api.post(`${BASE}/${id}/forward`);
    await refused(ask(requester, introducer, target), 422, /already asked for an introduction/);
  });

  it('keeps one open request when two are sent at once', async () => {
    const { requester, introducer, target } = await trio();
    const second = await person(t);
    await know(t, requester, second);
    await know(t, second, target);
    const answers = await Promise.all([
      ask(requester, introducer, target),
      ask(requester, second, target),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422]);
  });

  it('leaves out anyone who turned relationship features off', async () => {
    for (const who of ['requester', 'introducer', 'target'] as const) {
      const people = await trio();
      await optOut(t, people[who]);
      await refused(
        ask(people.requester, people.introducer, people.target),
        422,
        who === 'requester'
          ? /You turned relationship features off/
          : /not available for introductions/,
      );
    }
  });

  it('refuses across a block', async () => {
    const { requester, introducer, target } = await trio();
    await block(t, target, requester);
    await refused(ask(requester, introducer, target), 422, /not available for introductions/);
  });
});

describe('who could introduce me: refusals and who is left out', () => {
  it('answers 400 without a target, 422 for oneself, 404 for someone unseen', async () => {
    const { requester } = await trio();
    expect((await requester.api.get(`${BASE}/introducers`)).status).toBe(400);
    expect((await requester.api.get(`${BASE}/introducers?target_id=x`)).status).toBe(400);
    expect(
      (await requester.api.get(`${BASE}/introducers?target_id=${requester.account.id}`)).status,
    ).toBe(422);
    expect((await requester.api.get(`${BASE}/introducers?target_id=999999999`)).status).toBe(404);
  });

  it('leaves out introducers who opted out, are suspended or blocked', async () => {
    const { requester, introducer, target } = await trio();
    const others = [await person(t), await person(t), await person(t)];
    for (const other of others) {
      await know(t, requester, other);
      await know(t, other, target);
    }
    const url = `${BASE}/introducers?target_id=${target.account.id}`;
    expect((await requester.api.get(url)).body).toHaveLength(4);
    await optOut(t, others[0] as Person);
    await t.ctx.db
      .updateTable('accounts')
      .set({ suspended: 1 })
      .where('id', '=', others[1]?.account.id ?? 0)
      .execute();
    await block(t, others[2] as Person, requester);
    const left = (await requester.api.get(url)).body.map((a: { id: string }) => a.id);
    expect(left).toEqual([String(introducer.account.id)]);
    // A target who opted out can be introduced by nobody.
    await optOut(t, target);
    expect((await requester.api.get(url)).body).toEqual([]);
  });
});

describe('answers: who may give which, and when', () => {
  it('only the introducer forwards, once', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    expect((await requester.api.post(`${BASE}/${id}/forward`)).status).toBe(403);
    // The target does not know of it yet.
    expect((await target.api.post(`${BASE}/${id}/forward`)).status).toBe(404);
    expect(await stateOf(id)).toBe('requested');
    expect(
      (await introducer.api.post(`${BASE}/${id}/forward`, { note: 'x'.repeat(1001) })).status,
    ).toBe(422);
    expect(await stateOf(id)).toBe('requested');
    expect((await introducer.api.post(`${BASE}/${id}/forward`)).status).toBe(200);
    const again = await introducer.api.post(`${BASE}/${id}/forward`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already passed on/);
  });

  it('the introducer declines while requested, the target while forwarded; not the requester', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    expect((await requester.api.post(`${BASE}/${id}/decline`)).status).toBe(403);
    expect((await target.api.post(`${BASE}/${id}/decline`)).status).toBe(404);
    await introducer.api.post(`${BASE}/${id}/forward`);
    const late = await introducer.api.post(`${BASE}/${id}/decline`);
    expect(late.status).toBe(409);
    expect(late.body.error).toContain(`for ${target.account.display_name} to answer`);
    expect((await requester.api.post(`${BASE}/${id}/decline`)).status).toBe(403);
    expect(await stateOf(id)).toBe('forwarded');
    expect((await target.api.post(`${BASE}/${id}/decline`)).status).toBe(200);
    expect((await target.api.post(`${BASE}/${id}/decline`)).status).toBe(409);
    expect((await target.api.post(`${BASE}/${id}/accept`)).status).toBe(409);
    expect(await stateOf(id)).toBe('declined');
  });

  it('only the target accepts, once it was passed on, once', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    expect((await target.api.post(`${BASE}/${id}/accept`)).status).toBe(404);
    const early = await introducer.api.post(`${BASE}/${id}/accept`);
    expect(early.status).toBe(403);
    await introducer.api.post(`${BASE}/${id}/forward`);
    expect((await introducer.api.post(`${BASE}/${id}/accept`)).status).toBe(403);
    expect((await requester.api.post(`${BASE}/${id}/accept`)).status).toBe(403);
    expect(await stateOf(id)).toBe('forwarded');
    expect((await target.api.post(`${BASE}/${id}/accept`)).status).toBe(200);
    const twice = await target.api.post(`${BASE}/${id}/accept`);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatch(/already accepted/);
    expect((await target.api.post(`${BASE}/${id}/decline`)).status).toBe(409);
    expect(
      await t.ctx.db
        .selectFrom('interactions')
        .select('id')
        .where('subject_type', '=', 'introduction')
        .where('subject_id', '=', Number(id))
        .execute(),
    ).toHaveLength(2);
  });

  it('lets one of two answers given at once win', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    await introducer.api.post(`${BASE}/${id}/forward`);
    const answers = await Promise.all([
      target.api.post(`${BASE}/${id}/accept`),
      target.api.post(`${BASE}/${id}/decline`),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
  });

  it('stops when someone in it turned relationship features off since', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    await optOut(t, target);
    const res = await introducer.api.post(`${BASE}/${id}/forward`);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/not available for introductions/);
    expect(await stateOf(id)).toBe('requested');
  });

  it('answers 404 for a malformed or an unknown id', async () => {
    const { requester } = await trio();
    expect((await requester.api.get(`${BASE}/abc`)).status).toBe(404);
    expect((await requester.api.get(`${BASE}/123456789`)).status).toBe(404);
    expect((await requester.api.post(`${BASE}/123456789/accept`)).status).toBe(404);
  });
});

describe('privacy: only the three people in it', () => {
  it('a fourth person and an admin get 404 and see none in their lists', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    await introducer.api.post(`${BASE}/${id}/forward`, { note: 'private note' });
    const outsider = await person(t);
    const admin = await person(t);
    await t.ctx.db
      .updateTable('accounts')
      .set({ role: 'admin' })
      .where('id', '=', admin.account.id)
      .execute();
    for (const who of [outsider, admin]) {
      expect((await who.api.get(`${BASE}/${id}`)).status).toBe(404);
      for (const action of ['forward', 'decline', 'accept']) {
        expect((await who.api.post(`${BASE}/${id}/${action}`)).status).toBe(404);
      }
      for (const role of ['', '?role=requester', '?role=introducer', '?role=target']) {
        expect((await who.api.get(`${BASE}${role}`)).body).toEqual([]);
      }
    }
    expect(await stateOf(id)).toBe('forwarded');
  });

  it('hides an introduction while one of the others is suspended', async () => {
    const { requester, introducer, target } = await trio();
    const id = (await ask(requester, introducer, target)).body.id;
    await t.ctx.db
      .updateTable('accounts')
      .set({ suspended: 1 })
      .where('id', '=', target.account.id)
      .execute();
    expect((await requester.api.get(`${BASE}/${id}`)).status).toBe(404);
    expect((await requester.api.get(BASE)).body).toEqual([]);
    expect((await introducer.api.post(`${BASE}/${id}/forward`)).status).toBe(404);
  });

  it('needs a signed-in person with the right scopes', async () => {
    const res = await t.app.inject({ method: 'GET', url: BASE });
    expect(res.statusCode).toBe(401);
  });
});
