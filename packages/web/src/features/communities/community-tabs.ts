import type { Community, Role } from '@rapport/schema';
import type { ComponentType } from 'react';
import type { MessageKey } from '../../i18n';
import { CommunityEventsTab } from '../events/CommunityEventsTab';
import { CommunityFilesTab } from '../files/CommunityFilesPage';
import { CommunityPagesTab } from '../pages/CommunityPagesTab';
import { CommunityQuestionsTab } from '../questions/CommunityQuestionsTab';
import { CommunityMembersTab } from './CommunityMembersTab';
import { CommunityRequestsTab } from './CommunityRequestsTab';
import { CommunitySettingsTab } from './CommunitySettingsTab';
import { CommunityTimelineTab } from './CommunityTimelineTab';
import { canReadContent, owns, runs } from './community-rules';

/**
 * The sections of a community's page, in order: each a tab and a route under
 * `/communities/:id/`. Another feature (questions, pages, events, files) adds its section
 * with one line here; its component reads the community with `useCommunity()`.
 */
export interface CommunityTab {
  /** The route under /communities/:id ('' for the first, index section). */
  path: string;
  label: MessageKey;
  Component: ComponentType;
  /** Whether the viewer gets this section at all. */
  shown: (community: Community, role: Role) => boolean;
}

export const COMMUNITY_TABS: readonly CommunityTab[] = [
  {
    path: '',
    label: 'communities.tab.timeline',
    Component: CommunityTimelineTab,
    shown: () => true,
  },
  {
    path: 'questions',
    label: 'communities.tab.questions',
    Component: CommunityQuestionsTab,
    shown: canReadContent,
  },
  {
    path: 'pages',
    label: 'communities.tab.pages',
    Component: CommunityPagesTab,
    shown: canReadContent,
  },
  {
    path: 'events',
    label: 'communities.tab.events',
    Component: CommunityEventsTab,
    shown: canReadContent,
  },
  {
    path: 'files',
    label: 'communities.tab.files',
    Component: CommunityFilesTab,
    shown: canReadContent,
  },
  {
    path: 'members',
    label: 'communities.tab.members',
    Component: CommunityMembersTab,
    shown: canReadContent,
  },
  {
    path: 'requests',
    label: 'communities.tab.requests',
    Component: CommunityRequestsTab,
    shown: (community) => runs(community) && community.privacy !== 'public',
  },
  {
    path: 'settings',
    label: 'communities.tab.settings',
    Component: CommunitySettingsTab,
    shown: owns,
  },
];
