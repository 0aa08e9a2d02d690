import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { formBody } from '../../../test/http';
import { type MailCatcher, startMailCatcher } from '../../../test/mail-catcher';
import { DAY_MS } from '../../lib/time';
import { updateAccount } from '../accounts/accounts.queries';
import { defaultPreferences } from '../notification-preferences/preferences';
import { type Person, person } from '../streaming/streaming.fixtures';
import { dueDigest, runDigests, startDigestScheduler } from './digest.service';

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

const PREFS = '/api/rapport/v1/preferences/notifications';
const HOUR_MS = 3_600_000;

/** The next `hour`:30 UTC after now (on a Monday when `monday`): a digest run's chosen "now". */
function nextRun(hour: number, monday = false): number {
  const now = Date.now();
  const day = new Date(now);
  let at = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hour, 30);
  while (at <= now || (monday && new Date(at).getUTCDay() !== 1)) at += DAY_MS;
  return at;
}

async function post(author: Person, text: string) {
  const reply = await author.api.post('/api/v1/statuses', { status: text });
  expect(reply.status, reply.text).toBe(200);
  await t.ctx.events.settled();
  return reply.body as { id: string };
}

async function run(now: number) {
  const result = await runDigests(t.ctx, now);
  await t.ctx.events.settled();
  return result;
}

const digestsTo = (p: Person) =>
  catcher.to(p.account.email).filter((m) => /digest/.test(m.subject));

describe('when a digest is due', () => {
  const choices = (digest: 'daily' | 'weekly', time_zone = 'UTC', quiet = false) => ({
    digest,
    quiet_hours: { enabled: quiet, from: '07:00', to: '09:00', time_zone },
  });

  it('daily from 08:00 on the person’s own clock until the day ends; weekly on Mondays', () => {
    // Monday 2026-06-08.
    expect(dueDigest(choices('daily'), Date.parse('2026-06-08T07:59:00Z'))).toBeNull();
    expect(dueDigest(choices('daily'), Date.parse('2026-06-08T08:00:00Z'))?.key).toBe(
      'daily:2026-06-08',
    );
    expect(dueDigest(choices('daily'), Date.parse('2026-06-08T23:59:00Z'))?.key).toBe(
      'daily:2026-06-08',
    );
    expect(dueDigest(choices('weekly'), Date.parse('2026-06-08T08:30:00Z'))?.key).toBe(
      'weekly:2026-06-08',
    );
    expect(dueDigest(choices('weekly'), Date.parse('2026-06-09T08:30:00Z'))).toBeNull();
    // 08:00 in Tokyo is 23:00 UTC the day before.
    expect(dueDigest(choices('daily', 'Asia/Tokyo'), Date.parse('2026-06-07T23:00:00Z'))?.key).toBe(
      'daily:2026-06-08',
    );
    expect(
      dueDigest(choices('daily', 'Asia/Tokyo'), Date.parse('2026-06-07T22:59:00Z')),
    ).toBeNull();
    // Quiet until 09:00: the digest waits for the quiet hours to end.
    expect(dueDigest(choices('daily', 'UTC', true), Date.parse('2026-06-08T08:30:00Z'))).toBeNull();
    expect(dueDigest(choices('daily', 'UTC', true), Date.parse('2026-06-08T09:00:00Z'))?.key).toBe(
      'daily:2026-06-08',
    );
    expect(dueDigest({ ...defaultPreferences(), digest: 'off' }, Date.now())).toBeNull();
  });
});

describe('the digest', () => {
  it('holds only what the person has not seen, grouped; once per period; nothing when nothing is new', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const cy = await person(t);
    await updateAccount(t.ctx.db, bo.account.id, { display_name: 'Bo Lind' });
    await updateAccount(t.ctx.db, cy.account.id, { display_name: 'Cy Park' });
    expect((await ana.api.put(PREFS, { digest: 'daily' })).status).toBe(200);

    await post(bo, `@${ana.account.username} the seen one: budget review moved`);
    const [seen] = (await ana.api.get('/api/v1/notifications')).body;
    // Ana reads her notifications in the app: the marker moves past the first mention.
    expect(
      (await ana.api.post('/api/v1/markers', { notifications: { last_read_id: seen.id } })).status,
    ).toBe(200);
    await post(bo, `@${ana.account.username} the unseen one: can you review the roadmap?`);
    const own = await post(ana, 'Our onboarding flow is live');
    expect((await cy.api.post(`/api/v1/statuses/${own.id}/favourite`)).status).toBe(200);
    expect((await bo.api.post(`/api/v1/statuses/${own.id}/favourite`)).status).toBe(200);
    expect((await cy.api.post(`/api/v1/accounts/${ana.account.id}/follow`)).status).toBe(200);
    await t.ctx.events.settled();

    const morning = nextRun(9);
    await run(morning);
    const mail = await catcher.waitFor(
      (m) => m.to === ana.account.email && /digest/.test(m.subject),
    );
    expect(mail.subject).toBe('Your daily digest: Bo Lind mentioned you, and 3 more');
    // The excerpt leaves out the leading @mention of the reader.
    expect(mail.text).toContain('\n  the unseen one: can you review the roadmap?\n');
    expect(mail.text).not.toContain('the seen one');
    expect(mail.html).not.toContain('the seen one');
    expect(mail.text).toContain('Mentions and replies');
    expect(mail.text).toContain('Cy Park followed you');
    expect(mail.text).toContain('2 favourites of your statuses');
    expect(mail.text).toContain('Our onboarding flow is live');
    expect(mail.headers.get('list-unsubscribe')).toMatch(
      /\/api\/rapport\/v1\/mail\/unsubscribe\?token=/,
    );
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.html).toContain(`${t.url}/settings/notifications`);

    // Once per period, however often the scheduler runs.
    await run(morning + HOUR_MS);
    await run(morning + 2 * HOUR_MS);
    expect(digestsTo(ana)).toHaveLength(1);

    // The next day nothing new happened: no digest.
    await run(morning + DAY_MS);
    expect(digestsTo(ana)).toHaveLength(1);
    // Something new, but she saw it in the app before the digest: still none.
    await post(bo, `@${ana.account.username} seen before the next digest`);
    const [latest] = (await ana.api.get('/api/v1/notifications')).body;
    await ana.api.post('/api/v1/markers', { notifications: { last_read_id: latest.id } });
    await run(morning + 2 * DAY_MS);
    expect(digestsTo(ana)).toHaveLength(1);
    // Something new and unseen: the next day's digest has it, and only it.
    await post(bo, `@${ana.account.username} fresh news for the third digest`);
    await run(morning + 3 * DAY_MS);
    const third = await catcher.waitFor(
      (m) => m.to === ana.account.email && m.text.includes('fresh news for the third digest'),
    );
    expect(third.text).not.toContain('the unseen one');
    expect(third.subject).toBe('Your daily digest: Bo Lind mentioned you');
  });

  it('shows a status once when it was told about twice (asked to answer it, and mentioned)', async () => {
    const ana = await person(t);
    const bo = await person(t);
    await updateAccount(t.ctx.db, bo.account.id, { display_name: 'Bo Lind' });
    await ana.api.put(PREFS, { digest: 'daily' });
    const question = await bo.api.post('/api/v1/statuses', {
      status: `@${ana.account.username} how do we rotate the staging keys?`,
      kind: 'question',
    });
    expect(question.status, question.text).toBe(200);
    const asked = await bo.api.post(
      `/api/rapport/v1/questions/${question.body.id}/suggested_answerers/notify`,
      { account_ids: [String(ana.account.id)] },
    );
    expect(asked.status, asked.text).toBeLessThan(300);
    await t.ctx.events.settled();
    const types = (await ana.api.get('/api/v1/notifications')).body.map(
      (n: { type: string }) => n.type,
    );
    expect(types.sort()).toEqual(['mention', 'question_suggested']);
    await run(nextRun(12));
    const mail = await catcher.waitFor(
      (m) => m.to === ana.account.email && /digest/.test(m.subject),
    );
    expect(mail.subject).toBe('Your daily digest: Bo Lind asked you to answer a question');
    expect(mail.text).toContain('Questions for you');
    expect(mail.text).not.toContain('Mentions and replies');
    expect(mail.text.match(/how do we rotate the staging keys/g)).toHaveLength(1);
  });

  it('leaves out the types the person turned off in the app', async () => {
    const gus = await person(t);
    const bo = await person(t);
    await gus.api.put(PREFS, { digest: 'daily', types: { favourite: { in_app: false } } });
    const own = await post(gus, 'Release notes are up');
    await bo.api.post(`/api/v1/statuses/${own.id}/favourite`);
    await post(bo, `@${gus.account.username} thanks for the notes`);
    await run(nextRun(13));
    const mail = await catcher.waitFor((m) => m.to === gus.account.email);
    expect(mail.text).toContain('thanks for the notes');
    expect(mail.text).not.toContain('Reactions');
    expect(mail.subject).toBe(`Your daily digest: ${bo.account.display_name} mentioned you`);
  });

  it('is weekly by default, on Mondays', async () => {
    const dee = await person(t);
    const bo = await person(t);
    await post(bo, `@${dee.account.username} weekly news`);
    const monday = nextRun(9, true);
    await run(monday + DAY_MS);
    expect(digestsTo(dee)).toHaveLength(0);
    await run(monday);
    const mail = await catcher.waitFor((m) => m.to === dee.account.email);
    expect(mail.subject).toMatch(/^Your weekly digest: /);
    expect(mail.text).toContain('weekly news');
  });

  it('leaves out what the person may no longer see, and skips suspended accounts', async () => {
    const eve = await person(t);
    const fay = await person(t);
    const bo = await person(t);
    for (const p of [eve, fay]) await p.api.put(PREFS, { digest: 'daily' });
    await post(bo, `@${eve.account.username} @${fay.account.username} hello both`);
    expect((await bo.api.post(`/api/v1/accounts/${eve.account.id}/block`)).status).toBe(200);
    await updateAccount(t.ctx.db, fay.account.id, { suspended: 1, suspended_at: Date.now() });
    await run(nextRun(10));
    expect(digestsTo(eve)).toEqual([]);
    expect(digestsTo(fay)).toEqual([]);
  });
});

describe('one-click unsubscribe', () => {
  it('works from the received header without a session, and the next digest is not sent', async () => {
    const ana = await person(t);
    const bo = await person(t);
    await ana.api.put(PREFS, { digest: 'daily' });
    await post(bo, `@${ana.account.username} first digest item`);
    const morning = nextRun(11);
    await run(morning);
    const mail = await catcher.waitFor((m) => m.to === ana.account.email);
    const header = mail.headers.get('list-unsubscribe') ?? '';
    const url = new URL(/^<([^>]+)>$/.exec(header)?.[1] ?? '');

    // A forged token (another account's id, or one character changed) is refused.
    const token = url.searchParams.get('token') ?? '';
    const [payload, signature] = token.split('.');
    const forged = `${Buffer.from(`${bo.account.id}:digest:daily`).toString('base64url')}.${signature}`;
    const altered = `${payload}.${signature?.slice(0, -1)}${signature?.endsWith('A') ? 'B' : 'A'}`;
    for (const bad of [forged, altered, 'nonsense', `${token}.x`]) {
      const reply = await t.app.inject({
        method: 'POST',
        url: `${url.pathname}?token=${encodeURIComponent(bad)}`,
        ...formBody({ 'List-Unsubscribe': 'One-Click' }),
      });
      expect(reply.statusCode, bad).toBe(400);
      expect(reply.json().code).toBe('invalid_unsubscribe_token');
    }
    expect((await ana.api.get(PREFS)).body.digest).toBe('daily');
    expect((await bo.api.get(PREFS)).body.digest).toBe('weekly');

    // What a mail app does: POST the header's URL with the one-click body, no cookie.
    const reply = await t.app.inject({
      method: 'POST',
      url: `${url.pathname}${url.search}`,
      ...formBody({ 'List-Unsubscribe': 'One-Click' }),
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({
      kind: 'digest',
      type: null,
      frequency: 'daily',
      subscribed: false,
    });
    expect((await ana.api.get(PREFS)).body.digest).toBe('off');

    await post(bo, `@${ana.account.username} after unsubscribing`);
    await run(morning + DAY_MS);
    expect(digestsTo(ana)).toHaveLength(1);

    // Opened in a browser instead: the page in the web app, which can undo.
    const get = await t.app.inject({ method: 'GET', url: `${url.pathname}${url.search}` });
    expect(get.statusCode).toBe(303);
    expect(get.headers.location).toBe(`/unsubscribe?token=${encodeURIComponent(token)}`);
    const undo = await t.app.inject({
      method: 'POST',
      url: `/api/rapport/v1/mail/resubscribe?token=${token}`,
    });
    expect(undo.json().subscribed).toBe(true);
    expect((await ana.api.get(PREFS)).body.digest).toBe('daily');
  });

  it('turns off the email of one notification type from an immediate email', async () => {
    const ana = await person(t);
    const bo = await person(t);
    await ana.api.put(PREFS, { types: { mention: { email: true } } });
    await post(bo, `@${ana.account.username} mention me by mail`);
    const mail = await catcher.waitFor((m) => m.to === ana.account.email);
    const token = /token=([\w.-]+)/.exec(mail.text)?.[1] ?? '';
    const info = await t.app.inject({
      method: 'GET',
      url: `/api/rapport/v1/mail/subscription?token=${token}`,
    });
    expect(info.json()).toEqual({
      kind: 'notification',
      type: 'mention',
      frequency: null,
      subscribed: true,
    });
    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/rapport/v1/mail/unsubscribe?token=${token}`,
    });
    expect(reply.statusCode).toBe(200);
    const prefs = (await ana.api.get(PREFS)).body;
    expect(prefs.types.mention).toEqual({ in_app: true, email: false, push: true });
    await post(bo, `@${ana.account.username} not by mail any more`);
    expect(catcher.to(ana.account.email)).toHaveLength(1);
  });
});

// Last in the file: a run on the real clock mails everyone whose digest is due today.
describe('the scheduler', () => {
  it('sends due digests on its own, in the server process', async () => {
    const hal = await person(t);
    const bo = await person(t);
    // A time zone where it is now between 09:00 and 20:00, so a daily digest is due.
    const offset = Math.max(-12, Math.min(14, 14 - new Date().getUTCHours()));
    const zone = `Etc/GMT${offset >= 0 ? '-' : '+'}${Math.abs(offset)}`;
    const put = await hal.api.put(PREFS, {
      digest: 'daily',
      quiet_hours: { enabled: false, from: '22:00', to: '07:00', time_zone: zone },
    });
    expect(put.status, put.text).toBe(200);
    await post(bo, `@${hal.account.username} picked up by the scheduler`);
    const stop = startDigestScheduler(t.ctx, 60_000, 0);
    try {
      const mail = await catcher.waitFor((m) => m.to === hal.account.email);
      expect(mail.text).toContain('picked up by the scheduler');
    } finally {
      await stop();
    }
  });
});
