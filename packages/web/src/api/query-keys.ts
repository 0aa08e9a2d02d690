import type { InvitationState } from '@rapport/schema';
import type { AdminAccountFilters } from './admin';

/** Every TanStack Query key in one place, so invalidations cannot drift from queries. */
export const queryKeys = {
  server: ['server'] as const,
  session: ['session'] as const,
  ownAccount: ['accounts', 'own'] as const,
  account: (username: string) => ['accounts', 'by-username', username.toLowerCase()] as const,
  accounts: ['accounts'] as const,
  people: (q: string) => ['people', q] as const,
  peopleAll: ['people'] as const,
  adminAccounts: (filters: AdminAccountFilters) => ['admin', 'accounts', filters] as const,
  adminAccountsAll: ['admin', 'accounts'] as const,
  invitations: (state: InvitationState | undefined) =>
    ['admin', 'invitations', state ?? 'all'] as const,
  invitationsAll: ['admin', 'invitations'] as const,
  invitation: (code: string) => ['invitation', code] as const,
  setupToken: (token: string) => ['setup', token] as const,
  authorization: (search: string) => ['oauth', 'authorization', search] as const,
};
