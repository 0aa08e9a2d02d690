import { Account, PeopleQuery } from '@rapport/schema';
import type { AppContext } from '../../context';
import { decodeCursor } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setCursorLink } from '../../http/pagination';
import { presentAccount } from '../accounts/accounts.presenter';
import { listPeople, PEOPLE_ORDER } from '../accounts/accounts.queries';
import { accountScope } from '../visibility/visibility';

/** The people directory: everyone the viewer may see, by name, searchable by any word. */
export function peopleRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/people',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: { tags: ['accounts'], querystring: PeopleQuery, response: { 200: Account.array() } },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const limit = request.query.limit ?? 40;
      const rows = await listPeople(ctx.db, {
        scope: accountScope(viewer),
        viewerId: viewer.id,
        q: request.query.q,
        after: request.query.cursor ? decodeCursor(request.query.cursor, PEOPLE_ORDER) : undefined,
        limit,
      });
      const last = rows.at(-1);
      setCursorLink(
        request,
        reply,
        ctx.config.publicUrl,
        last && [last.sort_name, last.id],
        rows.length === limit,
      );
      return rows.map((row) => presentAccount(ctx, row));
    },
  );
}
