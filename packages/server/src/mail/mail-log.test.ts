import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { api } from '../../test/http';

let t: TestApp;
const lines: Array<Record<string, unknown>> = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  // No SMTP_URL: the default of `npm start` and the demo.
  t = await startTestApp({ RAPPORT_LOG_LEVEL: 'info' }, { logTo: sink });
});
afterAll(() => t.close());

describe('without SMTP_URL', () => {
  it('writes each mail to the log, one line with to, subject and the text part, and sends nothing', async () => {
    const { account } = await createAccountWithToken(t.ctx);
    const reply = await api(t.app).post('/api/rapport/v1/password/forgot', {
      email: account.email,
    });
    expect(reply.status).toBe(202);
    await t.ctx.events.settled();
    const logged = lines.filter((line) => line.msg === 'mail not sent (SMTP_URL is not set)');
    expect(logged).toHaveLength(1);
    const mail = logged[0]?.mail as { to: string; subject: string; text: string };
    expect(mail.to).toBe(account.email);
    expect(mail.subject).toBe('Reset your Rapport password');
    expect(mail.text).toMatch(new RegExp(`${t.url}/reset-password\\?token=\\S+`));
    // Logged means done: nothing waits in the outbox.
    expect(await t.ctx.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
  });

  it('keeps tokens in page addresses out of the request log', async () => {
    await t.app.inject({ method: 'GET', url: '/reset-password?token=s3cret-value' });
    const logged = JSON.stringify(lines);
    expect(logged).not.toContain('s3cret-value');
  });
});
