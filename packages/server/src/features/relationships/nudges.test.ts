import type { Nudge, WorkingRelationship } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { base, DAY, insightFixtures } from './insights.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const { member, post, pastStatus, acts, exchanged, community } = insightFixtures(() => t);

const byAccount = (list: WorkingRelationship[], id: string) =>
  list.find((item) => item.account.id === id);

describe('dormant ties with a reason to reconnect', () => {
  it('gives each quiet tie the newest visible post on a shared topic, else in a shared community', async () => {
    const ana = await member();
    const ben = await member();
    const cara = await member();
    const dan = await member();
    const eve = await member();
    await post(ana, 'Rolling out #kubernetes 1.30 this week');
    // Quiet for five months: recognition's horizon is 90 days.
    await exchanged(ana, ben, 150);
    await exchanged(ana, cara, 150);
    await exchanged(ana, dan, 150);
    // Eve is active: not dormant, so never in the dormant list.
    await exchanged(ana, eve, 3);

    const kube = await post(ben, 'We moved the #kubernetes ingress to Gateway API');
    await post(ben, 'Lunch talk on Friday about #cooking');
    // A topic-matching post older than 60 days is no reason to reconnect.
    await pastStatus(cara, 'Old #kubernetes notes', 70, ['kubernetes']);
    const guild = await community('Billing guild', [ana, cara]);
    const inGuild = await post(cara, 'Invoices now go out on the first', { community_id: guild });
    // Dan posted only for his followers: nothing Ana may see.
    await post(dan, 'Private #kubernetes thoughts', { visibility: 'private' });

    const res = await ana.api.get(`${base}?dormant=true`);
    expect(res.status, res.text).toBe(200);
    const list: WorkingRelationship[] = res.body;
    expect(list.map((item) => item.account.id).sort()).toEqual([ben.id, cara.id, dan.id].sort());
    expect(list.every((item) => item.dormant)).toBe(true);

    expect(byAccount(list, ben.id)?.reconnect).toMatchObject({
      status_id: kube,
      path: `/@${ben.account.username}/${kube}`,
      topic: 'kubernetes',
      text: `${ben.account.display_name} posted about #kubernetes today`,
    });
    expect(byAccount(list, ben.id)?.reconnect?.excerpt).toContain('Gateway API');
    expect(byAccount(list, cara.id)?.reconnect).toMatchObject({
      status_id: inGuild,
      topic: null,
      text: `${cara.account.display_name} posted in Billing guild today`,
    });
    expect(byAccount(list, dan.id)?.reconnect).toBeNull();

    // The full list keeps the generic advice and carries no reasons (kept cheap).
    const all: WorkingRelationship[] = (await ana.api.get(base)).body;
    expect(byAccount(all, eve.id)?.dormant).toBe(false);
    expect(all.every((item) => item.reconnect === undefined)).toBe(true);
  });
});

describe('nudges', () => {
  it('lists due reminders, most overdue first, then quiet ties at recognition or above', async () => {
    const ana = await member();
    const ben = await member();
    const cara = await member();
    const dan = await member();
    const eve = await member();
    const fay = await member();
    const gus = await member();
    // Ben: every 30 days, last exchange 45 days ago: due 15 days ago.
    await exchanged(ana, ben, 45);
    await ana.api.put(`${base}/${ben.id}`, { remind_every_days: 30 });
    // Cara: every 30 days, last exchange 10 days ago: not due yet.
    await exchanged(ana, cara, 10);
    await ana.api.put(`${base}/${cara.id}`, { remind_every_days: 30 });
    // Dan: every 7 days, never exchanged: due 7 days after it was set.
    await ana.api.put(`${base}/${dan.id}`, { remind_every_days: 7 });
    // Eve: every 14 days, last exchange 100 days ago: due 86 days ago, the most overdue.
    await exchanged(ana, eve, 100);
    await ana.api.put(`${base}/${eve.id}`, { remind_every_days: 14 });
    // Fay: worked together, quiet for 200 days: a dormant tie.
    await exchanged(ana, fay, 200);
    await acts(ana, fay, 'co_authored', 200, 'page:1');
    // Gus: only ever favourited, long ago: an encounter, never nudged.
    await acts(ana, gus, 'favourite', 100);

    let nudges: Nudge[] = (await ana.api.get('/api/rapport/v1/nudges')).body;
    expect(nudges.map((n) => [n.account.id, n.reason])).toEqual([
      [eve.id, 'reminder'],
      [ben.id, 'reminder'],
      [fay.id, 'dormant'],
    ]);
    const [forEve, forBen, forFay] = nudges;
    expect(forBen?.text).toBe(
      `You wanted to keep in touch with ${ben.account.display_name} every 30 days; your last exchange was 45 days ago`,
    );
    expect(Date.parse(forBen?.due_since ?? '')).toBeLessThan(Date.now() - 14 * DAY);
    expect(forEve?.remind_every_days).toBe(14);
    // Collaboration's horizon is 120 days: dormant, not yet shown a stage lower (after 240).
    expect(forFay).toMatchObject({ stage: 'collaboration', remind_every_days: null });
    expect(forFay?.text).toContain('have worked together');
    expect(forFay?.text).toContain('6 months ago');

    // A week after Dan's reminder was set, it falls due.
    await t.ctx.db
      .updateTable('relationships')
      .set({ remind_set_at: Date.now() - 8 * DAY })
      .where('owner_id', '=', ana.account.id)
      .where('other_id', '=', dan.account.id)
      .execute();
    nudges = (await ana.api.get('/api/rapport/v1/nudges')).body;
    const forDan = nudges.find((n) => n.account.id === dan.id);
    expect(forDan?.text).toContain('since you set the reminder 8 days ago');
    expect(nudges.map((n) => n.account.id)).not.toContain(cara.id);
    expect(nudges.map((n) => n.account.id)).not.toContain(gus.id);
  });

  it('carries a reason to reconnect and forgets a reminder taken off', async () => {
    const ana = await member();
    const ben = await member();
    await post(ana, 'Working on #observability dashboards');
    await exchanged(ana, ben, 40);
    await ana.api.put(`${base}/${ben.id}`, { remind_every_days: 30 });
    const status = await post(ben, 'New #observability runbook is up');
    let nudges: Nudge[] = (await ana.api.get('/api/rapport/v1/nudges')).body;
    expect(nudges[0]?.reconnect).toMatchObject({ status_id: status, topic: 'observability' });

    // Saving the same interval again keeps when it was set; removing it ends the nudges.
    await ana.api.put(`${base}/${ben.id}`, { remind_every_days: null });
    nudges = (await ana.api.get('/api/rapport/v1/nudges')).body;
    expect(nudges).toEqual([]);
  });

  it('keeps when a reminder was set when the same interval is saved again', async () => {
    const ana = await member();
    const ben = await member();
    await ana.api.put(`${base}/${ben.id}`, { remind_every_days: 7 });
    const setAt = Date.now() - 8 * DAY;
    const where = (db: typeof t.ctx.db) =>
      db
        .updateTable('relationships')
        .set({ remind_set_at: setAt })
        .where('owner_id', '=', ana.account.id)
        .where('other_id', '=', ben.account.id);
    await where(t.ctx.db).execute();
    await ana.api.put(`${base}/${ben.id}`, { remind_every_days: 7, note: 'Met at the offsite' });
    expect((await ana.api.get('/api/rapport/v1/nudges')).body).toHaveLength(1);
    // A new interval starts counting again.
    await ana.api.put(`${base}/${ben.id}`, { remind_every_days: 10 });
    expect((await ana.api.get('/api/rapport/v1/nudges')).body).toEqual([]);
  });
});
