import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PreviewCard } from '@rapport/schema';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { DAY_MS } from '../../lib/time';
import { cardsByIds } from './cards.presenter';

// ---- The page server: a stand-in for the web, on loopback (no test reaches the internet) ----

const hits = new Map<string, number>();
let pages: http.Server;
let site: string;
let png: Buffer;

const ARTICLE = `<!doctype html>
<html><head>
<meta charset="utf-8">
<title>Fallback title</title>
<meta property="og:title" content="Quarterly planning &amp; you">
<meta property="og:description" content="How teams plan &#8212; and why it&#x2019;s hard.">
<meta property="og:site_name" content="Intranet News">
<meta name="author" content="Ana Lima">
<meta property="og:image" content="/image.png">
<meta property="og:image:alt" content="A whiteboard">
</head><body><p>Hello</p></body></html>`;

/** Titled pages by path prefix; any other path is a page without a title. */
const PAGES: Array<[string, string]> = [
  ['/article', ARTICLE],
  ['/plain', '<title>Plain page</title><meta name="description" content="Just text">'],
  [
    '/broken-image',
    '<title>Broken image</title><meta property="og:image" content="/not-an-image">',
  ],
];

function servePage(request: http.IncomingMessage, response: http.ServerResponse): void {
  const pathname = new URL(request.url ?? '/', site).pathname;
  hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
  if (pathname === '/image.png' || pathname === '/not-an-image') {
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end(pathname === '/image.png' ? png : 'definitely not a png');
    return;
  }
  const page = PAGES.find(([prefix]) => pathname.startsWith(prefix))?.[1];
  // Pages under /slow answer after a while, so a second status arrives mid-fetch.
  setTimeout(
    () => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(page ?? '<p>No title here</p>');
    },
    pathname.includes('/slow') ? 300 : 0,
  );
}

let t: TestApp;

beforeAll(async () => {
  png = await sharp({
    create: { width: 1200, height: 600, channels: 3, background: { r: 40, g: 90, b: 160 } },
  })
    .png()
    .toBuffer();
  pages = http.createServer(servePage);
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`;
  t = await startTestApp({ RAPPORT_FETCH_ALLOW: '127.0.0.1', RAPPORT_LINK_PREVIEWS: 'on' });
});

afterAll(async () => {
  await t?.close();
  pages?.closeAllConnections();
  await new Promise((resolve) => pages?.close(resolve));
});

async function author(app: TestApp = t) {
  const { account, token } = await createAccountWithToken(app.ctx);
  return { account, api: api(app.app, token) };
}

/** Posts through the API and waits for the card handlers to finish. */
async function post(app: TestApp, who: { api: ReturnType<typeof api> }, text: string) {
  const response = await who.api.post('/api/v1/statuses', { status: text });
  expect(response.status).toBe(200);
  await app.ctx.events.settled();
  return Number(response.body.id);
}

async function statusCard(app: TestApp, statusId: number) {
  const row = await app.ctx.db
    .selectFrom('statuses')
    .leftJoin('preview_cards', 'preview_cards.id', 'statuses.card_id')
    .select(['statuses.card_id', 'preview_cards.state'])
    .where('statuses.id', '=', statusId)
    .executeTakeFirstOrThrow();
  return row;
}

async function cardByUrl(app: TestApp, url: string) {
  return app.ctx.db
    .selectFrom('preview_cards')
    .selectAll()
    .where('url', '=', url)
    .executeTakeFirst();
}

/** Ids of statuses announced as updated while `run` ran. */
async function announcedDuring(run: () => Promise<unknown>): Promise<string[]> {
  const announced: string[] = [];
  t.ctx.events.on('status.updated', (event) => {
    announced.push(event.audience.status_id);
  });
  await run();
  return announced;
}

describe('link previews', () => {
  it('fetches the page and its image, stores both and shows the card on the status', async () => {
    const ana = await author();
    let statusId = 0;
    const announced = await announcedDuring(async () => {
      statusId = await post(t, ana, `Worth reading: ${site}/article#section-2`);
    });
    expect(announced).toContain(String(statusId));

    const card = await cardByUrl(t, `${site}/article`);
    expect(card).toMatchObject({
      state: 'ready',
      title: 'Quarterly planning & you',
      description: 'How teams plan — and why it’s hard.',
      provider_name: 'Intranet News',
      author_name: 'Ana Lima',
      image_description: 'A whiteboard',
      width: 640,
      height: 320,
      error: null,
    });
    expect((await statusCard(t, statusId)).card_id).toBe(card?.id);
    const file = card?.image_file ?? '';
    expect(file).toMatch(/^cards\/.+\.jpg$/);
    const stored = fs.readFileSync(path.join(t.ctx.media.root, file));
    expect(await sharp(stored).metadata()).toMatchObject({ width: 640, height: 320 });

    const shown = await ana.api.get(`/api/v1/statuses/${statusId}`);
    expect(PreviewCard.parse(shown.body.card)).toEqual({
      url: `${site}/article`,
      title: 'Quarterly planning & you',
      description: 'How teams plan — and why it’s hard.',
      type: 'link',
      author_name: 'Ana Lima',
      author_url: '',
      provider_name: 'Intranet News',
      provider_url: '',
      html: '',
      width: 640,
      height: 320,
      image: t.ctx.media.url(file),
      image_description: 'A whiteboard',
      embed_url: '',
      blurhash: null,
    });
  });

  it('skips mentions and hashtags and previews the first other link', async () => {
    const ana = await author();
    const bo = await author();
    const statusId = await post(
      t,
      ana,
      `@${bo.account.username} #planning ${site}/plain/first and ${site}/article/second`,
    );
    const card = await cardByUrl(t, `${site}/plain/first`);
    expect(card).toMatchObject({ state: 'ready', title: 'Plain page', description: 'Just text' });
    expect(card?.image_file).toBeNull();
    expect((await statusCard(t, statusId)).card_id).toBe(card?.id);
    expect(await cardByUrl(t, `${site}/article/second`)).toBeUndefined();
  });

  it('fetches a URL once, however many statuses link to it', async () => {
    const ana = await author();
    const url = `${site}/article/shared`;
    const [first, second] = await Promise.all([
      ana.api.post('/api/v1/statuses', { status: `One ${url}` }),
      ana.api.post('/api/v1/statuses', { status: `Two ${url}` }),
    ]);
    await t.ctx.events.settled();
    const third = await post(t, ana, `Three ${url}`);
    expect(hits.get('/article/shared')).toBe(1);
    const card = await cardByUrl(t, url);
    for (const id of [Number(first?.body.id), Number(second?.body.id), third]) {
      expect(await statusCard(t, id)).toEqual({ card_id: card?.id, state: 'ready' });
    }
  });

  it('announces a status that linked to a card while it was being fetched', async () => {
    const ana = await author();
    const url = `${site}/plain/slow`;
    let second = 0;
    const announced = await announcedDuring(async () => {
      const first = await ana.api.post('/api/v1/statuses', { status: `First ${url}` });
      expect(first.status).toBe(200);
      // The first fetch waits 300 ms for the page; this status finds the card pending.
      await new Promise((resolve) => setTimeout(resolve, 100));
      second = await post(t, ana, `Second ${url}`);
    });
    expect(hits.get('/plain/slow')).toBe(1);
    expect(await statusCard(t, second)).toMatchObject({ state: 'ready' });
    expect(announced).toContain(String(second));
  });

  it('keeps a card without its image when the image is not one', async () => {
    const ana = await author();
    const statusId = await post(t, ana, `${site}/broken-image`);
    const card = await cardByUrl(t, `${site}/broken-image`);
    expect(card).toMatchObject({ state: 'ready', title: 'Broken image', image_file: null });
    expect(hits.get('/not-an-image')).toBe(1);
    expect((await statusCard(t, statusId)).card_id).toBe(card?.id);
  });

  it('records a page without a title as failed and asks again only a day later', async () => {
    const ana = await author();
    const url = `${site}/untitled`;
    const first = await post(t, ana, `Look ${url}`);
    const card = await cardByUrl(t, url);
    expect(card).toMatchObject({ state: 'failed', error: 'The page has no title' });
    expect(await statusCard(t, first)).toEqual({ card_id: null, state: null });

    await post(t, ana, `Again ${url}`);
    expect(hits.get('/untitled')).toBe(1);

    await t.ctx.db
      .updateTable('preview_cards')
      .set({ fetched_at: Date.now() - DAY_MS - 1000 })
      .where('url', '=', url)
      .execute();
    await post(t, ana, `And again ${url}`);
    expect(hits.get('/untitled')).toBe(2);
  });

  it('refuses a page on a private address and records it as failed', async () => {
    const ana = await author();
    // Refused before any connection is tried: the address is checked first.
    const statusId = await post(t, ana, 'Metadata http://169.254.169.254/latest/meta-data/');
    const card = await cardByUrl(t, 'http://169.254.169.254/latest/meta-data/');
    expect(card?.state).toBe('failed');
    expect(card?.error).toMatch(/non-public address/);
    expect((await statusCard(t, statusId)).card_id).toBeNull();
  });

  it('refuses the loopback page server itself without the allow-list', async () => {
    const closed = await startTestApp({ RAPPORT_LINK_PREVIEWS: 'on' });
    try {
      const ana = await author(closed);
      const statusId = await post(closed, ana, `${site}/article/no-allow-list`);
      const card = await cardByUrl(closed, `${site}/article/no-allow-list`);
      expect(card).toMatchObject({ state: 'failed', image_file: null });
      expect(card?.error).toMatch(/non-public address/);
      expect(hits.get('/article/no-allow-list')).toBeUndefined();
      expect((await statusCard(closed, statusId)).card_id).toBeNull();
    } finally {
      await closed.close();
    }
  });

  it('follows edits: a new link gets its card, no link removes it', async () => {
    const ana = await author();
    const statusId = await post(t, ana, `${site}/plain/before-edit`);
    const before = await cardByUrl(t, `${site}/plain/before-edit`);
    expect((await statusCard(t, statusId)).card_id).toBe(before?.id);

    const edit = async (text: string) => {
      const response = await ana.api.put(`/api/v1/statuses/${statusId}`, { status: text });
      expect(response.status).toBe(200);
      await t.ctx.events.settled();
    };
    await edit(`${site}/plain/after-edit`);
    const after = await cardByUrl(t, `${site}/plain/after-edit`);
    expect((await statusCard(t, statusId)).card_id).toBe(after?.id);

    const announced = await announcedDuring(() => edit('No link any more'));
    expect((await statusCard(t, statusId)).card_id).toBeNull();
    // The edit's own announcement, and no loop of card announcements after it.
    expect(announced.filter((id) => id === String(statusId)).length).toBeLessThanOrEqual(2);
  });

  it('leaves links alone when link previews are off', async () => {
    const off = await startTestApp({
      RAPPORT_FETCH_ALLOW: '127.0.0.1',
      RAPPORT_LINK_PREVIEWS: 'off',
    });
    try {
      const ana = await author(off);
      const statusId = await post(off, ana, `${site}/article/previews-off`);
      expect(hits.get('/article/previews-off')).toBeUndefined();
      expect(await cardByUrl(off, `${site}/article/previews-off`)).toBeUndefined();
      expect((await statusCard(off, statusId)).card_id).toBeNull();
    } finally {
      await off.close();
    }
  });

  it('presents only ready cards', async () => {
    const ready = await cardByUrl(t, `${site}/article`);
    const failed = await cardByUrl(t, `${site}/untitled`);
    const ids = [ready?.id ?? 0, failed?.id ?? 0, 12345];
    const cards = await cardsByIds(t.ctx, t.ctx.db, ids);
    expect([...cards.keys()]).toEqual([ready?.id]);
    expect(cards.get(ready?.id ?? 0)?.title).toBe('Quarterly planning & you');
    expect(await cardsByIds(t.ctx, t.ctx.db, [])).toEqual(new Map());
  });
});
