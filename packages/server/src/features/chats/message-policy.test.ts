import type { MessagePolicy } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { block, follow, type Person, person, unblock } from '../streaming/streaming.fixtures';
import { CHATS, chatState, chatWith, say } from './chats.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const PREFS = '/api/rapport/v1/preferences/messages';

async function withPolicy(policy: MessagePolicy): Promise<Person> {
  const who = await person(t);
  const res = await who.api.put(PREFS, { policy });
  expect(res.status, res.text).toBe(200);
  return who;
}

async function role(r: 'admin' | 'guest'): Promise<Person> {
  const { account, token } = await createAccountWithToken(t.ctx, { role: r });
  return { account, token, api: api(t.app, token) };
}

/** Whether `sender` may start a conversation with `recipient`; a refusal stores nothing. */
async function mayStart(sender: Person, recipient: Person): Promise<boolean> {
  const before = await chatState(t);
  const res = await sender.api.post(CHATS, { account_ids: [String(recipient.account.id)] });
  if (res.status === 200) return true;
  expect(res.status, res.text).toBe(403);
  expect(res.body.error).toBe(`@${recipient.account.username} does not accept messages from you`);
  expect(res.body.details.account_ids).toEqual([String(recipient.account.id)]);
  expect(await chatState(t)).toEqual(before);
  return false;
}

describe('the message policy setting', () => {
  it('is anyone by default, and takes the four values only', async () => {
    const ana = await person(t);
    expect((await ana.api.get(PREFS)).body).toEqual({ policy: 'anyone' });
    for (const policy of ['following', 'followers', 'nobody', 'anyone'] as const) {
      expect((await ana.api.put(PREFS, { policy })).body).toEqual({ policy });
      expect((await ana.api.get(PREFS)).body).toEqual({ policy });
    }
    expect((await ana.api.put(PREFS, { policy: 'friends' })).status).toBe(422);
    expect((await api(t.app).get(PREFS)).status).toBe(401);
  });
});

describe('who may start a conversation', () => {
  it('anyone: everyone', async () => {
    expect(await mayStart(await person(t), await withPolicy('anyone'))).toBe(true);
  });

  it('following: only the people the recipient follows', async () => {
    const picky = await withPolicy('following');
    const friend = await person(t);
    const stranger = await person(t);
    await follow(t, picky, friend);
    // Following the picky person is not enough.
    await follow(t, stranger, picky);
    expect(await mayStart(friend, picky)).toBe(true);
    expect(await mayStart(stranger, picky)).toBe(false);
  });

  it('followers: only the people who follow the recipient', async () => {
    const picky = await withPolicy('followers');
    const fan = await person(t);
    const stranger = await person(t);
    await follow(t, fan, picky);
    await follow(t, picky, stranger);
    expect(await mayStart(fan, picky)).toBe(true);
    expect(await mayStart(stranger, picky)).toBe(false);
  });

  it('nobody: nobody but admins', async () => {
    const closed = await withPolicy('nobody');
    const colleague = await person(t);
    await follow(t, closed, colleague);
    await follow(t, colleague, closed);
    expect(await mayStart(colleague, closed)).toBe(false);
    expect(await mayStart(await role('admin'), closed)).toBe(true);
  });

  it('blocks: neither side, admins included', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    await block(t, ana, bo);
    expect(await mayStart(ana, bo)).toBe(false);
    expect(await mayStart(bo, ana)).toBe(false);
    await unblock(t, ana, bo);
    expect(await mayStart(bo, ana)).toBe(true);
    const admin = await role('admin');
    await block(t, bo, admin);
    expect(await mayStart(admin, bo)).toBe(false);
  });

  it('a group needs every invitee to accept, and names those who do not', async () => {
    const starter = await person(t);
    const open = await person(t);
    const closed = await withPolicy('nobody');
    const picky = await withPolicy('followers');
    const before = await chatState(t);
    const res = await starter.api.post(CHATS, {
      account_ids: [open, closed, picky].map((p) => String(p.account.id)),
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toBe(
      `@${closed.account.username} and @${picky.account.username} do not accept messages from you`,
    );
    expect(await chatState(t)).toEqual(before);
  });

  it('guests message only the people they can see', async () => {
    const guest = await role('guest');
    const member = await person(t);
    const colleague = await person(t);
    const before = await chatState(t);
    const res = await guest.api.post(CHATS, { account_ids: [String(member.account.id)] });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/not found/);
    expect(await chatState(t)).toEqual(before);
    // Sharing a community, they see each other.
    const community = await insertCommunity(t.ctx, { privacy: 'private' });
    for (const who of [guest, member]) await addMember(t.ctx, community.id, who.account.id);
    expect(await mayStart(guest, member)).toBe(true);
    expect(
      (await guest.api.post(CHATS, { account_ids: [String(colleague.account.id)] })).status,
    ).toBe(422);
  });
});

describe('each message of a one-to-one conversation', () => {
  it('is refused (403, nothing stored) once the other person stops accepting the sender', async () => {
    const [ana, bo] = await Promise.all([person(t), person(t)]);
    const chat = await chatWith(ana, [bo]);
    await say(ana, chat, 'hello');
    await bo.api.put(PREFS, { policy: 'nobody' });
    const before = await chatState(t);
    const refused = await ana.api.post(`${CHATS}/${chat}/messages`, { text: 'still there?' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toBe(`@${bo.account.username} does not accept messages from you`);
    expect(await chatState(t)).toEqual(before);
    // Bo may still write to Ana, whose policy is open.
    await say(bo, chat, 'I am, but prefer email');
    await bo.api.put(PREFS, { policy: 'anyone' });
    await block(t, bo, ana);
    expect((await ana.api.post(`${CHATS}/${chat}/messages`, { text: 'hm' })).status).toBe(403);
    expect((await bo.api.post(`${CHATS}/${chat}/messages`, { text: 'hm' })).status).toBe(403);
  });

  it('in a group, goes out whatever a member’s policy became (they agreed when it started)', async () => {
    const [ana, bo, cy] = await Promise.all([person(t), person(t), person(t)]);
    const chat = await chatWith(ana, [bo, cy]);
    await cy.api.put(PREFS, { policy: 'nobody' });
    await say(ana, chat, 'agenda attached');
  });
});
