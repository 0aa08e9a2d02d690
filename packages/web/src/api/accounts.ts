import type { Account, CredentialAccount, InvitationPreview } from '@rapport/schema';
import { type Page, sendJson, sendPage } from './client';

export function getOwnAccount(): Promise<CredentialAccount> {
  return sendJson<CredentialAccount>('/api/v1/accounts/verify_credentials');
}

/** Profile changes as multipart/form-data, the way Mastodon takes them (see profile-form.ts). */
export function updateOwnAccount(form: FormData): Promise<CredentialAccount> {
  return sendJson<CredentialAccount>('/api/v1/accounts/update_credentials', {
    method: 'PATCH',
    form,
  });
}

export function lookupAccount(username: string): Promise<Account> {
  return sendJson<Account>('/api/v1/accounts/lookup', { query: { acct: username } });
}

/** The people directory; pass the `next` path of the previous page to continue. */
export function listPeople(params: { q?: string; limit?: number }, next?: string | null) {
  if (next) return sendPage<Account>(next);
  return sendPage<Account>('/api/rapport/v1/people', { query: params }) as Promise<Page<Account>>;
}

export function getInvitation(code: string): Promise<InvitationPreview> {
  return sendJson<InvitationPreview>(`/api/rapport/v1/invitations/${encodeURIComponent(code)}`);
}
