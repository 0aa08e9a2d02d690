import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';
import { getRelationshipPrivacy, networkKeys } from './network-api';

/**
 * Whether the signed-in person has relationship insights on. Unknown (still loading, or
 * the server could not say) counts as on: the lists themselves then say what there is.
 */
export function useInsightsEnabled(): boolean {
  const privacy = useQuery({
    queryKey: networkKeys.privacy,
    queryFn: getRelationshipPrivacy,
    retry: false,
    staleTime: 60_000,
  });
  return privacy.data?.enabled !== false;
}

/** The server answers 409 to someone who turned insights off (the setting may be newer than the page). */
export function isInsightsOff(error: unknown): boolean {
  return isApiError(error, 'conflict');
}
