import fs from 'node:fs';
import { STATUS_LIMITS } from '@rapport/schema';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { api, type FilePart, multipartBody } from '../../../test/http';

import {
  fileAt,
  gif,
  jpeg,
  person,
  png,
  snapshot,
  t,
  upload,
  useMediaApp,
  webp,
} from './media.test-support';

useMediaApp();

describe('uploading images', () => {
  it.each([
    ['PNG', png, 'png', 'png', [800, 600]],
    ['JPEG', jpeg, 'jpeg', 'jpg', [900, 1200]],
    ['WebP', webp, 'webp', 'webp', [500, 300]],
    ['GIF', gif, 'gif', 'gif', [120, 80]],
  ] as const)('stores a %s re-encoded, with a preview', async (_name, make, format, ext, size) => {
    const ana = await person();
    const res = await upload(ana.token, [
      ['file', await make()],
      ['description', 'A green rectangle'],
      ['focus', '0.25,-0.5'],
    ]);
    expect(res.status).toBe(200);
    const media = res.body;
    expect(media).toMatchObject({
      type: 'image',
      description: 'A green rectangle',
      remote_url: null,
      blurhash: null,
      meta: {
        original: {
          width: size[0],
          height: size[1],
          size: `${size[0]}x${size[1]}`,
          aspect: size[0] / size[1],
        },
        focus: { x: 0.25, y: -0.5 },
      },
    });
    expect(media.url).toMatch(new RegExp(`^${t.url}/media/media/[^/]+\\.${ext}$`));
    expect(media.preview_url).toMatch(new RegExp(`^${t.url}/media/media/[^/]+\\.(jpg|png)$`));

    const served = await fetch(media.url);
    expect(served.status).toBe(200);
    const original = await sharp(Buffer.from(await served.arrayBuffer()), {
      animated: true,
    }).metadata();
    expect(original.format).toBe(format);
    expect([original.width, original.pageHeight ?? original.height]).toEqual(size);
    expect(original.exif).toBeUndefined();
    if (format === 'gif') expect(original.pages).toBe(3);

    const preview = await sharp(fs.readFileSync(fileAt(media.preview_url))).metadata();
    expect([preview.width, preview.height]).toEqual([
      media.meta.small.width,
      media.meta.small.height,
    ]);
    expect(preview.pages ?? 1).toBe(1);

    const row = await t.ctx.db
      .selectFrom('media_attachments')
      .selectAll()
      .where('id', '=', Number(media.id))
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      account_id: ana.account.id,
      status_id: null,
      width: size[0],
      height: size[1],
      size: fs.statSync(fileAt(media.url)).size,
    });
  });

  it('applies the EXIF rotation and drops the metadata', async () => {
    const ana = await person();
    const res = await upload(ana.token, [['file', await jpeg(300, 200)]]);
    expect(res.status).toBe(200);
    const data = fs.readFileSync(fileAt(res.body.url));
    const meta = await sharp(data).metadata();
    expect([meta.width, meta.height, meta.orientation ?? 1]).toEqual([200, 300, 1]);
    expect(data.includes('Secret GPS place')).toBe(false);
    expect(res.body.description).toBeNull();
    expect(res.body.meta.focus).toEqual({ x: 0, y: 0 });
  });

  it('makes a preview at most 640 pixels wide or high', async () => {
    const ana = await person();
    const res = await upload(ana.token, [['file', await png(2000, 1000)]]);
    expect(res.status).toBe(200);
    expect(res.body.meta.original).toMatchObject({ width: 2000, height: 1000 });
    expect(res.body.meta.small).toEqual({ width: 640, height: 320, size: '640x320', aspect: 2 });
    const preview = await sharp(fs.readFileSync(fileAt(res.body.preview_url))).metadata();
    expect([preview.format, preview.width, preview.height]).toEqual(['png', 640, 320]);
  });

  it('scales an original above the pixel limit down to it, keeping its shape', async () => {
    const ana = await person();
    const res = await upload(ana.token, [['file', await png(4000, 3000)]]);
    expect(res.status).toBe(200);
    const { width, height } = res.body.meta.original;
    expect(width * height).toBeLessThanOrEqual(STATUS_LIMITS.imagePixels);
    expect(width * height).toBeGreaterThan(STATUS_LIMITS.imagePixels * 0.99);
    expect(width / height).toBeCloseTo(4 / 3, 2);
    const stored = await sharp(fs.readFileSync(fileAt(res.body.url))).metadata();
    expect([stored.width, stored.height]).toEqual([width, height]);
  });

  it('answers on the v1 path too, and accepts no description', async () => {
    const ana = await person();
    const body = await multipartBody([['file', await webp()]]);
    const res = await ana.api.post('/api/v1/media', body.payload, body.headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ type: 'image', description: null });
  });

  it.each([
    ['a text file named .png', 'notes.png', 'image/png', new TextEncoder().encode('hello there')],
    [
      'a PDF named .png',
      'scan.png',
      'image/png',
      new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF'),
    ],
    [
      'an SVG declared image/png',
      'logo.png',
      'image/png',
      new TextEncoder().encode(
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>',
      ),
    ],
  ])('refuses %s with 422 and stores nothing', async (_case, filename, type, data) => {
    const ana = await person();
    const before = await snapshot();
    const res = await upload(ana.token, [['file', { filename, type, data }]]);
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.error).toMatch(/File type not supported/);
    expect(res.body.details).toEqual({ file: [expect.stringMatching(/JPEG, PNG, GIF or WebP/)] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a damaged image that only starts like a PNG', async () => {
    const ana = await person();
    const before = await snapshot();
    const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const data = Buffer.concat([header, Buffer.alloc(100)]);
    const res = await upload(ana.token, [['file', { filename: 'x.png', type: 'image/png', data }]]);
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual({ file: ['could not be read as an image'] });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a file over the size limit with 413, storing nothing', async () => {
    const ana = await person();
    const before = await snapshot();
    const big = Buffer.alloc(STATUS_LIMITS.imageBytes + 1);
    big.set((await png()).data);
    const res = await upload(ana.token, [
      ['file', { filename: 'big.png', type: 'image/png', data: big }],
    ]);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(res.body.error).toMatch(/too large|at most/);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses an image with too many pixels, storing nothing', async () => {
    const ana = await person();
    const before = await snapshot();
    // 8000x5000 = 40 megapixels, a few kilobytes as a one-colour PNG.
    const res = await upload(ana.token, [['file', await png(8000, 5000)]]);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/too many pixels/);
    expect(Object.keys(res.body.details)).toEqual(['file']);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a description that is too long, a bad focus and a missing file', async () => {
    const ana = await person();
    const before = await snapshot();
    const file = await png(40, 40);
    const cases: Array<[Array<[string, string | FilePart]>, string]> = [
      [
        [
          ['file', file],
          ['description', 'x'.repeat(STATUS_LIMITS.mediaDescription + 1)],
        ],
        'description',
      ],
      [
        [
          ['file', file],
          ['focus', '2,0'],
        ],
        'focus',
      ],
      [
        [
          ['file', file],
          ['focus', 'middle'],
        ],
        'focus',
      ],
      [[['description', 'no file']], 'file'],
      [[['file', 'not a file']], 'file'],
    ];
    for (const [fields, field] of cases) {
      const res = await upload(ana.token, fields);
      expect(res.status, field).toBe(422);
      expect(Object.keys(res.body.details)).toEqual([field]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('needs a signed-in person with the write:media scope', async () => {
    const reader = await person(['read']);
    const before = await snapshot();
    const file = await png(40, 40);
    const anonymous = await upload(undefined, [['file', file]]);
    expect(anonymous.status).toBe(401);
    const res = await upload(reader.token, [['file', file]]);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('insufficient_scope');
    expect(await snapshot()).toEqual(before);

    const writer = await person(['write:media']);
    expect((await upload(writer.token, [['file', file]])).status).toBe(200);
  });
});

describe('reading and describing an upload', () => {
  it('shows and changes one’s own upload; anyone else’s is not found', async () => {
    const ana = await person();
    const bo = await person();
    const uploaded = (await upload(ana.token, [['file', await png(60, 40)]])).body;
    const url = `/api/v1/media/${uploaded.id}`;

    expect((await ana.api.get(url)).body).toEqual(uploaded);
    expect((await bo.api.get(url)).status).toBe(404);
    expect((await ana.api.get('/api/v1/media/123456789')).status).toBe(404);
    expect((await api(t.app).get(url)).status).toBe(401);

    const changed = await ana.api.put(url, { description: 'Quarterly chart', focus: '-1,1' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      id: uploaded.id,
      url: uploaded.url,
      description: 'Quarterly chart',
      meta: { focus: { x: -1, y: 1 } },
    });

    const theirs = await bo.api.put(url, { description: 'Defaced' });
    expect(theirs.status).toBe(404);
    expect((await ana.api.get(url)).body.description).toBe('Quarterly chart');

    const cleared = await ana.api.put(url, { description: '' });
    expect(cleared.body.description).toBeNull();
    const tooLong = await ana.api.put(url, { description: 'x'.repeat(1501) });
    expect(tooLong.status).toBe(422);
  });

  it('changes an attached upload only through a status edit', async () => {
    const ana = await person();
    const media = (await upload(ana.token, [['file', await png(60, 40)]])).body;
    const status = await ana.api.post('/api/v1/statuses', {
      status: 'With a chart',
      media_ids: [media.id],
    });
    expect(status.status).toBe(200);
    const res = await ana.api.put(`/api/v1/media/${media.id}`, { description: 'Too late' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/already attached/);
    expect((await ana.api.get(`/api/v1/media/${media.id}`)).body.description).toBeNull();
  });
});
