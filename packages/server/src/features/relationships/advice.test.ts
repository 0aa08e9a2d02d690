import type { Advice } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { base, insightFixtures } from './insights.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const { member, post, exchanged, community } = insightFixtures(() => t);

const kinds = (advice: Advice) => advice.suggestions.map((s) => s.kind);

describe('channel advice before recognition', () => {
  it('suggests a visible post on a shared topic, an open question and an introduction', async () => {
    const ana = await member();
    const ben = await member();
    const cara = await member();
    await post(ana, 'Our #kubernetes cluster is finally upgraded');
    const onTopic = await post(ben, 'Notes from the #kubernetes upgrade: drain nodes first');
    const newer = await post(ben, 'Anyone up for lunch on Friday?');
    // Newest of all, but followers-only: Ana does not follow Ben, so she may not see it.
    const hidden = await post(ben, 'Private #kubernetes roadmap draft', { visibility: 'private' });
    const question = await post(ben, 'How do you size #kubernetes node pools?', {
      kind: 'question',
    });
    // Cara knows both: she could introduce them.
    await exchanged(ana, cara, 5);
    await exchanged(cara, ben, 5);

    const res = await ana.api.get(`${base}/${ben.id}/advice?channel=direct_message`);
    expect(res.status, res.text).toBe(200);
    const advice: Advice = res.body;
    expect(advice).toMatchObject({ stage: 'none', tone: 'cold', channel: 'direct_message' });
    expect(kinds(advice)).toEqual(['comment', 'answer', 'introduction']);
    const [comment, answer, introduction] = advice.suggestions;
    expect(comment).toMatchObject({
      status_id: onTopic,
      path: `/@${ben.account.username}/${onTopic}`,
    });
    expect(comment?.text).toContain('#kubernetes');
    expect(comment?.text).toContain('drain nodes first');
    expect(answer).toMatchObject({ status_id: question });
    expect(answer?.text).toContain('size #kubernetes node pools');
    expect(introduction).toMatchObject({ path: '/network/introductions', status_id: null });
    expect(introduction?.introducer?.id).toBe(cara.id);
    expect(JSON.stringify(advice)).not.toContain(hidden);
    expect(JSON.stringify(advice)).not.toContain('roadmap');
    expect(JSON.stringify(advice)).not.toContain(newer);

    // The channel changes the headline and what comes first.
    const event: Advice = (await ana.api.get(`${base}/${ben.id}/advice?channel=event`)).body;
    expect(kinds(event)[0]).toBe('introduction');
    expect(event.headline).not.toBe(advice.headline);
    const mention: Advice = (await ana.api.get(`${base}/${ben.id}/advice?channel=mention`)).body;
    expect(kinds(mention)[0]).toBe('comment');
    expect(mention.headline).toContain('mention');
    // Without a channel: the same suggestions, no channel.
    const plain: Advice = (await ana.api.get(`${base}/${ben.id}/advice`)).body;
    expect(plain.channel).toBeNull();
    expect(kinds(plain)).toEqual(['comment', 'answer', 'introduction']);
  });

  it('never suggests what the viewer may not see: falls back to the generic advice', async () => {
    const ana = await member();
    const dan = await member();
    await post(dan, 'Followers only #design thoughts', { visibility: 'private' });
    await post(dan, 'Only for Ana? no: a direct note', { visibility: 'direct' });
    const advice: Advice = (await ana.api.get(`${base}/${dan.id}/advice?channel=mention`)).body;
    expect(advice.tone).toBe('cold');
    expect(advice.suggestions.every((s) => s.status_id === null)).toBe(true);
    expect(kinds(advice)).toEqual(['comment', 'answer', 'introduction']);
    expect(advice.suggestions.every((s) => s.introducer === null)).toBe(true);
  });

  it('prefers the newest visible post when no topic is shared, and skips accepted questions', async () => {
    const ana = await member();
    const ben = await member();
    await post(ben, 'Older thoughts on #billing');
    const newest = await post(ben, 'Fresh thoughts on #pricing');
    const advice: Advice = (await ana.api.get(`${base}/${ben.id}/advice`)).body;
    expect(advice.suggestions[0]).toMatchObject({ kind: 'comment', status_id: newest });
    expect(advice.suggestions[0]?.text).toContain('recent post');
    expect(kinds(advice)).not.toContain('answer');
  });
});

describe('channel advice after recognition', () => {
  it('suggests a joint initiative in a shared community and a message, ordered by channel', async () => {
    const ana = await member();
    const ben = await member();
    await exchanged(ana, ben, 2);
    const guild = await community('Platform guild', [ana, ben]);

    const dm: Advice = (await ana.api.get(`${base}/${ben.id}/advice?channel=direct_message`)).body;
    expect(dm).toMatchObject({ stage: 'recognition', tone: 'warm' });
    expect(dm.suggestions[0]).toMatchObject({ kind: 'message', path: `/@${ben.account.username}` });
    expect(kinds(dm)).toContain('joint_initiative');

    const page: Advice = (await ana.api.get(`${base}/${ben.id}/advice?channel=page`)).body;
    expect(page.suggestions[0]).toMatchObject({
      kind: 'joint_initiative',
      path: `/pages/new?community_id=${guild}`,
    });
    expect(page.suggestions[0]?.text).toContain('Platform guild');

    const event: Advice = (await ana.api.get(`${base}/${ben.id}/advice?channel=event`)).body;
    expect(event.suggestions[0]).toMatchObject({
      kind: 'invite',
      path: `/events/new?community_id=${guild}`,
    });
    expect(event.headline).not.toBe(dm.headline);
  });

  it('without a shared community, suggests starting one', async () => {
    const ana = await member();
    const ben = await member();
    await exchanged(ana, ben, 2);
    const advice: Advice = (await ana.api.get(`${base}/${ben.id}/advice?channel=page`)).body;
    expect(advice.suggestions[0]).toMatchObject({ kind: 'joint_initiative', path: '/pages/new' });
    expect(advice.suggestions.map((s) => s.path)).toContain('/communities');
  });
});

describe('advice input', () => {
  it('rejects a bad channel, oneself, unknown and invisible people', async () => {
    const ana = await member();
    const ben = await member();
    const guest = await member({ role: 'guest' });
    const bad = await ana.api.get(`${base}/${ben.id}/advice?channel=fax`);
    expect(bad.status).toBe(400);
    expect((await ana.api.get(`${base}/${ana.id}/advice`)).status).toBe(422);
    expect((await ana.api.get(`${base}/999999999/advice`)).status).toBe(404);
    expect((await guest.api.get(`${base}/${ben.id}/advice`)).status).toBe(404);
  });
});
