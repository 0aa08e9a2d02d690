import type {
  Community,
  CommunityMember,
  CommunityPrivacy,
  CommunityRole,
  MembershipState,
  Status,
} from '@rapport/schema';
import { type Page, sendJson, sendPage } from './client';

const BASE = '/api/rapport/v1/communities';

const communityPath = (id: string, rest = '') => `${BASE}/${encodeURIComponent(id)}${rest}`;

export interface CommunityDirectoryFilter {
  q?: string;
  membership?: MembershipState;
  limit?: number;
}

/** The directory; pass the `next` path of the previous page to continue. */
export function listCommunities(
  filter: CommunityDirectoryFilter,
  next?: string | null,
): Promise<Page<Community>> {
  if (next) return sendPage<Community>(next);
  return sendPage<Community>(BASE, { query: { ...filter } });
}

export function getCommunity(id: string): Promise<Community> {
  return sendJson<Community>(communityPath(id));
}

export interface CommunityFields {
  name?: string;
  description?: string;
  privacy?: CommunityPrivacy;
  /** An uploaded image (POST /api/v2/media); null removes the cover. */
  cover_media_id?: string | null;
  cover_description?: string;
}

export function createCommunity(
  fields: CommunityFields & { name: string; privacy: CommunityPrivacy },
): Promise<Community> {
  return sendJson<Community>(BASE, { method: 'POST', json: fields });
}

export function updateCommunity(id: string, fields: CommunityFields): Promise<Community> {
  return sendJson<Community>(communityPath(id), { method: 'PATCH', json: fields });
}

export function deleteCommunity(id: string): Promise<unknown> {
  return sendJson<unknown>(communityPath(id), { method: 'DELETE' });
}

/** Join, ask to join, or accept an invitation; the server decides which. */
export function joinCommunity(id: string): Promise<Community> {
  return sendJson<Community>(communityPath(id, '/join'), { method: 'POST' });
}

/** Leave, withdraw a request or decline an invitation. */
export function leaveCommunity(id: string): Promise<Community> {
  return sendJson<Community>(communityPath(id, '/leave'), { method: 'POST' });
}

export function listMembers(
  id: string,
  filter: { role?: CommunityRole[]; state?: 'invited' },
  next?: string | null,
): Promise<Page<CommunityMember>> {
  if (next) return sendPage<CommunityMember>(next);
  return sendPage<CommunityMember>(communityPath(id, '/members'), {
    query: { limit: 40, role: filter.role?.join(','), state: filter.state },
  });
}

export function inviteMembers(id: string, accountIds: string[]): Promise<CommunityMember[]> {
  return sendJson<CommunityMember[]>(communityPath(id, '/members'), {
    method: 'POST',
    json: { account_ids: accountIds },
  });
}

export function changeMemberRole(
  id: string,
  accountId: string,
  role: CommunityRole,
): Promise<CommunityMember> {
  return sendJson<CommunityMember>(communityPath(id, `/members/${encodeURIComponent(accountId)}`), {
    method: 'PATCH',
    json: { role },
  });
}

export function removeMember(id: string, accountId: string): Promise<unknown> {
  return sendJson<unknown>(communityPath(id, `/members/${encodeURIComponent(accountId)}`), {
    method: 'DELETE',
  });
}

export function listRequests(id: string, next?: string | null): Promise<Page<CommunityMember>> {
  if (next) return sendPage<CommunityMember>(next);
  return sendPage<CommunityMember>(communityPath(id, '/requests'), { query: { limit: 40 } });
}

export function decideRequest(
  id: string,
  accountId: string,
  decision: 'approve' | 'reject',
): Promise<unknown> {
  return sendJson<unknown>(
    communityPath(id, `/requests/${encodeURIComponent(accountId)}/${decision}`),
    { method: 'POST' },
  );
}

/** Pins or unpins a status; the server answers the pinned statuses as they now are. */
export function setPinned(id: string, statusId: string, pinned: boolean): Promise<Status[]> {
  return pinned
    ? sendJson<Status[]>(communityPath(id, '/pins'), {
        method: 'POST',
        json: { status_id: statusId },
      })
    : sendJson<Status[]>(communityPath(id, `/pins/${encodeURIComponent(statusId)}`), {
        method: 'DELETE',
      });
}
