import type { Status, StatusAudience } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../test/factories';
import { startTestApp, type TestApp } from '../../test/harness';
import { api } from '../../test/http';
import { revokeTokenByHash } from '../features/oauth/tokens.queries';
import { hashToken } from '../lib/tokens';
import type { StreamSocket } from './connection';
import { StreamHub } from './hub';
import { neutralStatus } from './render';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

/** A socket that records what the hub does with it. */
class FakeSocket {
  readyState = 1;
  bufferedAmount = 0;
  sent: Buffer[] = [];
  pings = 0;
  closedWith: number | null = null;
  terminated = false;
  send(data: Buffer) {
    this.sent.push(data);
  }
  ping() {
    this.pings += 1;
  }
  close(code: number) {
    this.closedWith = code;
    this.readyState = 3;
  }
  terminate() {
    this.terminated = true;
    this.readyState = 3;
  }
}

async function connected(hub: StreamHub, streams: string[] = []) {
  const { account, token } = await createAccountWithToken(t.ctx);
  const tokenRow = await t.ctx.db
    .selectFrom('access_tokens')
    .select('id')
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirstOrThrow();
  const socket = new FakeSocket();
  const viewer = { id: account.id, username: account.username, role: account.role };
  const connection = hub.open(socket as unknown as StreamSocket, viewer, tokenRow.id, true);
  await hub.load(connection);
  for (const stream of streams) {
    hub.subscribe(connection, stream, `{"stream":${JSON.stringify([stream])},"event":`);
  }
  return { account, token, socket, connection };
}

/** Fake sockets never report closing: shutdown need not wait long for them. */
const newHub = () => new StreamHub(t.ctx, { closeGraceMs: 10 });

async function until(condition: () => boolean) {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('the hub', () => {
  it('renders an event once and sends the same bytes to every connection', async () => {
    const hub = newHub();
    const a = await connected(hub, ['public:local']);
    const b = await connected(hub, ['public:local']);
    const c = await connected(hub, ['public']);
    const writer = await createAccountWithToken(t.ctx);
    const posted = await api(t.app, writer.token).post('/api/v1/statuses', { status: 'hi' });
    const audience: StatusAudience = {
      status_id: posted.body.id,
      account_id: String(writer.account.id),
      visibility: 'public',
      reblog_of_id: null,
      mentioned_ids: [],
      home_ids: [String(writer.account.id)],
      tags: [],
      community: null,
      hidden: false,
    };
    await hub.deliver({ type: 'status.created', audience });
    const [first] = a.socket.sent;
    expect(first).toBeInstanceOf(Buffer);
    expect(b.socket.sent[0]).toBe(first);
    const message = JSON.parse(String(first));
    expect(Object.keys(message)).toEqual(['stream', 'event', 'payload']);
    expect(message.stream).toEqual(['public:local']);
    expect(message.event).toBe('update');
    expect(JSON.parse(message.payload).id).toBe(posted.body.id);
    expect(JSON.parse(String(c.socket.sent[0])).stream).toEqual(['public']);
    await hub.shutdown();
  });

  it('pings every connection and drops one that stopped answering', async () => {
    const hub = newHub();
    const answering = await connected(hub);
    const silent = await connected(hub);
    await hub.keepaliveRound();
    expect(answering.socket.pings).toBe(1);
    expect(silent.socket.pings).toBe(1);
    answering.connection.alive = true; // its pong
    await hub.keepaliveRound();
    expect(silent.socket.terminated).toBe(true);
    expect(answering.socket.terminated).toBe(false);
    expect(answering.socket.pings).toBe(2);
    await hub.shutdown();
  });

  it('runs keepalive rounds on a timer once started', async () => {
    const hub = new StreamHub(t.ctx, { keepaliveMs: 10, closeGraceMs: 10 });
    hub.start();
    const client = await connected(hub);
    await until(() => client.socket.pings > 0);
    await hub.shutdown();
  });

  it('closes a stream whose token was revoked (sign-out, password change)', async () => {
    const hub = newHub();
    const kept = await connected(hub);
    const revoked = await connected(hub);
    await revokeTokenByHash(t.ctx.db, hashToken(revoked.token));
    await hub.keepaliveRound();
    expect(revoked.socket.closedWith).toBe(1008);
    expect(kept.socket.closedWith).toBeNull();
    await hub.shutdown();
  });

  it('drops a client that does not read what it is sent', async () => {
    const hub = newHub();
    const slow = await connected(hub);
    slow.socket.bufferedAmount = 64 * 1024 * 1024;
    slow.connection.send(Buffer.from('{}'));
    expect(slow.socket.terminated).toBe(true);
    expect(slow.socket.sent).toEqual([]);
    await hub.shutdown();
  });

  it('forgets closed connections and closes the rest on shutdown', async () => {
    const hub = newHub();
    const gone = await connected(hub, ['public', 'hashtag:x']);
    const staying = await connected(hub, ['user']);
    expect(hub.size).toBe(2);
    hub.remove(gone.connection);
    hub.remove(gone.connection);
    expect(hub.size).toBe(1);
    // A socket that closed while loading subscribes to nothing afterwards.
    hub.subscribe(gone.connection, 'public', '{"stream":["public"],"event":');
    expect(gone.connection.streams.size).toBe(0);
    await hub.shutdown();
    expect(staying.socket.closedWith).toBe(1001);
    expect(staying.socket.terminated).toBe(true);
    // After shutdown nothing is delivered.
    await hub.deliver({
      type: 'notification.created',
      notification_id: '1',
      account_id: String(staying.account.id),
    });
    expect(staying.socket.sent).toEqual([]);
  });

  it('applies a block that arrives while a connection’s relations load', async () => {
    const hub = newHub();
    const { account, token } = await createAccountWithToken(t.ctx);
    const tokenRow = await t.ctx.db
      .selectFrom('access_tokens')
      .select('id')
      .where('token_hash', '=', hashToken(token))
      .executeTakeFirstOrThrow();
    const other = await createAccountWithToken(t.ctx);
    const connection = hub.open(
      new FakeSocket() as unknown as StreamSocket,
      { id: account.id, username: account.username, role: account.role },
      tokenRow.id,
      true,
    );
    const loading = hub.load(connection);
    // The row lands and its event arrives while the first read may already have run.
    await t.ctx.db
      .insertInto('blocks')
      .values({
        id: Date.now(),
        account_id: account.id,
        target_account_id: other.account.id,
        created_at: 0,
      })
      .execute();
    await hub.deliver({
      type: 'block.created',
      account_id: String(account.id),
      target_id: String(other.account.id),
    });
    await loading;
    expect(connection.blocking(other.account.id)).toBe(true);
    await hub.shutdown();
  });
});

describe('neutralStatus', () => {
  const base = {
    id: '1',
    application: null,
    favourited: false,
    reblogged: false,
    bookmarked: false,
    muted: false,
    pinned: false,
    poll: null,
    reblog: null,
  } as unknown as Status;

  it('keeps a status that depends on no viewer as it is', () => {
    expect(neutralStatus(base)).toBe(base);
  });

  it('removes what only its viewer should see, in the boosted status too', () => {
    const marked = {
      ...base,
      application: { name: 'Rapport Web', website: null },
      reblog: {
        ...base,
        id: '2',
        favourited: true,
        poll: { id: '3', voted: true, own_votes: [0], options: [] },
      },
    } as unknown as Status;
    const neutral = neutralStatus(marked);
    expect(neutral.application).toBeNull();
    expect(neutral.reblog?.favourited).toBe(false);
    expect(neutral.reblog?.poll).toEqual({ id: '3', options: [] });
    expect(marked.reblog?.favourited).toBe(true);
  });
});
