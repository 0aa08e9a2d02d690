import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../../lib/time';
import { cleanUpUnattachedMedia } from './media.service';

import { fileAt, person, png, t, upload, useMediaApp } from './media.test-support';

useMediaApp();

describe('attaching uploads to statuses', () => {
  async function uploads(token: string, count: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const res = await upload(token, [
        ['file', await png(50 + i, 40)],
        ['description', `Image ${i}`],
      ]);
      ids.push(res.body.id);
    }
    return ids;
  }

  async function statusCount() {
    const row = await t.ctx.db
      .selectFrom('statuses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('attaches in the given order and shows them on the status', async () => {
    const ana = await person();
    const [a, b, c] = await uploads(ana.token, 3);
    const res = await ana.api.post('/api/v1/statuses', {
      status: 'Three charts',
      media_ids: [c, a, b],
    });
    expect(res.status).toBe(200);
    expect(res.body.media_attachments.map((m: { id: string }) => m.id)).toEqual([c, a, b]);
    expect(res.body.media_attachments[0]).toMatchObject({ description: 'Image 2', type: 'image' });
    const fetched = await ana.api.get(`/api/v1/statuses/${res.body.id}`);
    expect(fetched.body.media_attachments.map((m: { id: string }) => m.id)).toEqual([c, a, b]);
  });

  it('refuses someone else’s upload, or one already attached, and posts nothing', async () => {
    const ana = await person();
    const bo = await person();
    const [mine] = await uploads(ana.token, 1);
    const [theirs] = await uploads(bo.token, 1);
    const before = await statusCount();

    const stolen = await ana.api.post('/api/v1/statuses', {
      status: 'Not mine',
      media_ids: [mine, theirs],
    });
    expect(stolen.status).toBe(422);
    expect(stolen.body.error).toBe(
      `Validation failed: Media ${theirs} not found or already attached to another status`,
    );
    expect(await statusCount()).toBe(before);
    // The refused status did not keep the upload that was fine either.
    expect((await ana.api.get(`/api/v1/media/${mine}`)).status).toBe(200);
    const row = await t.ctx.db
      .selectFrom('media_attachments')
      .select('status_id')
      .where('id', '=', Number(mine))
      .executeTakeFirstOrThrow();
    expect(row.status_id).toBeNull();

    expect(
      (await ana.api.post('/api/v1/statuses', { status: 'one', media_ids: [mine] })).status,
    ).toBe(200);
    const again = await ana.api.post('/api/v1/statuses', { status: 'two', media_ids: [mine] });
    expect(again.status).toBe(422);
    expect(await statusCount()).toBe(before + 1);
  });

  it('gives an upload to only one of two statuses posted at once', async () => {
    const ana = await person();
    const [id] = await uploads(ana.token, 1);
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        ana.api.post('/api/v1/statuses', { status: `race ${n}`, media_ids: [id] }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 422, 422]);
  });

  it('an edit keeps, reorders, describes and detaches attachments', async () => {
    const ana = await person();
    const [a, b, c] = await uploads(ana.token, 3);
    const [added] = await uploads(ana.token, 1);
    const posted = await ana.api.post('/api/v1/statuses', {
      status: 'Before',
      media_ids: [a, b, c],
    });
    const edited = await ana.api.put(`/api/v1/statuses/${posted.body.id}`, {
      status: 'After',
      media_ids: [c, added, a],
      media_attributes: [{ id: a, description: 'Renamed' }],
    });
    expect(edited.status).toBe(200);
    expect(
      edited.body.media_attachments.map((m: { id: string; description: string }) => [
        m.id,
        m.description,
      ]),
    ).toEqual([
      [c, 'Image 2'],
      [added, 'Image 0'],
      [a, 'Renamed'],
    ]);
    const detached = await t.ctx.db
      .selectFrom('media_attachments')
      .select('status_id')
      .where('id', '=', Number(b))
      .executeTakeFirstOrThrow();
    expect(detached.status_id).toBeNull();

    const bo = await person();
    const [theirs] = await uploads(bo.token, 1);
    const refused = await ana.api.put(`/api/v1/statuses/${posted.body.id}`, {
      status: 'Sneaky',
      media_ids: [c, theirs],
    });
    expect(refused.status).toBe(422);
    const unchanged = await ana.api.get(`/api/v1/statuses/${posted.body.id}`);
    expect(unchanged.body.media_attachments.map((m: { id: string }) => m.id)).toEqual([
      c,
      added,
      a,
    ]);
  });
});

describe('cleaning up uploads no status took', () => {
  it('deletes unattached uploads older than a day with their files, and nothing else', async () => {
    const ana = await person();
    const old = (await upload(ana.token, [['file', await png(30, 30)]])).body;
    const fresh = (await upload(ana.token, [['file', await png(31, 30)]])).body;
    const attached = (await upload(ana.token, [['file', await png(32, 30)]])).body;
    await ana.api.post('/api/v1/statuses', { status: 'keep', media_ids: [attached.id] });
    const twoDaysAgo = Date.now() - 2 * DAY_MS;
    await t.ctx.db
      .updateTable('media_attachments')
      .set({ created_at: twoDaysAgo })
      .where('id', 'in', [Number(old.id), Number(attached.id)])
      .execute();

    const removed = await cleanUpUnattachedMedia(t.ctx, Date.now());
    expect(removed).toBeGreaterThanOrEqual(1);
    expect((await ana.api.get(`/api/v1/media/${old.id}`)).status).toBe(404);
    expect(fs.existsSync(fileAt(old.url))).toBe(false);
    expect(fs.existsSync(fileAt(old.preview_url))).toBe(false);
    for (const kept of [fresh, attached]) {
      expect((await ana.api.get(`/api/v1/media/${kept.id}`)).status).toBe(200);
      expect(fs.existsSync(fileAt(kept.url))).toBe(true);
    }
    expect(await cleanUpUnattachedMedia(t.ctx, Date.now())).toBe(0);
  });
});
