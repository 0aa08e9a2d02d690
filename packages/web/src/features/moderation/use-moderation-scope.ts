import { useQuery } from '@tanstack/react-query';
import { getModerationScope } from '../../api/moderation';
import { queryKeys } from '../../api/query-keys';

/**
 * Whether the viewer works a moderation queue: admins do, and so does anyone who owns or
 * moderates a community. Roles change rarely, so a minute-old answer is good enough.
 */
export function useModerates(isAdmin: boolean): boolean {
  const scope = useQuery({
    queryKey: queryKeys.moderationScope,
    queryFn: getModerationScope,
    enabled: !isAdmin,
    staleTime: 60_000,
  });
  return isAdmin || (scope.data?.community_ids.length ?? 0) > 0;
}
