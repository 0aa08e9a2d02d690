import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function person(role: 'admin' | 'member' | 'guest' = 'member') {
  const { account, token } = await createAccountWithToken(t.ctx, { role });
  return { account, token, api: api(t.app, token), id: String(account.id) };
}
type Person = Awaited<ReturnType<typeof person>>;

async function post(author: Person, body: Record<string, unknown>) {
  const res = await author.api.post('/api/v1/statuses', body);
  expect(res.status, res.text).toBe(200);
  return res.body.id as string;
}

async function report(reporter: Person, target: Person, statusIds: string[], extra = {}) {
  return reporter.api.post('/api/v1/reports', {
    account_id: target.id,
    status_ids: statusIds,
    comment: 'Rude and off-topic',
    category: 'violation',
    ...extra,
  });
}

const count = async (table: 'reports' | 'report_statuses') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

async function notificationsOf(who: Person, type: string) {
  const res = await who.api.get(`/api/v1/notifications?types[]=${type}`);
  expect(res.status).toBe(200);
  return res.body as Array<{ type: string; subject: { type: string; title: string; url: string } }>;
}

describe('filing a report (Mastodon POST /api/v1/reports)', () => {
  it('files it with the statuses as they were, and tells the admins', async () => {
    const admin = await person('admin');
    const [ana, bo] = [await person(), await person()];
    const statusId = await post(bo, { status: 'Something unkind' });
    const res = await report(ana, bo, [statusId]);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      action_taken: false,
      category: 'violation',
      comment: 'Rude and off-topic',
      status_ids: [statusId],
      target_account: { id: bo.id },
    });
    const told = await notificationsOf(admin, 'admin.report');
    expect(told.map((n) => n.subject.url)).toContain(`${t.url}/moderation/reports/${res.body.id}`);
    const queue = await admin.api.get('/api/rapport/v1/moderation/reports');
    const filed = queue.body.find((r: { id: string }) => r.id === res.body.id);
    expect(filed).toMatchObject({
      account: { id: ana.id },
      target_account: { id: bo.id },
      statuses: [{ id: statusId, exists: true, hidden: false }],
      allowed_actions: ['hide', 'remove', 'dismiss', 'suspend'],
    });
  });

  it('refuses bad reports and stores nothing', async () => {
    const [ana, bo, cy] = [await person(), await person(), await person()];
    const ofCy = await post(cy, { status: 'Mine' });
    const hidden = await post(bo, { status: 'Followers only', visibility: 'private' });
    const before = [await count('reports'), await count('report_statuses')];
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ account_id: ana.id }, 422],
      [{ account_id: '999999999' }, 404],
      [{ account_id: bo.id, status_ids: [ofCy] }, 422],
      [{ account_id: bo.id, status_ids: [hidden] }, 422],
      [{ account_id: bo.id, comment: 'x'.repeat(1001) }, 422],
      [{ account_id: bo.id, category: 'annoying' }, 422],
    ];
    for (const [body, status] of cases) {
      const res = await ana.api.post('/api/v1/reports', body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.body.error).toEqual(expect.any(String));
    }
    expect([await count('reports'), await count('report_statuses')]).toEqual(before);
  });
});

describe('working the queue', () => {
  it('hides: only the author still sees the status, and is told why', async () => {
    const admin = await person('admin');
    const [ana, bo] = [await person(), await person()];
    const statusId = await post(bo, { status: 'Borderline joke' });
    const filed = await report(ana, bo, [statusId]);
    const acted = await admin.api.post(
      `/api/rapport/v1/moderation/reports/${filed.body.id}/actions`,
      { action: 'hide', reason: 'Jokes about colleagues are not welcome here' },
    );
    expect(acted.status, acted.text).toBe(200);
    expect(acted.body).toMatchObject({ action: 'hide', allowed_actions: [] });
    expect((await ana.api.get(`/api/v1/statuses/${statusId}`)).status).toBe(404);
    const own = await bo.api.get(`/api/v1/statuses/${statusId}`);
    expect(own.body.hidden).toEqual({ reason: 'Jokes about colleagues are not welcome here' });
    const [warning] = await notificationsOf(bo, 'moderation_warning');
    expect(warning?.subject.title).toContain('Jokes about colleagues');
    const notice = await bo.api.get(`/api/rapport/v1/moderation/notices/${filed.body.id}`);
    expect(notice.body).toMatchObject({
      action: 'hide',
      reason: 'Jokes about colleagues are not welcome here',
      statuses: [{ id: statusId, hidden: true }],
    });
    // Nobody else reads the notice, and a handled report is not handled twice.
    expect((await ana.api.get(`/api/rapport/v1/moderation/notices/${filed.body.id}`)).status).toBe(
      404,
    );
    const again = await admin.api.post(
      `/api/rapport/v1/moderation/reports/${filed.body.id}/actions`,
      { action: 'dismiss' },
    );
    expect(again.status).toBe(422);
  });

  it('removes the statuses and keeps what they said in the report', async () => {
    const admin = await person('admin');
    const [ana, bo] = [await person(), await person()];
    const statusId = await post(bo, { status: 'Buy cheap watches here' });
    const filed = await report(ana, bo, [statusId], { category: 'spam' });
    const acted = await admin.api.post(
      `/api/rapport/v1/moderation/reports/${filed.body.id}/actions`,
      { action: 'remove', reason: 'Spam' },
    );
    expect(acted.status, acted.text).toBe(200);
    expect((await bo.api.get(`/api/v1/statuses/${statusId}`)).status).toBe(404);
    expect(acted.body.statuses).toEqual([
      expect.objectContaining({
        id: statusId,
        exists: false,
        content: expect.stringContaining('cheap watches'),
      }),
    ]);
  });

  it('needs a reason to act, and dismisses without telling the author', async () => {
    const admin = await person('admin');
    const [ana, bo] = [await person(), await person()];
    const filed = await report(ana, bo, [await post(bo, { status: 'Fine really' })]);
    const url = `/api/rapport/v1/moderation/reports/${filed.body.id}/actions`;
    expect((await admin.api.post(url, { action: 'hide' })).status).toBe(422);
    expect((await admin.api.post(url, { action: 'shout', reason: 'x' })).status).toBe(422);
    expect((await admin.api.post(url, { action: 'dismiss' })).status).toBe(200);
    expect(await notificationsOf(bo, 'moderation_warning')).toEqual([]);
    const resolved = await admin.api.get('/api/rapport/v1/moderation/reports?state=resolved');
    expect(resolved.body.map((r: { id: string }) => r.id)).toContain(filed.body.id);
  });

  it('lets admins suspend the reported account', async () => {
    const admin = await person('admin');
    const [ana, bo] = [await person(), await person()];
    const filed = await report(ana, bo, []);
    const acted = await admin.api.post(
      `/api/rapport/v1/moderation/reports/${filed.body.id}/actions`,
      { action: 'suspend', reason: 'Repeated harassment' },
    );
    expect(acted.status, acted.text).toBe(200);
    expect((await ana.api.get(`/api/v1/accounts/${bo.id}`)).body.suspended).toBe(true);
  });

  it('gives community moderators the reports about their community, and nothing more', async () => {
    const [owner, moderator, member, outsider] = [
      await person(),
      await person(),
      await person(),
      await person(),
    ];
    const community = await createCommunity(t.ctx, {
      owner: owner.account,
      moderators: [moderator.account],
      members: [member.account],
      privacy: 'private',
    });
    const statusId = await post(member, {
      status: 'Off topic rant',
      community_id: String(community.id),
    });
    const filed = await report(owner, member, [statusId]);
    expect(filed.status, filed.text).toBe(200);
    const told = await notificationsOf(moderator, 'admin.report');
    expect(told.map((n) => n.subject.url)).toContain(
      `${t.url}/moderation/reports/${filed.body.id}`,
    );
    const queue = await moderator.api.get('/api/rapport/v1/moderation/reports');
    const mine = queue.body.find((r: { id: string }) => r.id === filed.body.id);
    expect(mine).toMatchObject({
      community: { id: String(community.id) },
      allowed_actions: ['hide', 'remove', 'dismiss'],
    });
    expect((await outsider.api.get('/api/rapport/v1/moderation/reports')).status).toBe(403);
    // The app offers the queue to whoever has one, by asking whose reports they work on.
    const scope = async (who: typeof owner) =>
      (await who.api.get('/api/rapport/v1/moderation/scope')).body;
    expect(await scope(moderator)).toEqual({ all: false, community_ids: [String(community.id)] });
    expect(await scope(owner)).toEqual({ all: false, community_ids: [String(community.id)] });
    expect(await scope(member)).toEqual({ all: false, community_ids: [] });
    expect(await scope(await person('admin'))).toEqual({ all: true, community_ids: [] });
    expect(
      (await outsider.api.get(`/api/rapport/v1/moderation/reports/${filed.body.id}`)).status,
    ).toBe(404);
    const url = `/api/rapport/v1/moderation/reports/${filed.body.id}/actions`;
    expect((await moderator.api.post(url, { action: 'suspend', reason: 'x' })).status).toBe(403);
    expect((await moderator.api.post(url, { action: 'hide', reason: 'Off topic' })).status).toBe(
      200,
    );
    expect((await owner.api.get(`/api/v1/statuses/${statusId}`)).status).toBe(404);
  });
});
