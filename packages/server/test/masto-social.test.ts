import { createRestAPIClient, createStreamingAPIClient, type mastodon } from 'masto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAccountWithToken } from './factories';
import { startTestApp, type TestApp } from './harness';

/**
 * The social core driven by masto.js over real HTTP and a real WebSocket, as a Mastodon
 * app would: two colleagues follow, post, reply, react, vote, search, get notified, edit
 * and delete, and one watches the other's statuses arrive live.
 */
let t: TestApp;
let ana: mastodon.rest.Client;
let bo: mastodon.rest.Client;
let anaToken: string;
let anaId: string;
let boId: string;

beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
  const a = await createAccountWithToken(t.ctx, {
    username: 'ana_m',
    email: 'ana_m@example.com',
    displayName: 'Ana Masto',
  });
  const b = await createAccountWithToken(t.ctx, {
    username: 'bo_m',
    email: 'bo_m@example.com',
    displayName: 'Bo Masto',
  });
  anaToken = a.token;
  anaId = String(a.account.id);
  boId = String(b.account.id);
  ana = createRestAPIClient({ url: t.url, accessToken: a.token });
  bo = createRestAPIClient({ url: t.url, accessToken: b.token });
});
afterAll(() => t.close());

describe('masto.js against the social core', () => {
  it('follows, posts with a mention and a hashtag, and reads timelines and threads', async () => {
    const relationship = await ana.v1.accounts.$select(boId).follow();
    expect(relationship).toMatchObject({ id: boId, following: true });
    const [rel] = await ana.v1.accounts.relationships.fetch({ id: [boId] });
    expect(rel?.following).toBe(true);
    const followers = await bo.v1.accounts.$select(boId).followers.list();
    expect(followers.map((account) => account.id)).toEqual([anaId]);
    const following = await ana.v1.accounts.$select(anaId).following.list();
    expect(following.map((account) => account.id)).toEqual([boId]);

    const status = await bo.v1.statuses.create({
      status: 'Kick-off tomorrow @ana_m #ProjectNova',
      visibility: 'public',
    });
    expect(status.mentions.map((m) => m.acct)).toEqual(['ana_m']);
    expect(status.tags.map((tag) => tag.name)).toEqual(['ProjectNova']);

    const home = await ana.v1.timelines.home.list({ limit: 5 });
    expect(home[0]?.id).toBe(status.id);
    const tagged = await ana.v1.timelines.tag.$select('projectnova').list();
    expect(tagged.map((s) => s.id)).toEqual([status.id]);
    const organisation = await ana.v1.timelines.public.list({ local: true });
    expect(organisation[0]?.id).toBe(status.id);
    const profile = await ana.v1.accounts.$select(boId).statuses.list();
    expect(profile[0]?.id).toBe(status.id);

    const reply = await ana.v1.statuses.create({
      status: '@bo_m I will be there',
      inReplyToId: status.id,
    });
    const context = await bo.v1.statuses.$select(reply.id).context.fetch();
    expect(context.ancestors.map((s) => s.id)).toEqual([status.id]);
    const down = await bo.v1.statuses.$select(status.id).context.fetch();
    expect(down.descendants.map((s) => s.id)).toEqual([reply.id]);
  });

  it('favourites, boosts, bookmarks, and lists who did', async () => {
    const status = await bo.v1.statuses.create({ status: 'Shipping the new onboarding flow' });
    expect((await ana.v1.statuses.$select(status.id).favourite()).favourited).toBe(true);
    const boost = await ana.v1.statuses.$select(status.id).reblog();
    expect(boost.reblog?.id).toBe(status.id);
    expect((await ana.v1.statuses.$select(status.id).bookmark()).bookmarked).toBe(true);
    expect((await ana.v1.bookmarks.list()).map((s) => s.id)).toContain(status.id);
    expect((await ana.v1.favourites.list()).map((s) => s.id)).toContain(status.id);
    const favouritedBy = await bo.v1.statuses.$select(status.id).favouritedBy.list();
    expect(favouritedBy.map((a) => a.id)).toEqual([anaId]);
    const rebloggedBy = await bo.v1.statuses.$select(status.id).rebloggedBy.list();
    expect(rebloggedBy.map((a) => a.id)).toEqual([anaId]);
    const fetched = await bo.v1.statuses.$select(status.id).fetch();
    expect(fetched).toMatchObject({ favouritesCount: 1, reblogsCount: 1 });
    await ana.v1.statuses.$select(status.id).unreblog();
    await ana.v1.statuses.$select(status.id).unfavourite();
    await ana.v1.statuses.$select(status.id).unbookmark();
    expect(await bo.v1.statuses.$select(status.id).fetch()).toMatchObject({
      favouritesCount: 0,
      reblogsCount: 0,
    });
  });

  it('posts a poll and an image, and votes', async () => {
    const poll = await bo.v1.statuses.create({
      status: 'Where should the offsite be?',
      poll: { options: ['Lisbon', 'Lyon', 'Leeds'], expiresIn: 3600 },
    });
    expect(poll.poll?.options.map((o) => o.title)).toEqual(['Lisbon', 'Lyon', 'Leeds']);
    const voted = await ana.v1.polls
      .$select(poll.poll?.id as string)
      .votes.create({ choices: [1] });
    expect(voted).toMatchObject({ voted: true, ownVotes: [1], votesCount: 1 });
    const fetchedPoll = await bo.v1.polls.$select(poll.poll?.id as string).fetch();
    expect(fetchedPoll).toMatchObject({ votesCount: 1, voted: true });

    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: { r: 200, g: 80, b: 40 } },
    })
      .png()
      .toBuffer();
    const media = await ana.v2.media.create({
      file: new Blob([new Uint8Array(png)], { type: 'image/png' }),
      description: 'An orange rectangle',
    });
    expect(media).toMatchObject({ type: 'image', description: 'An orange rectangle' });
    const described = await ana.v1.media.$select(media.id).update({
      description: 'An orange rectangle, 40 by 30',
    });
    expect(described.description).toBe('An orange rectangle, 40 by 30');
    expect((await ana.v1.media.$select(media.id).fetch()).description).toBe(
      'An orange rectangle, 40 by 30',
    );
    const withImage = await ana.v1.statuses.create({
      status: 'Our new colour',
      mediaIds: [media.id],
    });
    expect(withImage.mediaAttachments.map((m) => m.id)).toEqual([media.id]);
  });

  it('searches statuses, people and hashtags', async () => {
    const status = await bo.v1.statuses.create({ status: 'Quarterly numbers look great #Finance' });
    const results = await ana.v2.search.list({ q: 'quarterly', type: 'statuses' });
    expect(results.statuses.map((s) => s.id)).toEqual([status.id]);
    const people = await ana.v2.search.list({ q: 'bo_m', type: 'accounts' });
    expect(people.accounts.map((a) => a.id)).toEqual([boId]);
    const hashtags = await ana.v2.search.list({ q: 'fin', type: 'hashtags' });
    expect(hashtags.hashtags.map((tag) => tag.name)).toEqual(['Finance']);
    const accounts = await ana.v1.accounts.search.list({ q: 'bo' });
    expect(accounts.map((a) => a.id)).toContain(boId);
  });

  it('notifies, marks read, dismisses and clears', async () => {
    await bo.v1.accounts.$select(anaId).follow();
    const mention = await bo.v1.statuses.create({ status: '@ana_m can you review?' });
    const notifications = await ana.v1.notifications.list();
    const types = notifications.map((n) => n.type);
    expect(types).toEqual(expect.arrayContaining(['mention', 'follow']));
    const ofMention = notifications.find((n) => n.status?.id === mention.id);
    expect(ofMention?.type).toBe('mention');

    await ana.v1.markers.create({ notifications: { lastReadId: notifications[0]?.id as string } });
    const markers = await ana.v1.markers.fetch({ timeline: ['notifications'] });
    expect(markers.notifications?.lastReadId).toBe(notifications[0]?.id);

    const one = await ana.v1.notifications.$select(ofMention?.id as string).fetch();
    expect(one.status?.id).toBe(mention.id);
    await ana.v1.notifications.$select(ofMention?.id as string).dismiss();
    expect((await ana.v1.notifications.list()).map((n) => n.id)).not.toContain(ofMention?.id);
    await ana.v1.notifications.clear();
    expect(await ana.v1.notifications.list()).toEqual([]);
  });

  it('mutes, blocks and unfollows, and lifts them again', async () => {
    const muted = await ana.v1.accounts.$select(boId).mute();
    expect(muted).toMatchObject({ id: boId, muting: true });
    expect((await ana.v1.mutes.list()).map((a) => a.id)).toEqual([boId]);
    expect((await ana.v1.accounts.$select(boId).unmute()).muting).toBe(false);

    const unfollowed = await ana.v1.accounts.$select(boId).unfollow();
    expect(unfollowed.following).toBe(false);
    const blocked = await ana.v1.accounts.$select(boId).block();
    expect(blocked).toMatchObject({ blocking: true, followedBy: false });
    expect((await ana.v1.blocks.list()).map((a) => a.id)).toEqual([boId]);
    await expect(bo.v1.statuses.create({ status: '@ana_m are you there?' })).resolves.toBeTruthy();
    expect((await ana.v1.notifications.list()).map((n) => n.account.id)).not.toContain(boId);
    expect((await ana.v1.accounts.$select(boId).unblock()).blocking).toBe(false);
    expect((await ana.v1.accounts.$select(boId).follow()).following).toBe(true);
    await bo.v1.accounts.$select(anaId).follow();
  });

  it('edits with history and deletes', async () => {
    const status = await ana.v1.statuses.create({ status: 'Draft one' });
    const edited = await ana.v1.statuses.$select(status.id).update({ status: 'Draft two' });
    expect(edited.editedAt).toEqual(expect.any(String));
    const history = await ana.v1.statuses.$select(status.id).history.list();
    expect(history).toHaveLength(2);
    const source = await ana.v1.statuses.$select(status.id).source.fetch();
    expect(source.text).toBe('Draft two');
    const deleted = await ana.v1.statuses.$select(status.id).remove();
    expect(deleted.text).toBe('Draft two');
    await expect(ana.v1.statuses.$select(status.id).fetch()).rejects.toMatchObject({
      statusCode: 404,
    });
  });

  it('streams a colleague’s new status live', async () => {
    const health = await fetch(`${t.url}/api/v1/streaming/health`);
    expect(health.status).toBe(200);
    expect(await health.text()).toBe('OK');

    const streaming = createStreamingAPIClient({
      streamingApiUrl: t.url.replace(/^http/, 'ws'),
      accessToken: anaToken,
      implementation: WebSocket,
      retry: false,
    });
    const subscription = streaming.user.subscribe();
    const received = (async () => {
      for await (const event of subscription) {
        if (event.event === 'update') return event.payload;
      }
      return undefined;
    })();
    // masto.js connects after a back-off delay: wait for the socket, then give the
    // subscribe message a moment to reach the server before posting.
    await streaming.prepare();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const status = await bo.v1.statuses.create({ status: 'Live from the lab' });
    const update = await Promise.race([
      received,
      new Promise((_, reject) => setTimeout(() => reject(new Error('no update in 5 s')), 5000)),
    ]);
    expect((update as mastodon.v1.Status).id).toBe(status.id);
    subscription.unsubscribe();
    streaming.close();
  });
});
