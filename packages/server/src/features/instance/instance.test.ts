import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ RAPPORT_REGISTRATIONS: 'invite' });
  await createAccount(t.ctx, { role: 'admin' });
  await createAccount(t.ctx);
  await createAccount(t.ctx, { profile: { suspended: 1 } });
});
afterAll(() => t.close());

describe('instance metadata', () => {
  it('GET /api/v1/instance describes the server to Mastodon apps', async () => {
    const res = await api(t.app).get('/api/v1/instance');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      uri: new URL(t.url).host,
      title: 'Rapport',
      urls: { streaming_api: t.url.replace(/^http/, 'ws') },
      stats: { user_count: 2 },
      registrations: false,
      approval_required: false,
      invites_enabled: true,
      configuration: { accounts: { max_profile_fields: 8, max_display_name_length: 100 } },
    });
    expect(res.body.version).toMatch(/^4\.3\.0 \(compatible; Rapport \d+\.\d+\.\d+\)$/);
  });

  it('GET /api/v2/instance says invitations are needed', async () => {
    const res = await api(t.app).get('/api/v2/instance');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      domain: new URL(t.url).host,
      registration_mode: 'invite',
      registrations: { enabled: false, message: expect.stringMatching(/invitation/) },
      usage: { users: { active_month: 2 } },
      api_versions: { mastodon: 2 },
    });
  });

  it('GET /api/rapport/v1/server tells the web app what to show before sign-in', async () => {
    const res = await api(t.app).get('/api/rapport/v1/server');
    expect(res.body).toEqual({
      title: 'Rapport',
      version: expect.any(String),
      registrations: 'invite',
      setup_required: false,
    });
  });

  it('GET /api/v1/custom_emojis is an empty list', async () => {
    const res = await api(t.app).get('/api/v1/custom_emojis');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([]);
  });
});

describe('a closed server', () => {
  let closed: TestApp;
  beforeAll(async () => {
    closed = await startTestApp({ RAPPORT_REGISTRATIONS: 'closed' });
  });
  afterAll(() => closed.close());

  it('offers neither registrations nor invitations', async () => {
    const v1 = await api(closed.app).get('/api/v1/instance');
    expect(v1.body).toMatchObject({ registrations: false, invites_enabled: false });
    const v2 = await api(closed.app).get('/api/v2/instance');
    expect(v2.body.registrations).toMatchObject({ enabled: false, message: null });
    expect(v2.body.registration_mode).toBe('closed');
    const server = await api(closed.app).get('/api/rapport/v1/server');
    expect(server.body).toMatchObject({ registrations: 'closed', setup_required: true });
  });
});
