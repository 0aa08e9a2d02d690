import {
  IdParams,
  MediaAttachment,
  MediaInput,
  MediaUploadInput,
  type Scope,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import type { AuthRule } from '../../http/auth';
import { viewerOf } from '../../http/auth';
import { presentMedia } from './media.presenter';
import { getOwnMedia, updateMedia, uploadMedia } from './media.service';

const tags = ['media'];
// Mastodon asks for write:media on every media endpoint, reading one's own upload included.
const rule: { auth: AuthRule; scopes: Scope[] } = { auth: 'user', scopes: ['write:media'] };

/** Mastodon's media endpoints: images are processed while the request waits, so 200, not 202. */
export function mediaRoutes(app: App, ctx: AppContext): void {
  for (const path of ['/api/v2/media', '/api/v1/media']) {
    app.post(
      path,
      {
        config: rule,
        schema: { tags, body: MediaUploadInput, response: { 200: MediaAttachment } },
      },
      async (request) => presentMedia(ctx, await uploadMedia(ctx, viewerOf(request), request.body)),
    );
  }

  app.get(
    '/api/v1/media/:id',
    {
      config: rule,
      schema: { tags, params: IdParams, response: { 200: MediaAttachment } },
    },
    async (request) =>
      presentMedia(ctx, await getOwnMedia(ctx, viewerOf(request), Number(request.params.id))),
  );

  app.put(
    '/api/v1/media/:id',
    {
      config: rule,
      schema: { tags, params: IdParams, body: MediaInput, response: { 200: MediaAttachment } },
    },
    async (request) =>
      presentMedia(
        ctx,
        await updateMedia(ctx, viewerOf(request), Number(request.params.id), request.body),
      ),
  );
}
