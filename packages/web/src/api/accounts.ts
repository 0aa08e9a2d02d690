import type { Account, CredentialAccount, InvitationPreview, Relationship } from '@rapport/schema';
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

export async function getRelationship(accountId: string): Promise<Relationship | null> {
  const list = await sendJson<Relationship[]>('/api/v1/accounts/relationships', {
    query: { 'id[]': [accountId] },
  });
  return list.find((relationship) => relationship.id === accountId) ?? null;
}

export type RelationshipAction = 'follow' | 'unfollow' | 'block' | 'unblock' | 'mute' | 'unmute';

export function changeRelationship(
  accountId: string,
  action: RelationshipAction,
): Promise<Relationship> {
  return sendJson<Relationship>(`/api/v1/accounts/${encodeURIComponent(accountId)}/${action}`, {
    method: 'POST',
  });
}

/** Followers or followed accounts; pass the `next` path of the previous page to continue. */
export function listFollows(
  accountId: string,
  which: 'followers' | 'following',
  next?: string | null,
): Promise<Page<Account>> {
  if (next) return sendPage<Account>(next);
  return sendPage<Account>(`/api/v1/accounts/${encodeURIComponent(accountId)}/${which}`, {
    query: { limit: 40 },
  });
}
