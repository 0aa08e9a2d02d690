import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type MailCatcher, startMailCatcher } from '../../../test/mail-catcher';
import { DAY_MS } from '../../lib/time';
import { type Person, person } from '../streaming/streaming.fixtures';
import { runDigests } from './digest.service';

let t: TestApp;
let catcher: MailCatcher;
beforeAll(async () => {
  catcher = await startMailCatcher();
  t = await startTestApp({ SMTP_URL: catcher.url });
});
afterAll(async () => {
  await t.close();
  await catcher.close();
});

/** 10:30 UTC tomorrow: a daily digest is due then for someone on UTC. */
function tomorrowMorning(): number {
  const day = new Date(Date.now() + DAY_MS);
  return Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 10, 30);
}

async function chatWith(from: Person, to: Person, text: string): Promise<string> {
  const chat = await from.api.post('/api/rapport/v1/chats', {
    account_ids: [String(to.account.id)],
  });
  expect(chat.status, chat.text).toBe(200);
  const sent = await from.api.post(`/api/rapport/v1/chats/${chat.body.id}/messages`, { text });
  expect(sent.status, sent.text).toBe(200);
  return chat.body.id as string;
}

describe('what the digest counts as seen', () => {
  it('names conversations with unread messages, not those read or muted', async () => {
    const [hana, bo, cy, dan] = [
      await person(t),
      await person(t),
      await person(t),
      await person(t),
    ];
    await hana.api.put('/api/rapport/v1/preferences/notifications', { digest: 'daily' });
    await chatWith(bo, hana, 'Can you review the **pricing** draft?');
    const read = await chatWith(cy, hana, 'Old news you already read');
    expect((await hana.api.post(`/api/rapport/v1/chats/${read}/read`)).status).toBe(200);
    const muted = await chatWith(dan, hana, 'Chatter in a muted conversation');
    expect((await hana.api.patch(`/api/rapport/v1/chats/${muted}`, { muted: true })).status).toBe(
      200,
    );
    await t.ctx.events.settled();

    expect(await runDigests(t.ctx, tomorrowMorning())).toEqual({ sent: 1 });
    await t.ctx.events.settled();
    const mail = await catcher.waitFor((m) => m.to === hana.account.email);
    expect(mail.subject).toBe(
      `Your daily digest: 1 unread message from ${bo.account.display_name}`,
    );
    expect(mail.text).toContain('Can you review the pricing draft?');
    expect(mail.text).toContain('/messages/');
    expect(mail.text).not.toContain('Old news');
    expect(mail.text).not.toContain('Chatter');
  });

  it('leaves out a mention opened on its own in the inbox, above the marker', async () => {
    const [ivy, bo] = [await person(t), await person(t)];
    await ivy.api.put('/api/rapport/v1/preferences/notifications', { digest: 'daily' });
    for (const text of ['first: the roadmap', 'second: the budget', 'third: the offsite']) {
      const sent = await bo.api.post('/api/v1/statuses', {
        status: `@${ivy.account.username} ${text}`,
      });
      expect(sent.status, sent.text).toBe(200);
    }
    await t.ctx.events.settled();
    const inbox = await ivy.api.get('/api/rapport/v1/inbox?filter=mentions');
    const budget = inbox.body.find((item: { status?: { content: string } }) =>
      item.status?.content.includes('budget'),
    );
    expect((await ivy.api.post(`/api/rapport/v1/inbox/${budget.id}/read`)).status).toBe(200);

    expect(await runDigests(t.ctx, tomorrowMorning())).toEqual({ sent: 1 });
    await t.ctx.events.settled();
    const mail = await catcher.waitFor((m) => m.to === ivy.account.email);
    expect(mail.text).toContain('the roadmap');
    expect(mail.text).toContain('the offsite');
    expect(mail.text).not.toContain('the budget');
  });
});
