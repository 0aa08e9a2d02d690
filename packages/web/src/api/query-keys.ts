import type { InvitationState } from '@rapport/schema';
import type { AdminAccountFilters } from './admin';
import type { EventListFilter } from './events';
import type { ReportQueueState } from './moderation';
import type { NotificationFilter } from './notifications';
import type { QuestionFilter } from './questions';
import type { SearchType } from './search';
import type { TimelineSource } from './timelines';

function timelineParts(source: TimelineSource): string[] {
  switch (source.kind) {
    case 'tag':
      return [source.kind, source.tag.toLowerCase()];
    case 'account':
      return [source.kind, source.accountId, source.filter];
    case 'community':
    case 'communityPins':
      return [source.kind, source.communityId];
    default:
      return [source.kind];
  }
}

/** Every TanStack Query key in one place, so invalidations cannot drift from queries. */
export const queryKeys = {
  server: ['server'] as const,
  session: ['session'] as const,
  mailSubscription: (token: string) => ['mail-subscription', token] as const,
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

  // Everything under 'statuses', 'notifications' and 'search' holds statuses, which
  // features/statuses/status-cache.ts keeps in step after an action or a live update.
  statuses: ['statuses'] as const,
  timelines: ['statuses', 'timeline'] as const,
  timeline: (source: TimelineSource) => ['statuses', 'timeline', ...timelineParts(source)] as const,
  status: (id: string) => ['statuses', 'one', id] as const,
  context: (id: string) => ['statuses', 'context', id] as const,
  notifications: (filter: NotificationFilter) => ['notifications', 'list', filter] as const,
  notificationLists: ['notifications', 'list'] as const,
  unreadCount: ['notifications', 'unread'] as const,
  notificationGroupAccounts: (groupKey: string) => ['notifications', 'group', groupKey] as const,
  notificationPreferences: ['notification-preferences'] as const,
  // The inbox holds statuses as notification lists do (status-cache.ts keeps them in step).
  inbox: (filter: string) => ['notifications', 'list', 'inbox', filter] as const,
  inboxLists: ['notifications', 'list', 'inbox'] as const,
  inboxUnread: ['notifications', 'inbox-unread'] as const,
  search: (q: string, type: SearchType) => ['search', q, type] as const,
  searchAll: ['search'] as const,
  searchEverything: (q: string, tab: string) => ['search', 'everything', q, tab] as const,
  // Question lists hold statuses like timelines do, so status-cache.ts keeps them in step.
  questions: (filter: QuestionFilter) =>
    ['statuses', 'timeline', 'questions', filter.state, filter.communityId ?? 'all'] as const,
  questionLists: ['statuses', 'timeline', 'questions'] as const,

  statusHistory: (id: string) => ['status-history', id] as const,
  statusSource: (id: string) => ['status-source', id] as const,
  statusAccounts: (id: string, which: 'favourited_by' | 'reblogged_by') =>
    ['status-accounts', id, which] as const,
  relationship: (accountId: string) => ['relationships', accountId] as const,
  follows: (accountId: string, which: 'followers' | 'following') =>
    ['follows', accountId, which] as const,
  suggestions: (kind: 'accounts' | 'hashtags', q: string) => ['suggestions', kind, q] as const,

  // Communities (features/communities); their statuses are timelines above.
  communities: ['communities'] as const,
  communityList: (view: string, q: string) => ['communities', 'list', view, q] as const,
  community: (id: string) => ['communities', 'one', id] as const,
  communityMembers: (id: string, which: string) => ['communities', 'members', id, which] as const,
  communityRequests: (id: string) => ['communities', 'requests', id] as const,
  suggestedAnswerers: (questionId: string) => ['questions', 'answerers', questionId] as const,
  experts: (topic: string) => ['experts', topic.toLowerCase()] as const,
  ownCommunities: ['questions', 'communities'] as const,
  communityRole: (communityId: string) => ['questions', 'community-role', communityId] as const,
  // Knowledge pages: everything under 'pages' is refreshed after a save or a delete.
  pagesAll: ['pages'] as const,
  pages: (q: string, place: string) => ['pages', 'list', q, place] as const,
  page: (id: string) => ['pages', 'one', id] as const,
  pagePlaces: ['pages', 'places'] as const,
  pageRevisions: (id: string) => ['pages', 'revisions', id] as const,
  pageRevision: (id: string, n: number) => ['pages', 'revision', id, n] as const,
  pageDiff: (id: string, from: number | undefined, to: number | undefined) =>
    ['pages', 'diff', id, from ?? 'previous', to ?? 'current'] as const,
  // Events: lists, one event, its attendees; everything under 'events' changes with an answer.
  events: ['events'] as const,
  eventLists: ['events', 'list'] as const,
  eventList: (filter: EventListFilter) => ['events', 'list', filter] as const,
  event: (id: string) => ['events', 'one', id] as const,
  eventAttendees: (id: string, status: string) => ['events', 'attendees', id, status] as const,
  eventHosts: ['events', 'hosts'] as const,
  // Moderation: the queue's two lists and one report change together when a report is handled.
  moderation: ['moderation'] as const,
  moderationScope: ['moderation', 'scope'] as const,
  reports: (state: ReportQueueState) => ['moderation', 'reports', state] as const,
  report: (id: string) => ['moderation', 'report', id] as const,
  moderationNotice: (id: string) => ['moderation-notice', id] as const,
};
