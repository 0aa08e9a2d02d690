import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api, type FilePart, multipartBody } from '../../../test/http';
import { rowCounts } from '../../../test/state';

/** What the media tests share: a listening app, images of each kind, people and uploads. */
export let t: TestApp;
/** One listening app per test file (uploads are served back over HTTP). */
export function useMediaApp(): void {
  beforeAll(async () => {
    t = await startTestApp({}, { listen: true });
  });
  afterAll(() => t.close());
}

export const solid = (width: number, height: number, alpha = 1) =>
  sharp({
    create: { width, height, channels: 4, background: { r: 30, g: 140, b: 90, alpha } },
  });

export async function png(width = 800, height = 600): Promise<FilePart> {
  const data = await solid(width, height, 0.5).png().toBuffer();
  return { filename: 'chart.png', type: 'image/png', data };
}

/** A JPEG taken "sideways" (EXIF orientation 6) with a tell-tale copyright note in its EXIF. */
export async function jpeg(width = 1200, height = 900): Promise<FilePart> {
  const data = await solid(width, height)
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Copyright: 'Secret GPS place' } } })
    .toBuffer();
  return { filename: 'photo.jpg', type: 'image/jpeg', data };
}

export async function webp(): Promise<FilePart> {
  return { filename: 'w.webp', type: 'image/webp', data: await solid(500, 300).webp().toBuffer() };
}

/** Three frames of 120x80: an animated GIF. */
export async function gif(): Promise<FilePart> {
  const frames = await Promise.all(
    [0, 1, 2].map((i) =>
      sharp({
        create: { width: 120, height: 80, channels: 4, background: { r: i * 100, g: 0, b: 0 } },
      })
        .png()
        .toBuffer(),
    ),
  );
  const data = await sharp(frames, { join: { animated: true } })
    .gif()
    .toBuffer();
  return { filename: 'dance.gif', type: 'image/gif', data };
}

export async function person(scopes?: string[]) {
  const { account, token } = await createAccountWithToken(t.ctx, {}, scopes);
  return { account, token, api: api(t.app, token) };
}

export async function upload(
  token: string | undefined,
  fields: Array<[string, string | FilePart]>,
) {
  const body = await multipartBody(fields);
  return api(t.app, token).post('/api/v2/media', body.payload, body.headers);
}

export const mediaDir = () => path.join(t.ctx.media.root, 'media');
export const storedFiles = () =>
  fs.existsSync(mediaDir()) ? fs.readdirSync(mediaDir()).length : 0;
export const fileAt = (url: string) =>
  path.join(t.ctx.media.root, url.slice(`${t.url}/media/`.length));

export async function mediaCount() {
  const row = await t.ctx.db
    .selectFrom('media_attachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Nothing stored: no row, no file, no other table touched. */
export async function snapshot() {
  return { rows: await mediaCount(), files: storedFiles(), counts: await rowCounts(t.ctx) };
}
