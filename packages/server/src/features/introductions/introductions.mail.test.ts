import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { type MailCatcher, startMailCatcher } from '../../../test/mail-catcher';
import { person } from '../streaming/streaming.fixtures';
import { ask, BASE, know } from './introductions.fixtures';

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

describe('introductions by email', () => {
  it('mails the introducer a request, and the target what was passed on, at once by default', async () => {
    const requester = await person(t, 'ana_intro');
    const introducer = await person(t, 'bruno_intro');
    const target = await person(t, 'carla_intro');
    await know(t, requester, introducer);
    await know(t, introducer, target);

    const id = (await ask(requester, introducer, target, 'About the billing roadmap')).body.id;
    await t.ctx.events.settled();
    const request = await catcher.waitFor((m) => m.to === 'bruno_intro@example.com');
    expect(request.subject).toBe(`${requester.account.display_name} asked you for an introduction`);
    expect(request.text).toContain(
      `${requester.account.display_name} would like to meet ${target.account.display_name}`,
    );
    expect(request.text).toContain(`${t.url}/network/introductions`);

    expect((await introducer.api.post(`${BASE}/${id}/forward`)).status).toBe(200);
    await t.ctx.events.settled();
    const passedOn = await catcher.waitFor((m) => m.to === 'carla_intro@example.com');
    expect(passedOn.subject).toBe(`${introducer.account.display_name} passed on an introduction`);
    expect(passedOn.text).toContain(`${requester.account.display_name} would like to meet you`);
  });
});
