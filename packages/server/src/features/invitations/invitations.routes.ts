import {
  CreateInvitationInput,
  IdParams,
  Invitation,
  InvitationCodeParams,
  InvitationPreview,
  InvitationsQuery,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { idPage } from '../../db/pagination';
import type { App } from '../../http/app-types';
import { viewerOf } from '../../http/auth';
import { setIdPageLinks } from '../../http/pagination';
import { referencedAccounts } from '../accounts/accounts.queries';
import { type InvitationRow, listInvitations } from './invitations.queries';
import {
  createInvitation,
  presentInvitation,
  previewInvitation,
  revokeInvitation,
} from './invitations.service';

const tags = ['invitations'];

async function presentAll(ctx: AppContext, rows: InvitationRow[]) {
  const creator = await referencedAccounts(
    ctx.db,
    rows.map((row) => row.created_by_id),
  );
  return rows.map((row) => presentInvitation(ctx, row, creator(row.created_by_id)));
}

export function invitationsRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/rapport/v1/admin/invitations',
    {
      config: { auth: 'admin', scopes: ['admin:read:accounts'] },
      schema: { tags, querystring: InvitationsQuery, response: { 200: Invitation.array() } },
    },
    async (request, reply) => {
      const page = idPage(request.query);
      const rows = await listInvitations(ctx.db, {
        state: request.query.state,
        page,
        now: Date.now(),
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

  app.post(
    '/api/rapport/v1/admin/invitations',
    {
      config: { auth: 'admin', scopes: ['admin:write:accounts'] },
      schema: { tags, body: CreateInvitationInput, response: { 200: Invitation } },
    },
    async (request) => {
      const row = await createInvitation(ctx, viewerOf(request), request.body);
      return (await presentAll(ctx, [row]))[0] as Invitation;
    },
  );

  app.delete(
    '/api/rapport/v1/admin/invitations/:id',
    {
      config: { auth: 'admin', scopes: ['admin:write:accounts'] },
      schema: { tags, params: IdParams, response: { 200: Invitation } },
    },
    async (request) => {
      const row = await revokeInvitation(ctx, viewerOf(request), Number(request.params.id));
      return (await presentAll(ctx, [row]))[0] as Invitation;
    },
  );

  app.get(
    '/api/rapport/v1/invitations/:code',
    {
      config: { auth: 'public' },
      schema: { tags, params: InvitationCodeParams, response: { 200: InvitationPreview } },
    },
    async (request) => previewInvitation(ctx, request.params.code),
  );
}
