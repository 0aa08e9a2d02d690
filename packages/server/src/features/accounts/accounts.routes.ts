import {
  Account,
  AccountsByIdQuery,
  CredentialAccount,
  IdParams,
  LookupQuery,
  UpdateCredentialsInput,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { visibleAccounts } from '../visibility/account-visibility';
import { presentAccount, presentCredentialAccount } from './accounts.presenter';
import { findAccountById, findAccountsByIds } from './accounts.queries';
import { getVisibleAccount, lookupAccount, updateCredentials } from './accounts.service';

const tags = ['accounts'];

/** Mastodon's account endpoints. */
export function accountsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/v1/accounts/verify_credentials',
    {
      config: { auth: 'user', scopes: ['profile', 'read:accounts'] },
      schema: { tags, response: { 200: CredentialAccount } },
    },
    async (request) => {
      const row = await findAccountById(ctx.db, viewerOf(request).id);
      if (!row) throw new Error('the signed-in account vanished');
      return presentCredentialAccount(ctx, row);
    },
  );

  app.patch(
    '/api/v1/accounts/update_credentials',
    {
      config: { auth: 'user', scopes: ['write:accounts'] },
      schema: { tags, body: UpdateCredentialsInput, response: { 200: CredentialAccount } },
    },
    async (request) =>
      presentCredentialAccount(ctx, await updateCredentials(ctx, viewerOf(request), request.body)),
  );

  app.get(
    '/api/v1/accounts/lookup',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: { tags, querystring: LookupQuery, response: { 200: Account } },
    },
    async (request) =>
      presentAccount(ctx, await lookupAccount(ctx, viewerOf(request), request.query.acct)),
  );

  app.get(
    '/api/v1/accounts',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: { tags, querystring: AccountsByIdQuery, response: { 200: Account.array() } },
    },
    async (request) => {
      const viewer = viewerOf(request);
      const rows = await findAccountsByIds(ctx.db, request.query.id.map(Number));
      const byId = new Map(
        (await visibleAccounts(ctx.db, viewer, rows)).map((row) => [String(row.id), row]),
      );
      return request.query.id.flatMap((id) => {
        const row = byId.get(id);
        return row ? [presentAccount(ctx, row)] : [];
      });
    },
  );

  app.get(
    '/api/v1/accounts/:id',
    {
      config: { auth: 'user', scopes: ['read:accounts'] },
      schema: { tags, params: IdParams, response: { 200: Account } },
    },
    async (request) =>
      presentAccount(
        ctx,
        await getVisibleAccount(ctx, viewerOf(request), Number(request.params.id)),
      ),
  );
}
