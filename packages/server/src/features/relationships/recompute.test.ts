import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { newId } from '../../db/ids';
import { Random } from '../../demo/random';
import type { AccountRow } from '../accounts/accounts.queries';
import { getSetting, setSetting } from '../instance/settings.queries';
import { importInteractions } from './import.service';
import { MODEL_VERSION } from './model';
import { optIn } from './privacy.queries';
import { recomputeRelationships } from './recompute';
import { claimLease, releaseLease } from './recompute.queries';
import { MODEL_VERSION_KEY, recomputeIfOutdated, startRecompute } from './recompute.service';

let t: TestApp;
let admin: ReturnType<typeof api>;
beforeAll(async () => {
  t = await startTestApp();
  admin = api(t.app, (await createAccountWithToken(t.ctx, { role: 'admin' })).token);
});
afterAll(() => t.close());

const DAY = 86_400_000;
const STATUS_URL = '/api/rapport/v1/admin/relationships/recompute';
const KINDS = [
  'favourite',
  'reblog',
  'reply',
  'mention',
  'message',
  'answer',
  'accepted_answer',
  'page_coauthor',
  'event_together',
  'community_together',
  'introduction',
];

interface Member {
  account: AccountRow;
  api: ReturnType<typeof api>;
}

async function members(n: number): Promise<Member[]> {
  const list: Member[] = [];
  for (let i = 0; i < n; i++) {
    const { account, token } = await createAccountWithToken(t.ctx);
    list.push({ account, api: api(t.app, token) });
  }
  return list;
}

/** Everything the model stores about these people, comparable across runs. */
async function snapshot(ids: number[]) {
  const rows = await t.ctx.db
    .selectFrom('relationships')
    .selectAll()
    .where('owner_id', 'in', ids)
    .orderBy('owner_id')
    .orderBy('other_id')
    .execute();
  const tallies = await t.ctx.db
    .selectFrom('interaction_tallies')
    .selectAll()
    .where('actor_id', 'in', ids)
    .orderBy('actor_id')
    .orderBy('target_id')
    .orderBy('kind')
    .orderBy('context')
    .execute();
  return {
    rows: rows.map(({ id: _id, updated_at: _at, score, ...row }) => ({
      ...row,
      score: Number(score.toPrecision(10)),
    })),
    tallies: tallies.map(({ score, ...tally }) => ({
      ...tally,
      score: Number(score.toPrecision(10)),
    })),
  };
}

/** A year of mixed history between a few people: every kind, several contexts. */
async function variedHistory(people: Member[], seed: number): Promise<void> {
  const random = new Random(seed);
  const now = Date.now();
  const lines = Array.from({ length: 300 }, () => {
    const [actor, target] = random.sample(people, 2) as [Member, Member];
    return JSON.stringify({
      actor: actor.account.username,
      target: target.account.username,
      kind: random.pick(KINDS),
      at: new Date(now - random.int(0, 400) * DAY - random.int(0, DAY)).toISOString(),
      context: random.pick(['#design', '#ops', 'Offsite', null, 'crowd-ish']),
    });
  });
  const result = await importInteractions(t.ctx, lines, null);
  expect(result.errors).toEqual([]);
  // And some acts through the API: a thread, favourites, a direct message.
  const [a, b, c] = people as [Member, Member, Member];
  const first = await a.api.post('/api/v1/statuses', { status: 'Planning the #design week' });
  const reply = await b.api.post('/api/v1/statuses', {
    status: `@${a.account.username} count me in`,
    in_reply_to_id: first.body.id,
  });
  await c.api.post(`/api/v1/statuses/${reply.body.id}/favourite`);
  await c.api.post('/api/v1/statuses', {
    status: `@${a.account.username} quick question`,
    visibility: 'direct',
  });
  // Private fields and marks: one pair marked trusted by both, one mark alone, a note.
  const [, , , d, e] = people as [Member, Member, Member, Member, Member];
  await d.api.put(`/api/rapport/v1/relationships/${e.account.id}`, {
    trusted: true,
    note: 'Met in Lisbon',
  });
  await e.api.put(`/api/rapport/v1/relationships/${d.account.id}`, { trusted: true });
  await a.api.put(`/api/rapport/v1/relationships/${b.account.id}`, {
    close: true,
    remind_every_days: 30,
  });
}

describe('the full recomputation', () => {
  it('gives the same tallies, stages and strength as the incremental updates', async () => {
    const people = await members(8);
    const ids = people.map((p) => p.account.id);
    await variedHistory(people, 7);
    const incremental = await snapshot(ids);
    expect(new Set(incremental.rows.map((row) => row.stage)).size).toBeGreaterThan(2);

    // Scramble what the model derived (as an older model would have left it), then rebuild.
    await t.ctx.db
      .updateTable('interaction_tallies')
      .set({ count: 99, score: 1 })
      .where('actor_id', 'in', ids)
      .execute();
    await t.ctx.db
      .updateTable('relationships')
      .set({ stage: 'close', score: 0, reciprocated: 0, last_substantive_at: null })
      .where('owner_id', 'in', ids)
      .execute();
    await recomputeRelationships(t.ctx.db);
    expect(await snapshot(ids)).toEqual(incremental);

    // The same through the worker thread and its own connection.
    await t.ctx.db.deleteFrom('interaction_tallies').where('target_id', 'in', ids).execute();
    const figures = await startRecompute(t.ctx);
    expect(await snapshot(ids)).toEqual(incremental);
    expect(figures.people).toBeGreaterThanOrEqual(8);
    expect(figures.pairs).toBeGreaterThan(0);
    expect(figures.interactions).toBeGreaterThanOrEqual(300);
    expect(await getSetting(t.ctx.db, MODEL_VERSION_KEY)).toBe(String(MODEL_VERSION));
  });

  it('empties the pairs that left the ledger and those of people who opted out, keeping notes', async () => {
    const [ana, ben, cy] = await members(3);
    if (!ana || !ben || !cy) throw new Error('three people');
    const at = new Date(Date.now() - 5 * DAY).toISOString();
    const line = (actor: Member, target: Member, kind: string) =>
      JSON.stringify({ actor: actor.account.username, target: target.account.username, kind, at });
    await importInteractions(
      t.ctx,
      [
        line(ana, ben, 'reply'),
        line(ben, ana, 'reply'),
        line(ana, cy, 'message'),
        line(cy, ana, 'message'),
      ],
      null,
    );
    await ana.api.put(`/api/rapport/v1/relationships/${ben.account.id}`, {
      note: 'Ben from finance',
    });
    await cy.api.put(`/api/rapport/v1/relationships/${ana.account.id}`, { note: 'Ana, mentor' });

    await t.ctx.db
      .deleteFrom('interactions')
      .where('actor_id', 'in', [ana.account.id, ben.account.id])
      .where('target_id', 'in', [ana.account.id, ben.account.id])
      .execute();
    await t.ctx.db
      .insertInto('relationship_opt_outs')
      .values({ account_id: cy.account.id, created_at: Date.now() })
      .execute();
    await recomputeRelationships(t.ctx.db);

    const row = (owner: Member, other: Member) =>
      t.ctx.db
        .selectFrom('relationships')
        .selectAll()
        .where('owner_id', '=', owner.account.id)
        .where('other_id', '=', other.account.id)
        .executeTakeFirstOrThrow();
    for (const [owner, other] of [
      [ana, ben],
      [ben, ana],
      [ana, cy],
      [cy, ana],
    ] as const) {
      expect(await row(owner, other)).toMatchObject({
        stage: 'none',
        score: 0,
        reciprocated: 0,
        last_substantive_at: null,
      });
    }
    expect((await row(ana, ben)).note).toBe('Ben from finance');
    expect((await row(cy, ana)).note).toBe('Ana, mentor');
    const tallies = await t.ctx.db
      .selectFrom('interaction_tallies')
      .select('actor_id')
      .where((eb) =>
        eb.or([eb('actor_id', '=', cy.account.id), eb('target_id', '=', cy.account.id)]),
      )
      .execute();
    expect(tallies).toEqual([]);
  });
});

describe('opt-outs during a run', () => {
  it('clears who turned insights off and rebuilds who turned them back on', async () => {
    const [x, y, z] = await members(3);
    if (!x || !y || !z) throw new Error('three people');
    const at = new Date(Date.now() - 3 * DAY).toISOString();
    const both = (a: Member, b: Member) =>
      [
        [a, b],
        [b, a],
      ].map(([from, to]) =>
        JSON.stringify({
          actor: from?.account.username,
          target: to?.account.username,
          kind: 'reply',
          at,
        }),
      );
    await importInteractions(t.ctx, [...both(x, y), ...both(x, z)], null);
    const off = (who: Member, enabled: boolean) =>
      who.api.put('/api/rapport/v1/preferences/relationships', { enabled });
    expect((await off(z, false)).status).toBe(200);

    let acted = false;
    await recomputeRelationships(t.ctx.db, {
      onProgress: async (progress) => {
        if (acted || progress.phase !== 'tallies') return;
        acted = true;
        expect((await off(y, false)).status).toBe(200);
        // Straight in the database: the setting's own rebuild must not do the run's work.
        await optIn(t.ctx.db, z.account.id);
      },
    });
    expect(acted).toBe(true);
    const stage = async (owner: Member, other: Member) =>
      (
        await t.ctx.db
          .selectFrom('relationships')
          .select('stage')
          .where('owner_id', '=', owner.account.id)
          .where('other_id', '=', other.account.id)
          .executeTakeFirst()
      )?.stage;
    expect(await stage(x, y)).toBe('none');
    expect(await stage(x, z)).toBe('recognition');
    expect(await stage(z, x)).toBe('recognition');
  });
});

describe('running it', () => {
  it('runs one at a time, across processes too, and reports its figures', async () => {
    const first = startRecompute(t.ctx);
    expect(startRecompute(t.ctx)).toBe(first);
    const running = await admin.get(STATUS_URL);
    expect(running.body.state).toBe('running');
    await first;
    const done = await admin.get(STATUS_URL);
    expect(done.body).toMatchObject({ state: 'finished', error: null });
    expect(done.body.people).toBeGreaterThan(0);
    expect(done.body.duration_ms).toBeGreaterThanOrEqual(0);
    expect(Date.parse(done.body.finished_at)).toBeGreaterThanOrEqual(
      Date.parse(done.body.started_at),
    );

    // Another process holds the lease: this one refuses to start a second run.
    const now = Date.now();
    expect(
      await claimLease(
        t.ctx.db,
        { token: 'other', started_at: now, heartbeat_at: now },
        now - 60_000,
      ),
    ).toBeNull();
    const refused = await admin.post(STATUS_URL);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toContain('already running');
    // The other process's run is the one shown.
    expect((await admin.get(STATUS_URL)).body).toMatchObject({
      state: 'running',
      started_at: new Date(now).toISOString(),
    });
    await releaseLease(t.ctx.db, 'other');

    const accepted = await admin.post(STATUS_URL);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ state: 'running' });
    expect(accepted.body.started_at).toEqual(expect.any(String));
    await startRecompute(t.ctx);
    expect((await admin.get(STATUS_URL)).body.state).toBe('finished');
    const member = api(t.app, (await createAccountWithToken(t.ctx)).token);
    expect((await member.get(STATUS_URL)).status).toBe(403);
    expect((await member.post(STATUS_URL)).status).toBe(403);
  });

  it('starts on its own when the stored model version differs, not on an empty ledger', async () => {
    await setSetting(t.ctx.db, MODEL_VERSION_KEY, 'old');
    await recomputeIfOutdated(t.ctx);
    expect(await getSetting(t.ctx.db, MODEL_VERSION_KEY)).toBe(String(MODEL_VERSION));

    const fresh = await startTestApp({}, { listen: true });
    try {
      for (let i = 0; i < 100 && !(await getSetting(fresh.ctx.db, MODEL_VERSION_KEY)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(await getSetting(fresh.ctx.db, MODEL_VERSION_KEY)).toBe(String(MODEL_VERSION));
      expect(
        (
          await api(
            fresh.app,
            (
              await createAccountWithToken(fresh.ctx, { role: 'admin' })
            ).token,
          ).get(STATUS_URL)
        ).body.state,
      ).toBe('idle');
    } finally {
      await fresh.close();
    }
  });

  it('keeps answering requests, reads and writes, while it runs', async () => {
    const people = await members(100);
    const ids = people.map((p) => p.account.id);
    const random = new Random(3);
    const now = Date.now();
    const rows = Array.from({ length: 30_000 }, () => {
      const [actor, target] = random.sample(ids, 2) as [number, number];
      return {
        id: newId(),
        kind: random.pick(['reply', 'favourite', 'mention', 'direct'] as const),
        actor_id: actor,
        target_id: target,
        subject_type: 'status',
        subject_id: 0,
        community_id: null,
        created_at: now - random.int(0, 300 * DAY),
        context: random.pick(['timeline', 'tag:design', 'tag:ops']),
        import_key: null,
      };
    });
    for (let i = 0; i < rows.length; i += 1000) {
      await t.ctx.db
        .insertInto('interactions')
        .values(rows.slice(i, i + 1000))
        .execute();
    }

    const run = startRecompute(t.ctx);
    let finished = false;
    run.finally(() => {
      finished = true;
    });
    const latencies: number[] = [];
    let writes = 0;
    const [writer] = people as [Member];
    while (!finished) {
      const started = performance.now();
      const health = await t.app.inject({ method: 'GET', url: '/health' });
      expect(health.statusCode).toBe(200);
      latencies.push(performance.now() - started);
      const posted = await writer.api.post('/api/v1/statuses', { status: `Still here ${writes}` });
      expect(posted.status).toBe(200);
      writes += 1;
    }
    const figures = await run;
    expect(figures.interactions).toBeGreaterThanOrEqual(30_000);
    expect(latencies.length).toBeGreaterThan(5);
    latencies.sort((a, b) => a - b);
    expect(latencies[Math.floor(latencies.length / 2)]).toBeLessThan(50);
  });
});
