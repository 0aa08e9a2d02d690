import type { AdminAccount, Invitation, InvitationState, Role } from '@rapport/schema';
import { sendJson, sendPage } from './client';

const ADMIN = '/api/rapport/v1/admin';

export interface AdminAccountFilters {
  q?: string;
  role?: Role;
  status?: 'active' | 'suspended';
}

export function listAdminAccounts(filters: AdminAccountFilters, next?: string | null) {
  if (next) return sendPage<AdminAccount>(next);
  return sendPage<AdminAccount>(`${ADMIN}/accounts`, { query: { ...filters, limit: 40 } });
}

export function changeRole(id: string, role: Role): Promise<AdminAccount> {
  return sendJson<AdminAccount>(`${ADMIN}/accounts/${id}`, { method: 'PATCH', json: { role } });
}

export function setSuspended(id: string, suspended: boolean): Promise<AdminAccount> {
  return sendJson<AdminAccount>(`${ADMIN}/accounts/${id}/${suspended ? 'suspend' : 'unsuspend'}`, {
    method: 'POST',
  });
}

export function listInvitations(state: InvitationState | undefined, next?: string | null) {
  if (next) return sendPage<Invitation>(next);
  return sendPage<Invitation>(`${ADMIN}/invitations`, { query: { state, limit: 40 } });
}

export interface CreateInvitationInput {
  role: 'member' | 'guest';
  email?: string;
  note?: string;
  max_uses: number | null;
  expires_in_days: number | null;
}

export function createInvitation(input: CreateInvitationInput): Promise<Invitation> {
  return sendJson<Invitation>(`${ADMIN}/invitations`, { method: 'POST', json: input });
}

export function revokeInvitation(id: string): Promise<Invitation> {
  return sendJson<Invitation>(`${ADMIN}/invitations/${id}`, { method: 'DELETE' });
}
