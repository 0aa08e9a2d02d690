import { Expert, ExpertsQuery } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { findExperts } from './expertise.service';

/** "Who knows about X?": people ranked by evidence the viewer may see, with that evidence. */
export function expertiseRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/experts',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: { tags: ['expertise'], querystring: ExpertsQuery, response: { 200: Expert.array() } },
    },
    async (request) =>
      findExperts(ctx, viewerOf(request), request.query.topic, request.query.limit ?? 20),
  );
}
