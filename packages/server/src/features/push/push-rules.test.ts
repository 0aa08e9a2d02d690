import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { ConfigError, loadConfig } from '../../config';
import { alertAllows, endpointProblem, policyAllows, resolveAlerts } from './push.rules';
import { plainText, truncate } from './push-message';
import { vapidSubject } from './vapid';

describe('endpoints', () => {
  it('take https on public addresses, and what the admin listed', () => {
    expect(endpointProblem('https://fcm.googleapis.com/fcm/send/abc', [])).toBeUndefined();
    expect(endpointProblem('https://8.8.8.8/w', [])).toBeUndefined();
    expect(endpointProblem('http://push.example.com/w', [])).toBe('must be an https URL');
    expect(endpointProblem('https://192.168.1.9/w', [])).toBe('must be on a public address');
    expect(endpointProblem('https://[fd00::1]/w', [])).toBe('must be on a public address');
    expect(endpointProblem('https://relay.localhost/w', [])).toBe('must be on a public address');
    expect(endpointProblem('http://127.0.0.1:8080/w', ['127.0.0.1'])).toBeUndefined();
    expect(endpointProblem('http://ntfy.intranet/w', ['ntfy.intranet'])).toBeUndefined();
    expect(endpointProblem('http://other.intranet/w', ['ntfy.intranet'])).toBe(
      'must be an https URL',
    );
  });
});

describe('alerts and policy', () => {
  it('default to off, and Rapport types follow the nearest Mastodon alert', () => {
    const alerts = resolveAlerts({ mention: true, update: true, event_changed: false });
    expect(alerts).toMatchObject({
      mention: true,
      favourite: false,
      chat_message: true,
      question_suggested: true,
      event_cancelled: true,
      event_changed: false,
      community_invitation: false,
    });
    const app = { kind: 'mastodon' as const, alerts };
    expect(alertAllows(app, 'chat_message')).toBe(true);
    expect(alertAllows(app, 'favourite')).toBe(false);
    // The web app's subscription lets everything through: preferences decide.
    expect(alertAllows({ kind: 'web', alerts: resolveAlerts({}) }, 'favourite')).toBe(true);
  });

  it('reads the policy from the subscriber’s side', () => {
    const stranger = { iFollowThem: false, theyFollowMe: false };
    const followed = { iFollowThem: true, theyFollowMe: false };
    const follower = { iFollowThem: false, theyFollowMe: true };
    expect(policyAllows('all', stranger)).toBe(true);
    expect(policyAllows('none', { iFollowThem: true, theyFollowMe: true })).toBe(false);
    expect(policyAllows('followed', followed)).toBe(true);
    expect(policyAllows('followed', follower)).toBe(false);
    expect(policyAllows('follower', follower)).toBe(true);
    expect(policyAllows('follower', followed)).toBe(false);
  });
});

describe('the message text', () => {
  it('is plain text, entities decoded once, cut at 140 characters', () => {
    expect(
      plainText('<p>Hi <a href="/@x" class="mention">@x</a> &amp;lt;b&amp;gt;</p><p>two</p>'),
    ).toBe('Hi @x &lt;b&gt;\n\ntwo');
    expect(plainText('a<br>b &#39;c&#39; &#x1F600;')).toBe("a\nb 'c' 😀");
    const long = 'é'.repeat(200);
    expect([...truncate(long)]).toHaveLength(140);
    expect(truncate(long).endsWith('…')).toBe(true);
    expect(truncate('  short\n text ')).toBe('short text');
  });
});

describe('the VAPID subject', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is the configured one, else the first admin, else the https URL, else a postmaster', async () => {
    expect(await vapidSubject(t.ctx)).toBe('mailto:postmaster@127.0.0.1');
    const https = { ...t.ctx, config: { ...t.ctx.config, publicUrl: 'https://rapport.example' } };
    expect(await vapidSubject(https)).toBe('https://rapport.example');
    await createAccount(t.ctx, { role: 'admin', email: 'it@meridian.example' });
    expect(await vapidSubject(https)).toBe('mailto:it@meridian.example');
    const configured = {
      ...t.ctx,
      config: {
        ...t.ctx.config,
        push: { ...t.ctx.config.push, vapidSubject: 'mailto:ops@x.example' },
      },
    };
    expect(await vapidSubject(configured)).toBe('mailto:ops@x.example');
  });

  it('must be a mailto: address or an https URL when configured', () => {
    expect(() => loadConfig({ RAPPORT_VAPID_SUBJECT: 'http://rapport.example' })).toThrow(
      ConfigError,
    );
    expect(loadConfig({ RAPPORT_VAPID_SUBJECT: 'mailto:ops@x.example' }).push.vapidSubject).toBe(
      'mailto:ops@x.example',
    );
    expect(loadConfig({ RAPPORT_PUSH_ALLOW: '127.0.0.1, Relay.Intranet' }).push.allow).toEqual([
      '127.0.0.1',
      'relay.intranet',
    ]);
  });
});
