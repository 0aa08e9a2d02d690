import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, tokenFor } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { statusIds, streamKit } from './stream-client';
import { block, follow, mute, person, unblock, unmute } from './streaming.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
});
afterAll(() => t.close());

const { connect, quiet, subscribe, post } = streamKit(() => t);

describe('subscriptions', () => {
  it('subscribes and unsubscribes with messages', async () => {
    const reader = await person(t);
    const writer = await person(t);
    const client = await connect(reader);
    await post(writer, { status: 'nobody listens yet' });
    expect(await quiet(client)).toEqual([]);
    await subscribe(client, 'public:local');
    const during = await post(writer, { status: 'now someone does' });
    expect(statusIds(await quiet(client))).toEqual([during.id]);
    client.send({ type: 'unsubscribe', stream: 'public:local' });
    await quiet(client);
    await post(writer, { status: 'gone again' });
    expect(await quiet(client)).toEqual([]);
  });

  it('delivers to each subscribed stream with its name', async () => {
    const reader = await person(t);
    const writer = await person(t);
    await follow(t, reader, writer);
    const client = await connect(reader, { stream: 'user' });
    await subscribe(client, 'public');
    await subscribe(client, 'public:local');
    await subscribe(client, 'hashtag', { tag: 'Design' });
    await subscribe(client, 'hashtag:local', { tag: 'design' });
    const status = await post(writer, { status: 'New logo #design' });
    const seen = await quiet(client);
    expect(seen.map((m) => m.stream)).toEqual(
      expect.arrayContaining([
        ['user'],
        ['public'],
        ['public:local'],
        ['hashtag', 'Design'],
        ['hashtag:local', 'design'],
      ]),
    );
    expect(seen).toHaveLength(5);
    for (const message of seen) {
      expect(message.event).toBe('update');
      expect(message.data.id).toBe(status.id);
    }
  });

  it('answers bad requests with Mastodon-style errors and stays open', async () => {
    const ana = await person(t);
    const client = await connect(ana, { stream: 'nonsense' });
    expect(await client.next()).toMatchObject({ error: 'Unknown stream type', status: 400 });
    client.send({ type: 'subscribe', stream: 'hashtag' });
    expect(await client.next()).toMatchObject({ error: 'No tag for stream provided', status: 400 });
    client.socket.send('not json');
    expect((await client.next()).error).toMatch(/parsing/);
    client.send({ type: 'subscribe', stream: 'list', list: '1' });
    expect((await client.next()).status).toBe(401);
    // Unknown message types are ignored.
    client.send({ type: 'ping' });
    await subscribe(client, 'user');
    const status = await post(ana, { status: 'still here' });
    expect((await client.next()).data.id).toBe(status.id);
  });

  it('needs the notifications scope for notification streams', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const statusesOnly = await tokenFor(t.ctx, ana.account, ['read:statuses']);
    const client = await connect(statusesOnly, { stream: 'user' });
    client.send({ type: 'subscribe', stream: 'user:notification' });
    expect(await client.next()).toMatchObject({
      error: 'Access token does not have the required scopes',
      status: 401,
    });
    // The user stream carries statuses but not notifications for such a token.
    const own = await post(ana, { status: 'mine' });
    await bo.api.post(`/api/v1/statuses/${own.id}/favourite`);
    const seen = await quiet(client);
    expect(seen.map((m) => m.event)).toEqual(['update']);

    const notificationsOnly = await tokenFor(t.ctx, ana.account, ['read:notifications']);
    const other = await connect(notificationsOnly, { stream: 'user:notification' });
    await bo.api.post(`/api/v1/statuses/${own.id}/reblog`);
    expect(await other.next()).toMatchObject({
      stream: ['user:notification'],
      event: 'notification',
    });
  });
});

describe('routing', () => {
  it('sends a followed person’s statuses to the user stream, rendered for the viewer', async () => {
    const reader = await person(t);
    const stranger = await person(t);
    const writer = await person(t);
    await follow(t, reader, writer);
    const readerStream = await connect(reader, { stream: 'user' });
    const strangerStream = await connect(stranger, { stream: 'user' });
    const writerStream = await connect(writer, { stream: 'user' });
    const status = await post(writer, { status: 'only for my followers’ homes' });

    const got = await readerStream.next();
    expect(got).toMatchObject({ stream: ['user'], event: 'update' });
    expect(got.data).toMatchObject({
      id: status.id,
      account: { id: String(writer.account.id) },
      favourited: false,
      reblogged: false,
      bookmarked: false,
      application: null,
    });
    // The author sees which app posted it; nobody else does.
    const own = await writerStream.next();
    expect(own.data.application).toMatchObject({ name: expect.any(String) });
    expect(statusIds(await quiet(strangerStream))).toEqual([]);
  });

  it('sends original public statuses to public streams, not unlisted ones or boosts', async () => {
    const reader = await person(t);
    const writer = await person(t);
    const booster = await person(t);
    const client = await connect(reader, { stream: 'public:local' });
    await subscribe(client, 'hashtag', { tag: 'launch' });
    const shown = await post(writer, { status: 'Out now #Launch' });
    await post(writer, { status: 'quietly #launch', visibility: 'unlisted' });
    await booster.api.post(`/api/v1/statuses/${shown.id}/reblog`);
    const seen = await quiet(client);
    expect(seen.map((m) => [m.stream?.[0], m.data.id])).toEqual([
      ['public:local', shown.id],
      ['hashtag', shown.id],
    ]);
  });

  it('sends boosts to the booster’s followers, with the boosted status inside', async () => {
    const reader = await person(t);
    const booster = await person(t);
    const writer = await person(t);
    await follow(t, reader, booster);
    const client = await connect(reader, { stream: 'user' });
    const original = await post(writer, { status: 'worth sharing' });
    const boost = await booster.api.post(`/api/v1/statuses/${original.id}/reblog`);
    const got = await client.next();
    expect(got.data).toMatchObject({
      id: boost.body.id,
      reblog: { id: original.id, reblogged: false, favourited: false },
    });
  });

  it('never sends a followers-only status to someone who does not follow its author', async () => {
    const author = await person(t);
    const follower = await person(t);
    const stranger = await person(t);
    await follow(t, follower, author);
    const followerStream = await connect(follower, { stream: 'user' });
    const strangerStream = await connect(stranger, { stream: 'user' });
    for (const stream of ['public', 'public:local', 'public:media']) {
      await subscribe(strangerStream, stream);
    }
    await subscribe(strangerStream, 'hashtag', { tag: 'secret' });
    await subscribe(strangerStream, 'hashtag:local', { tag: 'secret' });
    const priv = await post(author, { status: 'inner circle #secret', visibility: 'private' });
    expect((await followerStream.next()).data.id).toBe(priv.id);
    expect(await quiet(strangerStream)).toEqual([]);

    // Nor its deletion.
    await author.api.delete(`/api/v1/statuses/${priv.id}`);
    expect(await followerStream.next()).toMatchObject({ event: 'delete', data: priv.id });
    expect(await quiet(strangerStream)).toEqual([]);
  });

  it('sends a direct status to the people it mentions only', async () => {
    const author = await person(t);
    const friend = await person(t);
    const follower = await person(t);
    await follow(t, follower, author);
    const friendStream = await connect(friend, { stream: 'user' });
    const followerStream = await connect(follower, { stream: 'user' });
    await subscribe(followerStream, 'public:local');
    const direct = await post(author, {
      status: `@${friend.account.username} just us`,
      visibility: 'direct',
    });
    const friendSaw = await quiet(friendStream);
    expect(statusIds(friendSaw)).toEqual([direct.id]);
    // The mention also notifies the friend.
    expect(friendSaw.map((m) => m.event).sort()).toEqual(['notification', 'update']);
    expect(await quiet(followerStream)).toEqual([]);
  });

  it('filters blocked authors, both ways, whether blocked before or after connecting', async () => {
    const viewer = await person(t);
    const blocked = await person(t);
    const blocker = await person(t);
    const other = await person(t);
    await block(t, viewer, blocked);
    const client = await connect(viewer, { stream: 'public:local' });
    await block(t, blocker, viewer);
    await post(blocked, { status: 'blocked before' });
    await post(blocker, { status: 'blocks the viewer' });
    const fine = await post(other, { status: 'fine' });
    expect(statusIds(await quiet(client))).toEqual([fine.id]);

    await unblock(t, viewer, blocked);
    const back = await post(blocked, { status: 'unblocked' });
    expect(statusIds(await quiet(client))).toEqual([back.id]);
    await block(t, viewer, other);
    await post(other, { status: 'blocked after connecting' });
    expect(await quiet(client)).toEqual([]);
  });

  it('follows the account rule: a guest sees no member’s statuses', async () => {
    const guestAccount = await createAccount(t.ctx, { role: 'guest' });
    const guestToken = await tokenFor(t.ctx, guestAccount);
    const member = await person(t);
    const client = await connect(guestToken, { stream: 'public:local' });
    await post(member, { status: 'staff only #news' });
    expect(await quiet(client)).toEqual([]);
  });

  it('filters muted authors and boosts of them', async () => {
    const viewer = await person(t);
    const muted = await person(t);
    const friend = await person(t);
    await follow(t, viewer, muted);
    await follow(t, viewer, friend);
    const client = await connect(viewer, { stream: 'user' });
    await subscribe(client, 'public:local');
    await mute(t, viewer, muted);
    const hidden = await post(muted, { status: 'muted voice' });
    await friend.api.post(`/api/v1/statuses/${hidden.id}/reblog`);
    expect(await quiet(client)).toEqual([]);
    await unmute(t, viewer, muted);
    const heard = await post(muted, { status: 'heard again' });
    expect(statusIds(await quiet(client))).toEqual([heard.id, heard.id]);
  });

  it('sends deletions and edits wherever the status went', async () => {
    const reader = await person(t);
    const writer = await person(t);
    await follow(t, reader, writer);
    const client = await connect(reader, { stream: 'user' });
    await subscribe(client, 'public:local');
    const status = await post(writer, { status: 'first draft' });
    await quiet(client);
    const edited = await writer.api.put(`/api/v1/statuses/${status.id}`, { status: 'final' });
    expect(edited.status).toBe(200);
    const updates = await quiet(client);
    expect(updates.map((m) => [m.stream?.[0], m.event])).toEqual([
      ['user', 'status.update'],
      ['public:local', 'status.update'],
    ]);
    expect(updates[0]?.data.content).toContain('final');
    await writer.api.delete(`/api/v1/statuses/${status.id}`);
    const deletes = await quiet(client);
    expect(deletes.map((m) => [m.stream?.[0], m.event, m.payload])).toEqual([
      ['user', 'delete', status.id],
      ['public:local', 'delete', status.id],
    ]);
  });

  it('sends the viewer’s notifications on user and user:notification', async () => {
    const ana = await person(t);
    const bo = await person(t);
    const user = await connect(ana, { stream: 'user' });
    const notes = await connect(ana, { stream: 'user:notification' });
    const boStream = await connect(bo, { stream: 'user:notification' });
    const own = await post(ana, { status: 'like me' });
    await quiet(user);
    await bo.api.post(`/api/v1/statuses/${own.id}/favourite`);
    const fromUser = await user.next();
    const fromNotes = await notes.next();
    for (const message of [fromUser, fromNotes]) {
      expect(message.event).toBe('notification');
      expect(message.data).toMatchObject({
        type: 'favourite',
        account: { id: String(bo.account.id) },
        status: { id: own.id },
      });
    }
    expect(fromUser.stream).toEqual(['user']);
    expect(fromNotes.stream).toEqual(['user:notification']);
    const listed = await ana.api.get('/api/v1/notifications');
    expect(listed.body[0]).toEqual(fromUser.data);
    expect(await quiet(boStream)).toEqual([]);
  });
});

describe('a Mastodon client library', () => {
  it('streams with masto.js (token as the WebSocket protocol)', async () => {
    const { createStreamingAPIClient } = await import('masto');
    const WebSocketImpl = (await import('ws')).default;
    const reader = await person(t);
    const writer = await person(t);
    const masto = createStreamingAPIClient({
      streamingApiUrl: t.url.replace(/^http/, 'ws'),
      accessToken: reader.token,
      implementation: WebSocketImpl,
      retry: false,
    });
    const subscription = masto.public.local.subscribe();
    const first = subscription[Symbol.asyncIterator]().next();
    // masto.js subscribes once its socket is open; post until the stream carries a status.
    let received: unknown;
    const posted: string[] = [];
    for (let attempt = 0; attempt < 20 && received === undefined; attempt++) {
      posted.push((await post(writer, { status: `hello masto ${attempt}` })).id);
      received = await Promise.race([
        first.then((result) => result.value),
        new Promise((resolve) => setTimeout(() => resolve(undefined), 250)),
      ]);
    }
    expect(received).toMatchObject({
      stream: ['public:local'],
      event: 'update',
      payload: { id: expect.any(String), account: { id: String(writer.account.id) } },
    });
    expect(posted).toContain((received as { payload: { id: string } }).payload.id);
    subscription.unsubscribe();
    masto.close();
  });
});
