import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { hashToken } from '../../lib/tokens';
import { revokeTokenByHash } from '../oauth/tokens.queries';
import { refusal, StreamClient, streamKit } from './stream-client';
import { person } from './streaming.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
});
afterAll(() => t.close());

const { connect, post, ready, track } = streamKit(() => t);

describe('the streaming endpoint', () => {
  it('answers the health check with OK', async () => {
    const res = await fetch(`${t.url}/api/v1/streaming/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('OK');
  });

  it('asks plain HTTP requests for a WebSocket upgrade', async () => {
    const ana = await person(t);
    const res = await ana.api.get('/api/v1/streaming');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatch(/WebSocket/);
  });
});

describe('authentication', () => {
  it('refuses an upgrade without a valid credential with 401', async () => {
    expect(await refusal(t.url)).toBe(401);
    expect(await refusal(t.url, { query: { access_token: 'not-a-token' } })).toBe(401);
    expect(await refusal(t.url, { protocols: ['not-a-token'] })).toBe(401);
    const ana = await person(t);
    await revokeTokenByHash(t.ctx.db, hashToken(ana.token));
    expect(await refusal(t.url, { token: ana.token })).toBe(401);
  });

  it('refuses a token that reads neither statuses nor notifications', async () => {
    const ana = await person(t);
    const writeOnly = await tokenFor(t.ctx, ana.account, ['write:statuses']);
    expect(await refusal(t.url, { query: { access_token: writeOnly } })).toBe(403);
  });

  it('takes the token from the query, the WebSocket protocol or the Authorization header', async () => {
    const ana = await person(t);
    const viaQuery = await StreamClient.open(t.url, {
      query: { access_token: ana.token, stream: 'user' },
    });
    const viaProtocol = await StreamClient.open(t.url, {
      query: { stream: 'user' },
      protocols: [ana.token],
    });
    // Mastodon apps send the token as the protocol; the server must echo it or browsers hang up.
    expect(viaProtocol.socket.protocol).toBe(ana.token);
    const viaHeader = await StreamClient.open(t.url, {
      token: ana.token,
      query: { stream: 'user' },
    });
    track(viaQuery, viaProtocol, viaHeader);
    for (const client of [viaQuery, viaProtocol, viaHeader]) await ready(client);
    const status = await post(ana, { status: 'hello streams' });
    for (const client of [viaQuery, viaProtocol, viaHeader]) {
      const message = await client.next();
      expect(message).toMatchObject({ stream: ['user'], event: 'update' });
      expect(message.data.id).toBe(status.id);
    }
  });

  it('takes the web app’s session cookie from its own origin only', async () => {
    const ana = await person(t);
    const signIn = await api(t.app).post('/api/rapport/v1/session', {
      login: ana.account.username,
      password: PASSWORD,
    });
    expect(signIn.status).toBe(200);
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] as string;
    const origin = new URL(t.url).origin;
    const client = await StreamClient.open(t.url, {
      headers: { cookie, origin },
      query: { stream: 'user' },
    });
    track(client);
    await ready(client);
    const status = await post(ana, { status: 'from the web app' });
    expect((await client.next()).data.id).toBe(status.id);
    // Another site's page opening the stream with the visitor's cookie.
    expect(await refusal(t.url, { headers: { cookie, origin: 'https://evil.example' } })).toBe(403);
    expect(await refusal(t.url, { headers: { cookie } })).toBe(403);
    // The cookie never stands in for a token in the query.
    expect(await refusal(t.url, { query: { access_token: cookie.split('=')[1] as string } })).toBe(
      401,
    );
  });

  it('closes a stream whose account is suspended', async () => {
    const ana = await person(t);
    const client = await connect(ana, { stream: 'user' });
    t.ctx.events.emit({
      type: 'account.suspended',
      account_id: String(ana.account.id),
      by_id: null,
    });
    expect((await client.waitClosed()).code).toBe(1008);
  });
});

describe('limits and shutdown', () => {
  it('lets a client reconnect freely without spending the API budget, within its own limit', async () => {
    const limited = await startTestApp(
      { RAPPORT_RATE_LIMIT: 'on', RAPPORT_RATE_LIMIT_API: '3/1m' },
      { listen: true },
    );
    try {
      const ana = await person(limited);
      for (let i = 0; i < 10; i++) {
        const client = await StreamClient.open(limited.url, {
          token: ana.token,
          query: { stream: 'user' },
        });
        client.close();
        await client.waitClosed();
      }
      expect((await ana.api.get('/api/v1/accounts/verify_credentials')).status).toBe(200);
      // A client opening sockets in a loop is stopped at the streaming budget.
      const { STREAMING_UPGRADES } = await import('../../http/rate-limit');
      let refusedWith = 0;
      for (let i = 0; i < STREAMING_UPGRADES.max && refusedWith === 0; i++) {
        try {
          const client = await StreamClient.open(limited.url, { token: ana.token });
          client.close();
        } catch (error) {
          refusedWith = (error as { status?: number }).status ?? -1;
        }
      }
      expect(refusedWith).toBe(429);
      // Another person is not affected.
      const bo = await person(limited);
      const other = await StreamClient.open(limited.url, { token: bo.token });
      other.close();
    } finally {
      await limited.close();
    }
  });

  it('says goodbye (1001) to every client when the app closes', async () => {
    const own = await startTestApp({}, { listen: true });
    const ana = await person(own);
    const clients = await Promise.all(
      [1, 2, 3].map(() =>
        StreamClient.open(own.url, { token: ana.token, query: { stream: 'user' } }),
      ),
    );
    await own.close();
    for (const client of clients) expect((await client.waitClosed()).code).toBe(1001);
  });
});
