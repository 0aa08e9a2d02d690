import type { Community, DomainEvent } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import {
  addMember,
  community,
  communityPath,
  ids,
  type Person,
  person,
  postIn,
} from './communities.fixtures';

let t: TestApp;
const events: DomainEvent[] = [];
beforeAll(async () => {
  t = await startTestApp();
  t.ctx.events.on('community.membership_changed', (event) => {
    events.push(event);
  });
});
afterAll(() => t.close());

/** The membership events about `c` since the last call. */
async function changes(c: Community) {
  await t.ctx.events.settled();
  const mine = events.filter(
    (e) => e.type === 'community.membership_changed' && e.community_id === c.id,
  );
  events.length = 0;
  return mine.map((e) =>
    e.type === 'community.membership_changed' ? `${e.account_id} ${e.state} ${e.role}` : '',
  );
}

async function place(c: Community, who: Person) {
  return (
    (await t.ctx.db
      .selectFrom('community_members')
      .select(['state', 'role'])
      .where('community_id', '=', Number(c.id))
      .where('account_id', '=', who.account.id)
      .executeTakeFirst()) ?? null
  );
}

async function membersCount(c: Community) {
  const row = await t.ctx.db
    .selectFrom('communities')
    .select('members_count')
    .where('id', '=', Number(c.id))
    .executeTakeFirstOrThrow();
  return row.members_count;
}

async function notificationsOf(who: Person) {
  const res = await who.api.get('/api/v1/notifications');
  expect(res.status, res.text).toBe(200);
  return res.body as Array<{
    type: string;
    account: { id: string };
    subject: { type: string; id: string; title: string; url: string } | null;
  }>;
}

async function dbState() {
  return {
    members: await t.ctx.db
      .selectFrom('community_members')
      .selectAll()
      .orderBy('community_id')
      .orderBy('account_id')
      .execute(),
    counts: await t.ctx.db
      .selectFrom('communities')
      .select(['id', 'members_count'])
      .orderBy('id')
      .execute(),
    notifications: await t.ctx.db.selectFrom('notifications').select('id').orderBy('id').execute(),
  };
}

describe('joining', () => {
  it('joins a public community at once, with its recent conversations in the home feed', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'public');
    const older = await postIn(ana, c, 'Welcome to the guild');
    const reply = await postIn(ana, c, 'A reply', { in_reply_to_id: older.id });
    await changes(c);
    const res = await bo.api.post(communityPath(c, '/join'));
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      membership: { state: 'member', role: 'member' },
      members_count: 2,
    });
    expect(await changes(c)).toEqual([`${bo.id} member member`]);
    const home = ids((await bo.api.get('/api/v1/timelines/home')).body);
    expect(home).toContain(older.id);
    expect(home).not.toContain(reply.id);
    // Joining again changes nothing.
    const again = await bo.api.post(communityPath(c, '/join'));
    expect(again.body.members_count).toBe(2);
    expect(await changes(c)).toEqual([]);
    // A new conversation reaches every member's home.
    const later = await postIn(ana, c, 'Crit at four');
    expect(ids((await bo.api.get('/api/v1/timelines/home')).body)).toContain(later.id);
  });

  it('asks to join a private community; owners and moderators hear of it and decide', async () => {
    const ana = await person(t, 'member', 'Ana Owner');
    const mo = await person(t);
    const bo = await person(t, 'member', 'Bo Asker');
    const cy = await person(t);
    const c = await community(ana, 'private');
    await addMember(c, ana, mo);
    await ana.api.patch(communityPath(c, `/members/${mo.id}`), { role: 'moderator' });
    const secretWords = await postIn(ana, c, 'Budget for next year');
    await changes(c);

    const asked = await bo.api.post(communityPath(c, '/join'));
    expect(asked.body.membership).toEqual({ state: 'requested', role: null });
    expect(await changes(c)).toEqual([`${bo.id} requested null`]);
    for (const manager of [ana, mo]) {
      const [n] = await notificationsOf(manager);
      expect(n).toMatchObject({
        type: 'community_request',
        account: { id: bo.id },
        subject: {
          type: 'community',
          id: c.id,
          title: c.name,
          url: `${t.url}/communities/${c.id}`,
        },
      });
    }
    // Still not a member: the content stays closed.
    expect((await bo.api.get(communityPath(c, '/timeline'))).status).toBe(403);
    await cy.api.post(communityPath(c, '/join'));

    const requests = await mo.api.get(communityPath(c, '/requests'));
    expect(requests.body.map((r: { account: { id: string } }) => r.account.id)).toEqual(
      [bo.id, cy.id].sort((a, b) => Number(a) - Number(b)),
    );
    expect((await bo.api.get(communityPath(c, '/requests'))).status).toBe(403);

    const approved = await mo.api.post(communityPath(c, `/requests/${bo.id}/approve`));
    expect(approved.status, approved.text).toBe(200);
    expect(approved.body).toMatchObject({
      account: { id: bo.id },
      state: 'member',
      role: 'member',
    });
    const [told] = await notificationsOf(bo);
    expect(told).toMatchObject({ type: 'community_approved', account: { id: mo.id } });
    expect(ids((await bo.api.get(communityPath(c, '/timeline'))).body)).toContain(secretWords.id);
    expect(ids((await bo.api.get('/api/v1/timelines/home')).body)).toContain(secretWords.id);

    const rejected = await ana.api.post(communityPath(c, `/requests/${cy.id}/reject`));
    expect(rejected.status).toBe(200);
    expect(await place(c, cy)).toBeNull();
    expect(await changes(c)).toEqual([
      `${cy.id} requested null`,
      `${bo.id} member member`,
      `${cy.id} null null`,
    ]);
    expect(await membersCount(c)).toBe(3);
    // Nothing left to decide: unknown requests are 404s.
    expect((await ana.api.post(communityPath(c, `/requests/${cy.id}/approve`))).status).toBe(404);
    expect((await ana.api.post(communityPath(c, `/requests/${bo.id}/reject`))).status).toBe(404);
  });

  it('joins a secret community only by invitation; others do not know it exists', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    const admin = await person(t, 'admin');
    const c = await community(ana, 'secret');
    expect((await cy.api.post(communityPath(c, '/join'))).status).toBe(404);
    expect((await cy.api.get(communityPath(c))).status).toBe(404);
    const refused = await admin.api.post(communityPath(c, '/join'));
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatch(/only be joined by invitation/);

    const invited = await ana.api.post(communityPath(c, '/members'), { account_ids: [bo.id] });
    expect(invited.status, invited.text).toBe(200);
    expect(invited.body).toMatchObject([{ account: { id: bo.id }, state: 'invited' }]);
    const [n] = await notificationsOf(bo);
    expect(n).toMatchObject({ type: 'community_invitation', account: { id: ana.id } });
    expect((await bo.api.get(communityPath(c))).body.membership).toEqual({
      state: 'invited',
      role: null,
    });
    const joined = await bo.api.post(communityPath(c, '/join'));
    expect(joined.body.membership).toEqual({ state: 'member', role: 'member' });
    expect(await membersCount(c)).toBe(2);
  });

  it('shows those who run it the invitations not yet answered, and lets them cancel one', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    const c = await community(ana, 'private');
    await ana.api.post(communityPath(c, '/members'), { account_ids: [bo.id, cy.id] });
    const waiting = await ana.api.get(communityPath(c, '/members?state=invited'));
    expect(waiting.status, waiting.text).toBe(200);
    expect(waiting.body.map((m: { account: { id: string } }) => m.account.id).sort()).toEqual(
      [bo.id, cy.id].sort(),
    );
    const members = await ana.api.get(communityPath(c, '/members'));
    expect(members.body.map((m: { account: { id: string } }) => m.account.id)).toEqual([ana.id]);
    // Someone who does not run it gets nothing of the list.
    await bo.api.post(communityPath(c, '/join'));
    expect((await bo.api.get(communityPath(c, '/members?state=invited'))).status).toBe(403);
    expect((await ana.api.get(communityPath(c, '/members?state=requested'))).status).toBe(400);
    // Cancelling: the invitation is gone, and the invited person is no longer invited.
    expect((await ana.api.delete(communityPath(c, `/members/${cy.id}`))).status).toBe(200);
    const after = await ana.api.get(communityPath(c, '/members?state=invited'));
    expect(after.body).toEqual([]);
    expect((await cy.api.get(communityPath(c))).body.membership.state).toBeNull();
  });

  it('records meeting each member when joining a small community, not a large one', async () => {
    const owner = await person(t);
    const small = await community(owner, 'public');
    const people: Person[] = [];
    for (let i = 0; i < 12; i++) people.push(await person(t));
    for (const p of people.slice(0, 10)) await p.api.post(communityPath(small, '/join'));
    const eleventh = people[10] as Person;
    await eleventh.api.post(communityPath(small, '/join'));
    const met = await t.ctx.db
      .selectFrom('interactions')
      .select(['kind', 'target_id', 'subject_type', 'subject_id', 'community_id'])
      .where('actor_id', '=', eleventh.account.id)
      .execute();
    // The owner and the ten who joined before: eleven others, twelve members in all.
    expect(met).toHaveLength(11);
    expect(met[0]).toMatchObject({
      kind: 'same_community',
      subject_type: 'community',
      subject_id: Number(small.id),
      community_id: Number(small.id),
    });
    const thirteenth = people[11] as Person;
    await thirteenth.api.post(communityPath(small, '/join'));
    const none = await t.ctx.db
      .selectFrom('interactions')
      .select('id')
      .where('actor_id', '=', thirteenth.account.id)
      .execute();
    expect(none).toEqual([]);
  });
});

describe('leaving', () => {
  it('leaves, and a private community takes its statuses out of the home feed', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'private');
    const open = await community(ana, 'public');
    await addMember(c, ana, bo);
    await addMember(open, ana, bo);
    const closed = await postIn(ana, c, 'Only for members');
    const own = await postIn(bo, c, 'My own note');
    const publicOne = await postIn(ana, open, 'For everyone');
    await changes(c);
    const res = await bo.api.post(communityPath(c, '/leave'));
    expect(res.status, res.text).toBe(200);
    expect(res.body.membership).toEqual({ state: null, role: null });
    expect(res.body.members_count).toBe(1);
    expect(await changes(c)).toEqual([`${bo.id} null null`]);
    await bo.api.post(communityPath(open, '/leave'));
    const home = ids((await bo.api.get('/api/v1/timelines/home')).body);
    expect(home).not.toContain(closed.id);
    expect(home).toContain(own.id);
    // A public community's statuses may still be read: they stay.
    expect(home).toContain(publicOne.id);
  });

  it('refuses the last owner, with a clear message', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'public');
    await addMember(c, ana, bo);
    const before = await dbState();
    const res = await ana.api.post(communityPath(c, '/leave'));
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/only owner of this community/);
    expect(await dbState()).toEqual(before);
    await ana.api.patch(communityPath(c, `/members/${bo.id}`), { role: 'owner' });
    expect((await ana.api.post(communityPath(c, '/leave'))).status).toBe(200);
    expect(await place(c, bo)).toEqual({ state: 'member', role: 'owner' });
  });

  it('withdraws a request and declines an invitation', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    const c = await community(ana, 'private');
    await bo.api.post(communityPath(c, '/join'));
    await ana.api.post(communityPath(c, '/members'), { account_ids: [cy.id] });
    for (const who of [bo, cy]) {
      expect((await who.api.post(communityPath(c, '/leave'))).status).toBe(200);
      expect(await place(c, who)).toBeNull();
    }
    expect(await membersCount(c)).toBe(1);
  });
});

describe('inviting', () => {
  it('lets members invite in public and private communities, only those who run a secret one', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    const dee = await person(t);
    const priv = await community(ana, 'private');
    const secret = await community(ana, 'secret');
    await addMember(priv, ana, bo);
    await addMember(secret, ana, bo);
    const byMember = await bo.api.post(communityPath(priv, '/members'), { account_ids: [cy.id] });
    expect(byMember.status).toBe(200);
    const inSecret = await bo.api.post(communityPath(secret, '/members'), {
      account_ids: [dee.id],
    });
    expect(inSecret.status).toBe(403);
    expect(inSecret.body.error).toMatch(/only owners and moderators can invite/);
    expect(await place(secret, dee)).toBeNull();
    // Someone who is not a member cannot invite.
    const byStranger = await dee.api.post(communityPath(priv, '/members'), {
      account_ids: [cy.id],
    });
    expect(byStranger.status).toBe(403);
  });

  it('lets in those who asked when whoever runs it invites them; leaves members be', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    const c = await community(ana, 'private');
    await addMember(c, ana, bo);
    await cy.api.post(communityPath(c, '/join'));
    const res = await ana.api.post(communityPath(c, '/members'), {
      account_ids: [bo.id, cy.id, ana.id],
    });
    expect(res.status, res.text).toBe(200);
    const states = Object.fromEntries(
      res.body.map((m: { account: { id: string }; state: string }) => [m.account.id, m.state]),
    );
    expect(states).toEqual({ [bo.id]: 'member', [cy.id]: 'member', [ana.id]: 'member' });
    expect(await membersCount(c)).toBe(3);
  });

  it('refuses unknown people, or people the inviter cannot see, and changes nothing', async () => {
    const ana = await person(t);
    const guest = await person(t, 'guest');
    const cy = await person(t);
    const c = await community(ana, 'public');
    const before = await dbState();
    for (const body of [
      { account_ids: ['98765'] },
      { account_ids: [cy.id, guest.id] },
      { account_ids: [] },
      {},
      { account_ids: 'abc' },
    ]) {
      const res = await ana.api.post(communityPath(c, '/members'), body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(Object.keys(res.body.details).join()).toMatch(/^account_ids/);
    }
    expect(await dbState()).toEqual(before);
    // An admin sees guests, and brings them into a community, a member of it or not.
    const admin = await person(t, 'admin');
    const forum = await community(ana, 'private');
    const res = await admin.api.post(communityPath(forum, '/members'), {
      account_ids: [guest.id],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject([{ account: { id: guest.id }, state: 'invited' }]);
    expect((await guest.api.get(communityPath(forum))).status).toBe(200);
    expect((await guest.api.post(communityPath(forum, '/join'))).body.membership.state).toBe(
      'member',
    );
  });
});

describe('roles and removal', () => {
  it('lets owners give roles, keeping at least one owner', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'public');
    await addMember(c, ana, bo);
    await changes(c);
    const res = await ana.api.patch(communityPath(c, `/members/${bo.id}`), { role: 'moderator' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ account: { id: bo.id }, role: 'moderator', state: 'member' });
    expect(await changes(c)).toEqual([`${bo.id} member moderator`]);
    const byModerator = await bo.api.patch(communityPath(c, `/members/${ana.id}`), {
      role: 'member',
    });
    expect(byModerator.status).toBe(403);
    const before = await dbState();
    const demoteSelf = await ana.api.patch(communityPath(c, `/members/${ana.id}`), {
      role: 'member',
    });
    expect(demoteSelf.status).toBe(422);
    expect(demoteSelf.body.error).toMatch(/at least one owner/);
    expect(
      (await ana.api.patch(communityPath(c, `/members/${bo.id}`), { role: 'boss' })).status,
    ).toBe(422);
    const stranger = await person(t);
    expect(
      (await ana.api.patch(communityPath(c, `/members/${stranger.id}`), { role: 'owner' })).status,
    ).toBe(404);
    expect(await dbState()).toEqual(before);
  });

  it('lets moderators remove members but not owners or moderators', async () => {
    const ana = await person(t);
    const mo = await person(t);
    const mo2 = await person(t);
    const bo = await person(t);
    const c = await community(ana, 'secret');
    await addMember(c, ana, mo, mo2, bo);
    for (const m of [mo, mo2]) {
      await ana.api.patch(communityPath(c, `/members/${m.id}`), { role: 'moderator' });
    }
    const secretStatus = await postIn(ana, c, 'Secret roadmap');
    const before = await dbState();
    for (const target of [ana, mo2]) {
      const res = await mo.api.delete(communityPath(c, `/members/${target.id}`));
      expect(res.status).toBe(403);
    }
    expect((await bo.api.delete(communityPath(c, `/members/${mo.id}`))).status).toBe(403);
    expect(await dbState()).toEqual(before);
    await changes(c);
    const res = await mo.api.delete(communityPath(c, `/members/${bo.id}`));
    expect(res.status, res.text).toBe(200);
    expect(await changes(c)).toEqual([`${bo.id} null null`]);
    expect(await membersCount(c)).toBe(3);
    // Gone from a secret community: nothing of it is left to them.
    expect((await bo.api.get(communityPath(c))).status).toBe(404);
    expect(ids((await bo.api.get('/api/v1/timelines/home')).body)).not.toContain(secretStatus.id);
    expect((await mo.api.delete(communityPath(c, `/members/${bo.id}`))).status).toBe(404);
    // Owners remove moderators; the last owner stays.
    expect((await ana.api.delete(communityPath(c, `/members/${mo2.id}`))).status).toBe(200);
    const self = await ana.api.delete(communityPath(c, `/members/${ana.id}`));
    expect(self.status).toBe(422);
  });

  it('lists members with roles to those who may read the content, in keyset pages', async () => {
    const ana = await person(t);
    const people: Person[] = [];
    for (let i = 0; i < 4; i++) people.push(await person(t));
    const c = await community(ana, 'private');
    await addMember(c, ana, ...people);
    await ana.api.patch(communityPath(c, `/members/${people[0]?.id}`), { role: 'moderator' });
    const seen: Array<{ id: string; role: string }> = [];
    let next: string | null = communityPath(c, '/members?limit=2');
    while (next) {
      const res = await (people[1] as Person).api.get(next);
      expect(res.status, res.text).toBe(200);
      seen.push(
        ...res.body.map((m: { account: { id: string }; role: string }) => ({
          id: m.account.id,
          role: m.role,
        })),
      );
      const match = /<([^>]+)>; rel="next"/.exec(String(res.headers.link ?? ''));
      next = match?.[1] ? match[1].replace(t.url, '') : null;
    }
    expect(seen.map((m) => m.id)).toEqual(
      [ana, ...people].map((p) => p.id).sort((a, b) => Number(a) - Number(b)),
    );
    expect(seen.find((m) => m.id === ana.id)?.role).toBe('owner');
    const runners = await ana.api.get(communityPath(c, '/members?role=owner,moderator'));
    expect(runners.body.map((m: { account: { id: string } }) => m.account.id).sort()).toEqual(
      [ana.id, people[0]?.id].sort(),
    );
    const outsider = await person(t);
    expect((await outsider.api.get(communityPath(c, '/members'))).status).toBe(403);
  });
});
