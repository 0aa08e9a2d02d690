import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import sharp from 'sharp';
import type { AppContext } from '../context';

/** Paths the browser app owns are answered with index.html; API paths get JSON 404s. */
const API_PATH = /^\/(api|oauth\/(token|revoke|userinfo)|media|\.well-known|health)(\/|$|\?)/;

/** Mastodon apps expect these exact paths for accounts without images. */
export const MISSING_AVATAR_PATH = '/avatars/original/missing.png';
export const MISSING_HEADER_PATH = '/headers/original/missing.png';

const AVATAR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">
<rect width="400" height="400" fill="#c9d1dc"/><circle cx="200" cy="160" r="78" fill="#8a96a8"/>
<path d="M60 400c0-90 63-150 140-150s140 60 140 150z" fill="#8a96a8"/></svg>`;
const HEADER_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="500"><rect width="1500" height="500" fill="#d9e0ea"/></svg>`;

function lazyPng(svg: string): () => Promise<Buffer> {
  let png: Promise<Buffer> | undefined;
  return () => {
    png ??= sharp(Buffer.from(svg)).png().toBuffer();
    return png;
  };
}

export const webAppPlugin = fp(async (app: FastifyInstance, { ctx }: { ctx: AppContext }) => {
  const dist = ctx.config.webDist;
  const indexFile = path.join(dist, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) {
    await app.register(fastifyStatic, {
      root: dist,
      prefix: '/',
      index: false,
      wildcard: false,
      // Vite puts a content hash in every asset name, so assets never change.
      setHeaders: (res, file) => {
        res.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    });
  }

  fs.mkdirSync(ctx.media.root, { recursive: true });
  await app.register(fastifyStatic, {
    root: ctx.media.root,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    setHeaders: (res) => {
      res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      // An uploaded file is never a page: no scripts, no plugins, even if opened directly.
      res.setHeader('content-security-policy', "default-src 'none'; img-src 'self'; sandbox");
    },
  });

  const avatar = lazyPng(AVATAR_SVG);
  const header = lazyPng(HEADER_SVG);
  for (const [url, image] of [
    [MISSING_AVATAR_PATH, avatar],
    [MISSING_HEADER_PATH, header],
  ] as const) {
    app.get(url, async (_request, reply) =>
      reply
        .type('image/png')
        .header('cache-control', 'public, max-age=86400')
        .send(await image()),
    );
  }

  // index.html only changes with a rebuild, which needs a restart to serve its new assets.
  let index: Promise<Buffer> | undefined;
  const readIndex = () => {
    index ??= fs.promises.readFile(indexFile);
    return index;
  };
  const sendIndex = async (_request: FastifyRequest, reply: FastifyReply) => {
    if (!built) {
      return reply
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The Rapport web app is not built yet: run `npm run build` (npm start does it for you).',
        );
    }
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(await readIndex());
  };

  app.get('/', sendIndex);
  app.get('/oauth/authorize', { config: { auth: 'public' } }, sendIndex);

  app.setNotFoundHandler(async (request, reply) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && !API_PATH.test(request.url)) {
      return sendIndex(request, reply);
    }
    return reply.status(404).send({ error: 'Not found', code: 'not_found' });
  });
});
