import type { Community } from '@rapport/schema';
import { useOutletContext } from 'react-router';

/** What a community's page gives its sections (community-tabs.ts). */
export interface CommunityOutlet {
  community: Community;
}

/** The community whose page this section is on. */
export function useCommunity(): Community {
  return useOutletContext<CommunityOutlet>().community;
}
