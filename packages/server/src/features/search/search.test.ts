import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function person(username: string) {
  const { account, token } = await createAccountWithToken(t.ctx, {
    username,
    email: `${username}@example.com`,
    displayName: `${username} Example`,
  });
  return { account, api: api(t.app, token) };
}

const ids = (list: Array<{ id: string }>) => list.map((item) => item.id);

describe('GET /api/v2/search', () => {
  it('finds statuses by words and phrases, newest first, only those the viewer may see', async () => {
    const writer = await person('search_writer');
    const reader = await person('search_reader');
    const older = await writer.api.post('/api/v1/statuses', { status: 'The blue whale migrates' });
    const newer = await writer.api.post('/api/v1/statuses', {
      status: 'A whale of a time, blue skies',
    });
    const hidden = await writer.api.post('/api/v1/statuses', {
      status: 'Secret whale plans',
      visibility: 'private',
    });

    const words = await reader.api.get('/api/v2/search?type=statuses&q=whale');
    expect(words.status).toBe(200);
    expect(ids(words.body.statuses)).toEqual([newer.body.id, older.body.id]);
    const mine = await writer.api.get('/api/v2/search?type=statuses&q=whale');
    expect(ids(mine.body.statuses)).toEqual([hidden.body.id, newer.body.id, older.body.id]);

    const both = await reader.api.get('/api/v2/search?type=statuses&q=blue%20whale');
    expect(ids(both.body.statuses)).toEqual([newer.body.id, older.body.id]);
    const phrase = await reader.api.get(
      `/api/v2/search?type=statuses&q=${encodeURIComponent('"blue whale"')}`,
    );
    expect(ids(phrase.body.statuses)).toEqual([older.body.id]);
    const paged = await reader.api.get(
      `/api/v2/search?type=statuses&q=whale&max_id=${newer.body.id}`,
    );
    expect(ids(paged.body.statuses)).toEqual([older.body.id]);

    await writer.api.delete(`/api/v1/statuses/${older.body.id}`);
    const afterDelete = await reader.api.get('/api/v2/search?type=statuses&q=whale');
    expect(ids(afterDelete.body.statuses)).toEqual([newer.body.id]);
  });

  it('finds people and hashtags', async () => {
    const writer = await person('tag_writer');
    await writer.api.post('/api/v1/statuses', { status: 'Kick-off #Roadmap2027' });
    const res = await writer.api.get('/api/v2/search?q=roadma');
    expect(res.body.hashtags).toEqual([
      expect.objectContaining({ name: 'Roadmap2027', url: `${t.url}/tags/roadmap2027` }),
    ]);
    expect(res.body.hashtags[0].history).toHaveLength(7);
    expect(res.body.hashtags[0].history[0].uses).toBe('1');
    const people = await writer.api.get('/api/v2/search?type=accounts&q=tag_wri');
    expect(people.body.accounts.map((a: { username: string }) => a.username)).toEqual([
      'tag_writer',
    ]);
  });

  it('refuses a blank query', async () => {
    const reader = await person('blank_searcher');
    expect((await reader.api.get('/api/v2/search?q=')).status).toBe(400);
  });
});
