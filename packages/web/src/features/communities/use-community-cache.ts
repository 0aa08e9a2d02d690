import type { Community } from '@rapport/schema';
import { type QueryClient, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

/**
 * After a change to a community or to the viewer's place in it: the page shows the
 * server's answer at once, and lists that depend on it (the directory, members, the
 * home timeline that joining fills or leaving empties) are fetched again.
 */
export function showCommunity(queryClient: QueryClient, community: Community): void {
  queryClient.setQueryData(queryKeys.community(community.id), community);
  void queryClient.invalidateQueries({ queryKey: ['communities', 'list'] });
  void queryClient.invalidateQueries({ queryKey: ['communities', 'members', community.id] });
  void queryClient.invalidateQueries({ queryKey: queryKeys.timeline({ kind: 'home' }) });
}

export function useShowCommunity() {
  const queryClient = useQueryClient();
  return (community: Community) => showCommunity(queryClient, community);
}
