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
  place,
  t,
  useMembershipApp,
} from './membership.test-support';

useMembershipApp();

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
