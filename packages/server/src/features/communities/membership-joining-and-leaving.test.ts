import { describe, expect, it } from 'vitest';
import {
  addMember,
  community,
  communityPath,
  ids,
  type Person,
  person,
  postIn,
} from './communities.fixtures';
import {
  changes,
  dbState,
  membersCount,
  notificationsOf,
  place,
  t,
  useMembershipApp,
} from './membership.test-support';
import { SMALL_COMMUNITY } from './membership-places';

useMembershipApp();

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

  it(`records meeting each member when joining a community of at most ${SMALL_COMMUNITY}, not a larger one`, async () => {
    const owner = await person(t);
    const small = await community(owner, 'public');
    const people: Person[] = [];
    for (let i = 0; i < SMALL_COMMUNITY; i++) people.push(await person(t));
    for (const p of people.slice(0, SMALL_COMMUNITY - 2)) {
      await p.api.post(communityPath(small, '/join'));
    }
    const last = people[SMALL_COMMUNITY - 2] as Person;
    await last.api.post(communityPath(small, '/join'));
    const met = await t.ctx.db
      .selectFrom('interactions')
      .select(['kind', 'target_id', 'subject_type', 'subject_id', 'community_id'])
      .where('actor_id', '=', last.account.id)
      .execute();
    // The owner and everyone who joined before: the community now has SMALL_COMMUNITY members.
    expect(met).toHaveLength(SMALL_COMMUNITY - 1);
    expect(met[0]).toMatchObject({
      kind: 'same_community',
      subject_type: 'community',
      subject_id: Number(small.id),
      community_id: Number(small.id),
    });
    const oneTooMany = people[SMALL_COMMUNITY - 1] as Person;
    await oneTooMany.api.post(communityPath(small, '/join'));
    const none = await t.ctx.db
      .selectFrom('interactions')
      .select('id')
      .where('actor_id', '=', oneTooMany.account.id)
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
