import { AdminAccount, AdminAccountsQuery, ChangeRoleInput, IdParams } from '@rapport/schema';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import { notFound } from '../../errors';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { presentAdminAccount } from '../accounts/accounts.presenter';
import {
  type AccountRow,
  findAccountById,
  listAccountsForAdmin,
  referencedAccounts,
} from '../accounts/accounts.queries';
import { changeRole, suspendAccount, unsuspendAccount } from './admin.service';

const tags = ['admin'];

async function presentAll(ctx: AppContext, rows: AccountRow[]) {
  const inviter = await referencedAccounts(
    ctx.db,
    rows.map((row) => row.invited_by_id),
  );
  return rows.map((row) => presentAdminAccount(ctx, row, inviter(row.invited_by_id)));
}

const presentOne = async (ctx: AppContext, row: AccountRow) =>
  (await presentAll(ctx, [row]))[0] as AdminAccount;

/** Rapport's admin API: accounts, roles and suspension. */
export function adminRoutes(app: App, ctx: AppContext): void {
  const read = { auth: 'admin' as const, scopes: ['admin:read:accounts' as const] };
  const write = { auth: 'admin' as const, scopes: ['admin:write:accounts' as const] };

  app.get(
    '/api/rapport/v1/admin/accounts',
    {
      config: read,
      schema: { tags, querystring: AdminAccountsQuery, response: { 200: AdminAccount.array() } },
    },
    async (request, reply) => {
      const page = idPage(request.query);
      const status = request.query.status;
      const rows = await listAccountsForAdmin(ctx.db, {
        q: request.query.q,
        role: request.query.role,
        suspended: status === undefined ? undefined : status === 'suspended',
        page,
      });
      setIdPageLinks(
        request,
        reply,
        ctx.config.publicUrl,
        rows.map((row) => row.id),
        page,
      );
      return presentAll(ctx, rows);
    },
  );

  app.get(
    '/api/rapport/v1/admin/accounts/:id',
    { config: read, schema: { tags, params: IdParams, response: { 200: AdminAccount } } },
    async (request) => {
      const row = await findAccountById(ctx.db, Number(request.params.id));
      if (!row) throw notFound('Account');
      return presentOne(ctx, row);
    },
  );

  app.patch(
    '/api/rapport/v1/admin/accounts/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: ChangeRoleInput, response: { 200: AdminAccount } },
    },
    async (request) =>
      presentOne(
        ctx,
        await changeRole(ctx, viewerOf(request), Number(request.params.id), request.body.role),
      ),
  );

  app.post(
    '/api/rapport/v1/admin/accounts/:id/suspend',
    { config: write, schema: { tags, params: IdParams, response: { 200: AdminAccount } } },
    async (request) =>
      presentOne(ctx, await suspendAccount(ctx, viewerOf(request), Number(request.params.id))),
  );

  app.post(
    '/api/rapport/v1/admin/accounts/:id/unsuspend',
    { config: write, schema: { tags, params: IdParams, response: { 200: AdminAccount } } },
    async (request) =>
      presentOne(ctx, await unsuspendAccount(ctx, viewerOf(request), Number(request.params.id))),
  );
}
