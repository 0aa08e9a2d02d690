import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { type Person, person } from '../streaming/streaming.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const base = '/api/rapport/v1/relationships';

async function post(author: Person, status: string, inReplyTo?: string) {
  const res = await author.api.post('/api/v1/statuses', {
    status,
    ...(inReplyTo ? { in_reply_to_id: inReplyTo } : {}),
  });
  expect(res.status).toBe(200);
  return res.body.id as string;
}

describe('my network and the person card', () => {
  it('is empty for someone who has crossed paths with nobody', async () => {
    const ana = await person(t);
    const { status, body } = await ana.api.get(base);
    expect(status).toBe(200);
    expect(body).toEqual([]);
  });

  it('a favourite is an encounter, one way; replies both ways are recognition, with evidence', async () => {
    const ana = await person(t);
    const ben = await person(t);
    const first = await post(ben, 'Shipping the #design review today');
    expect((await ana.api.post(`/api/v1/statuses/${first}/favourite`)).status).toBe(200);

    let card = (await ana.api.get(`${base}/${ben.account.id}`)).body;
    expect(card.stage).toBe('encounter');
    expect(card.reciprocated).toBe(false);
    expect(card.advice.tone).toBe('cold');
    expect(card.evidence.map((e: { text: string }) => e.text)).toEqual([
      `You favourited ${ben.account.display_name}'s posts once`,
    ]);

    const reply = await post(ana, `@${ben.account.username} looks great`, first);
    await post(ben, `@${ana.account.username} thanks!`, reply);
    card = (await ana.api.get(`${base}/${ben.account.id}`)).body;
    expect(card.stage).toBe('recognition');
    expect(card.reciprocated).toBe(true);
    expect(card.advice.tone).toBe('warm');
    expect(card.last_substantive_at).not.toBeNull();
    expect(card.evidence.map((e: { text: string }) => e.text)).toContain(
      'You replied to each other twice',
    );

    const list = (await ana.api.get(base)).body;
    expect(list.map((r: { account: { id: string } }) => r.account.id)).toEqual([
      String(ben.account.id),
    ]);
    expect((await ana.api.get(`${base}?stage=recognition`)).body).toHaveLength(1);
    expect((await ana.api.get(`${base}?stage=encounter`)).body).toHaveLength(0);
    expect((await ana.api.get(`${base}?dormant=true`)).body).toHaveLength(0);
    // Ben sees the same stage from his side.
    expect((await ben.api.get(`${base}/${ana.account.id}`)).body.stage).toBe('recognition');
  });

  it('keeps a private note, a reminder and marks that count only when both set them', async () => {
    const ana = await person(t);
    const ben = await person(t);
    const put = await ana.api.put(`${base}/${ben.account.id}`, {
      note: 'Met at the Lisbon offsite',
      remind_every_days: 30,
      trusted: true,
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      note: 'Met at the Lisbon offsite',
      remind_every_days: 30,
      trusted: true,
      mutual_trusted: false,
      stage: 'none',
    });
    // Ben is not told Ana marked him.
    const bens = (await ben.api.get(`${base}/${ana.account.id}`)).body;
    expect(bens).toMatchObject({ trusted: false, mutual_trusted: false, note: '', stage: 'none' });

    await ben.api.put(`${base}/${ana.account.id}`, { trusted: true });
    expect((await ana.api.get(`${base}/${ben.account.id}`)).body).toMatchObject({
      stage: 'trusted',
      mutual_trusted: true,
    });
    await ana.api.put(`${base}/${ben.account.id}`, { close: true });
    expect((await ana.api.get(`${base}/${ben.account.id}`)).body.stage).toBe('trusted');
    await ben.api.put(`${base}/${ana.account.id}`, { close: true });
    expect((await ben.api.get(`${base}/${ana.account.id}`)).body).toMatchObject({
      stage: 'close',
      mutual_close: true,
    });
    // Taking a mark back undoes the declared stage.
    await ben.api.put(`${base}/${ana.account.id}`, { close: false, trusted: false });
    expect((await ana.api.get(`${base}/${ben.account.id}`)).body.stage).toBe('none');
  });

  it('rejects bad input with a clear message and changes nothing', async () => {
    const ana = await person(t);
    const ben = await person(t);
    const long = await ana.api.put(`${base}/${ben.account.id}`, { note: 'x'.repeat(2001) });
    expect(long.status).toBe(422);
    const days = await ana.api.put(`${base}/${ben.account.id}`, { remind_every_days: 0 });
    expect(days.status).toBe(422);
    expect(days.text).toContain('at least 1 day');
    const self = await ana.api.put(`${base}/${ana.account.id}`, { note: 'me' });
    expect(self.status).toBe(422);
    expect((await ana.api.get(`${base}/999999999`)).status).toBe(404);
    expect((await ana.api.get(`${base}?max_id=12345`)).status).toBe(400);
    expect((await ana.api.get(`${base}?stage=none`)).status).toBe(400);
    const rows = await t.ctx.db
      .selectFrom('relationships')
      .selectAll()
      .where('owner_id', '=', ana.account.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('pages strongest first with max_id', async () => {
    const ana = await person(t);
    const others: Person[] = [];
    for (let i = 0; i < 5; i++) others.push(await person(t));
    for (const [i, other] of others.entries()) {
      const id = await post(other, `Post ${i}`);
      // More favourites, stronger: each other favourites i+1 of Ana's... simpler: Ana favourites their posts.
      for (let j = 0; j <= i; j++) {
        const extra = j === 0 ? id : await post(other, `Post ${i}.${j}`);
        await ana.api.post(`/api/v1/statuses/${extra}/favourite`);
      }
    }
    const first = await ana.api.get(`${base}?limit=2`);
    expect(first.body.map((r: { account: { id: string } }) => r.account.id)).toEqual([
      String(others[4]?.account.id),
      String(others[3]?.account.id),
    ]);
    const next = /max_id=(\d+)/.exec(String(first.headers.link ?? ''))?.[1];
    const second = await ana.api.get(`${base}?limit=2&max_id=${next}`);
    expect(second.body.map((r: { account: { id: string } }) => r.account.id)).toEqual([
      String(others[2]?.account.id),
      String(others[1]?.account.id),
    ]);
  });
});

describe('privacy: only the person sees their relationships', () => {
  it('nobody else, admin included, reads them, and nobody learns the other side', async () => {
    const ana = await person(t);
    const ben = await person(t);
    const eve = await person(t);
    const admin = await createAccountWithToken(t.ctx, { role: 'admin' });
    const boss = api(t.app, admin.token);
    const first = await post(ben, 'Our roadmap');
    const reply = await post(ana, `@${ben.account.username} +1`, first);
    await post(ben, `@${ana.account.username} thanks`, reply);
    await ana.api.put(`${base}/${ben.account.id}`, { note: 'secret note', trusted: true });

    for (const viewer of [eve.api, boss]) {
      // Their own view of Ana or Ben is their own (empty) relationship, never Ana's.
      const card = (await viewer.get(`${base}/${ben.account.id}`)).body;
      expect(card).toMatchObject({ stage: 'none', note: '', trusted: false, evidence: [] });
      expect((await viewer.get(base)).body).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('secret note');
    }
    // There is no parameter to ask for another person's list.
    const sneaky = await boss.get(`${base}?account_id=${ana.account.id}`);
    expect(sneaky.body).toEqual([]);
    // Without a token: 401.
    expect((await api(t.app).get(base)).status).toBe(401);
  });

  it('a guest sees only people they may see', async () => {
    const guest = await createAccountWithToken(t.ctx, { role: 'guest' });
    const ben = await person(t);
    const res = await api(t.app, guest.token).get(`${base}/${ben.account.id}`);
    expect(res.status).toBe(404);
  });
});
