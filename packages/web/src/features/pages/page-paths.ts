import type { Account } from '@rapport/schema';

/** Web paths of the pages feature, in one place. */
export const pagePaths = {
  list: (place?: string) => (place ? `/pages?place=${encodeURIComponent(place)}` : '/pages'),
  create: (communityId?: string) =>
    communityId ? `/pages/new?community_id=${encodeURIComponent(communityId)}` : '/pages/new',
  view: (id: string) => `/pages/${id}`,
  edit: (id: string) => `/pages/${id}/edit`,
  history: (id: string) => `/pages/${id}/history`,
  diff: (id: string, from?: number, to?: number) => {
    const query = new URLSearchParams();
    if (from !== undefined) query.set('from', String(from));
    if (to !== undefined) query.set('to', String(to));
    const search = query.toString();
    return `/pages/${id}/diff${search ? `?${search}` : ''}`;
  },
};

export const displayName = (account: Pick<Account, 'display_name' | 'username'>) =>
  account.display_name || account.username;
