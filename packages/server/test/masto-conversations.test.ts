import { createRestAPIClient, type mastodon } from 'masto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from './factories';
import { startTestApp, type TestApp } from './harness';

/** Direct messages as a Mastodon app shows them: conversations, read, removed, back again. */
let t: TestApp;
let ana: mastodon.rest.Client;
let bo: mastodon.rest.Client;
let anaId: string;

beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
  const a = await createAccountWithToken(t.ctx, {
    username: 'ana_dm',
    email: 'ana_dm@example.com',
  });
  const b = await createAccountWithToken(t.ctx, { username: 'bo_dm', email: 'bo_dm@example.com' });
  anaId = String(a.account.id);
  ana = createRestAPIClient({ url: t.url, accessToken: a.token });
  bo = createRestAPIClient({ url: t.url, accessToken: b.token });
});
afterAll(() => t.close());

describe('masto.js conversations', () => {
  it('lists, reads and removes the direct thread between two colleagues', async () => {
    const first = await ana.v1.statuses.create({
      status: '@bo_dm the numbers look off, can you check?',
      visibility: 'direct',
    });
    const [conversation] = await bo.v1.conversations.list();
    expect(conversation?.unread).toBe(true);
    expect(conversation?.accounts.map((account) => account.id)).toEqual([anaId]);
    expect(conversation?.lastStatus?.id).toBe(first.id);

    const reply = await bo.v1.statuses.create({
      status: '@ana_dm fixed, thanks',
      visibility: 'direct',
      inReplyToId: first.id,
    });
    const [forAna] = await ana.v1.conversations.list();
    expect(forAna?.lastStatus?.id).toBe(reply.id);
    expect(forAna?.unread).toBe(true);

    const read = await ana.v1.conversations.$select(forAna?.id ?? '').read();
    expect(read.unread).toBe(false);
    await ana.v1.conversations.$select(forAna?.id ?? '').remove();
    expect(await ana.v1.conversations.list()).toEqual([]);

    // Paging through masto.js's paginator reaches the end without repeating.
    const pages = [];
    for await (const page of bo.v1.conversations.list({ limit: 1 })) pages.push(...page);
    expect(pages.map((c) => c.id)).toEqual([conversation?.id]);
  });
});
