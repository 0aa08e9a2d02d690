import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, type FilePart, formBody, multipartBody } from '../../../test/http';
import { accountRow, rowCounts } from '../../../test/state';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
});
afterAll(() => t.close());

const UPDATE = '/api/v1/accounts/update_credentials';

/** A real PNG with an alpha channel, not square, so the re-encoding has work to do. */
async function png(): Promise<FilePart> {
  const data = await sharp({
    create: {
      width: 640,
      height: 480,
      channels: 4,
      background: { r: 200, g: 40, b: 90, alpha: 0.6 },
    },
  })
    .png()
    .toBuffer();
  return { filename: 'me.png', type: 'image/png', data };
}

async function jpeg(): Promise<FilePart> {
  const data = await sharp({
    create: { width: 300, height: 900, channels: 3, background: { r: 20, g: 120, b: 200 } },
  })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: 'Secret GPS place' } } })
    .toBuffer();
  return { filename: 'me.jpg', type: 'image/jpeg', data };
}

async function upload(token: string, fields: Array<[string, string | FilePart]>) {
  const body = await multipartBody(fields);
  return api(t.app, token).patch(UPDATE, body.payload, body.headers);
}

const fileOf = (row: { avatar_file: string | null }) =>
  path.join(t.ctx.media.root, row.avatar_file as string);

async function fetchAvatar(url: string) {
  expect(url.startsWith(`${t.url}/media/avatars/`)).toBe(true);
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return { res, data: Buffer.from(await res.arrayBuffer()) };
}

describe('avatars', () => {
  it('accepts a PNG, re-encodes it to 400x400 and serves it sandboxed', async () => {
    const { account, token } = await createAccountWithToken(t.ctx);
    const res = await upload(token, [
      ['display_name', 'With Avatar'],
      ['avatar', await png()],
      ['avatar_description', 'A pink square'],
    ]);
    expect(res.status).toBe(200);
    expect(res.body.display_name).toBe('With Avatar');
    expect(res.body.avatar_description).toBe('A pink square');
    expect(res.body.avatar).toBe(res.body.avatar_static);
    expect(res.body.avatar).toMatch(/\.png$/);

    const { res: served, data } = await fetchAvatar(res.body.avatar);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(data).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', 400, 400, true]);
    expect(fs.existsSync(fileOf(await accountRow(t.ctx, account.id)))).toBe(true);
  });

  it('accepts a JPEG, drops its metadata and replaces the previous file', async () => {
    const { account, token } = await createAccountWithToken(t.ctx);
    expect((await upload(token, [['avatar', await png()]])).status).toBe(200);
    const first = fileOf(await accountRow(t.ctx, account.id));

    const res = await upload(token, [['avatar', await jpeg()]]);
    expect(res.status).toBe(200);
    expect(res.body.avatar).toMatch(/\.jpg$/);
    const { res: served, data } = await fetchAvatar(res.body.avatar);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(data).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 400, 400]);
    expect(meta.exif).toBeUndefined();
    expect(data.includes('Secret GPS place')).toBe(false);
    expect(fs.existsSync(first)).toBe(false);
  });

  it.each([
    ['a text file named .png', { filename: 'evil.png', type: 'image/png' }],
    ['a text file declared image/png', { filename: 'notes.txt', type: 'image/png' }],
    ['an HTML page', { filename: 'x.html', type: 'text/html' }],
  ])('refuses %s with 422 and keeps the previous avatar', async (_case, file) => {
    const { account, token } = await createAccountWithToken(t.ctx);
    const first = await upload(token, [['avatar', await png()]]);
    const before = await accountRow(t.ctx, account.id);
    const media = fs.readdirSync(path.join(t.ctx.media.root, 'avatars')).length;
    const res = await upload(token, [
      ['display_name', 'Should not stick'],
      ['avatar', { ...file, data: new TextEncoder().encode('<script>alert(1)</script>') }],
    ]);
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual({ avatar: [expect.stringMatching(/PNG, JPEG, GIF or WebP/)] });
    expect(await accountRow(t.ctx, account.id)).toEqual(before);
    expect(fs.readdirSync(path.join(t.ctx.media.root, 'avatars'))).toHaveLength(media);
    const me = await api(t.app, token).get('/api/v1/accounts/verify_credentials');
    expect(me.body.avatar).toBe(first.body.avatar);
  });

  it('refuses a damaged image that only starts like a PNG', async () => {
    const { account, token } = await createAccountWithToken(t.ctx);
    const before = await accountRow(t.ctx, account.id);
    const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const res = await upload(token, [
      [
        'avatar',
        { filename: 'x.png', type: 'image/png', data: Buffer.concat([header, Buffer.alloc(64)]) },
      ],
    ]);
    expect(res.status).toBe(422);
    expect(res.body.details).toEqual({ avatar: ['could not be read as an image'] });
    expect(await accountRow(t.ctx, account.id)).toEqual(before);
  });

  it('refuses a file over 4 MB with 413, changing nothing', async () => {
    const { account, token } = await createAccountWithToken(t.ctx);
    await upload(token, [['avatar', await png()]]);
    const before = await accountRow(t.ctx, account.id);
    const counts = await rowCounts(t.ctx);
    const big = Buffer.alloc(4 * 1024 * 1024 + 1);
    big.set((await png()).data);
    const res = await upload(token, [
      ['display_name', 'Too big'],
      ['avatar', { filename: 'big.png', type: 'image/png', data: big }],
    ]);
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
    expect(await accountRow(t.ctx, account.id)).toEqual(before);
    expect(await rowCounts(t.ctx)).toEqual(counts);
  });

  it('an empty avatar field removes the avatar and deletes its file', async () => {
    for (const remove of ['multipart', 'form', 'json'] as const) {
      const { account, token } = await createAccountWithToken(t.ctx);
      const uploaded = await upload(token, [['avatar', await png()]]);
      const file = fileOf(await accountRow(t.ctx, account.id));
      expect(fs.existsSync(file)).toBe(true);

      let res: Awaited<ReturnType<typeof upload>>;
      if (remove === 'multipart') res = await upload(token, [['avatar', '']]);
      else if (remove === 'form') {
        const body = formBody({ avatar: '' });
        res = await api(t.app, token).patch(UPDATE, body.payload, body.headers);
      } else res = await api(t.app, token).patch(UPDATE, { avatar: '' });
      expect(res.status).toBe(200);
      expect(res.body.avatar).toBe(`${t.url}/avatars/original/missing.png`);
      expect((await accountRow(t.ctx, account.id)).avatar_file).toBeNull();
      expect(fs.existsSync(file)).toBe(false);
      expect((await fetch(uploaded.body.avatar)).status).toBe(404);
    }
  });

  it('serves the placeholder avatar as a PNG', async () => {
    const res = await fetch(`${t.url}/avatars/original/missing.png`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([400, 400]);
  });

  it('refuses an avatar sent as JSON text', async () => {
    const { account, token } = await createAccountWithToken(t.ctx);
    const before = await accountRow(t.ctx, account.id);
    const res = await api(t.app, token).patch(UPDATE, { avatar: 'data:image/png;base64,AAAA' });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.details)).toEqual(['avatar']);
    expect(await accountRow(t.ctx, account.id)).toEqual(before);
  });
});
