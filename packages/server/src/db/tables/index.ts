import type { Kysely } from 'kysely';
import type { AccountsTable, AccountTermsTable } from './accounts.table';
import type {
  AccountActivityDaysTable,
  AnalyticsOptOutsTable,
  AnalyticsTargetsTable,
} from './analytics.table';
import type {
  ChatMembersTable,
  ChatMessagesTable,
  ChatMessageTermsTable,
  ChatsTable,
  MessagePoliciesTable,
} from './chats.table';
import type {
  CommunitiesTable,
  CommunityMembersTable,
  CommunityPinsTable,
  CommunityTermsTable,
  InteractionsTable,
} from './communities.table';
import type { AccountConversationsTable } from './conversations.table';
import type { EventRsvpsTable, EventsTable, EventTermsTable } from './events.table';
import type {
  CommunityFilesTable,
  CommunityFileTermsTable,
  CommunityFileUsageTable,
  FileVersionsTable,
} from './files.table';
import type {
  BlocksTable,
  FollowsTable,
  HomeFeedTable,
  MarkersTable,
  MutesTable,
  NotificationReadsTable,
  NotificationsTable,
} from './graph.table';
import type { InvitationsTable } from './invitations.table';
import type { DigestRunsTable, MailOutboxTable, PasswordResetsTable } from './mail.table';
import type { ReportStatusesTable, ReportsTable } from './moderation.table';
import type { NotificationPreferencesTable } from './notification-preferences.table';
import type {
  AccessTokensTable,
  OAuthApplicationsTable,
  OAuthAuthorizationCodesTable,
} from './oauth.table';
import type {
  PageAuthorsTable,
  PageRevisionsTable,
  PagesTable,
  PageTermsTable,
} from './pages.table';
import type { PushSubscriptionsTable } from './push.table';
import type { AnswerVotesTable, QuestionsTable } from './questions.table';
import type {
  InteractionTalliesTable,
  IntroductionsTable,
  RelationshipOptOutsTable,
  RelationshipsTable,
} from './relationships.table';
import type { ServerSettingsTable } from './settings.table';
import type {
  IdempotencyKeysTable,
  MediaAttachmentsTable,
  PollsTable,
  PollVotesTable,
  PreviewCardsTable,
  ReactionsTable,
  StatusEditsTable,
  StatusesTable,
  StatusMentionsTable,
  StatusSearchPostgresTable,
  StatusSearchSqliteTable,
  StatusTagsTable,
  TagsTable,
} from './statuses.table';

export interface Tables {
  accounts: AccountsTable;
  account_terms: AccountTermsTable;
  oauth_applications: OAuthApplicationsTable;
  oauth_authorization_codes: OAuthAuthorizationCodesTable;
  access_tokens: AccessTokensTable;
  invitations: InvitationsTable;
  server_settings: ServerSettingsTable;
  statuses: StatusesTable;
  status_mentions: StatusMentionsTable;
  tags: TagsTable;
  status_tags: StatusTagsTable;
  media_attachments: MediaAttachmentsTable;
  polls: PollsTable;
  poll_votes: PollVotesTable;
  status_edits: StatusEditsTable;
  favourites: ReactionsTable;
  bookmarks: ReactionsTable;
  preview_cards: PreviewCardsTable;
  idempotency_keys: IdempotencyKeysTable;
  follows: FollowsTable;
  blocks: BlocksTable;
  mutes: MutesTable;
  home_feed: HomeFeedTable;
  notifications: NotificationsTable;
  account_conversations: AccountConversationsTable;
  notification_reads: NotificationReadsTable;
  notification_preferences: NotificationPreferencesTable;
  markers: MarkersTable;
  communities: CommunitiesTable;
  community_members: CommunityMembersTable;
  community_terms: CommunityTermsTable;
  community_pins: CommunityPinsTable;
  interactions: InteractionsTable;
  interaction_tallies: InteractionTalliesTable;
  introductions: IntroductionsTable;
  relationships: RelationshipsTable;
  relationship_opt_outs: RelationshipOptOutsTable;
  reports: ReportsTable;
  report_statuses: ReportStatusesTable;
  questions: QuestionsTable;
  answer_votes: AnswerVotesTable;
  pages: PagesTable;
  page_revisions: PageRevisionsTable;
  page_authors: PageAuthorsTable;
  page_terms: PageTermsTable;
  events: EventsTable;
  event_rsvps: EventRsvpsTable;
  event_terms: EventTermsTable;
  community_files: CommunityFilesTable;
  file_versions: FileVersionsTable;
  community_file_terms: CommunityFileTermsTable;
  community_file_usage: CommunityFileUsageTable;
  chats: ChatsTable;
  chat_members: ChatMembersTable;
  chat_messages: ChatMessagesTable;
  chat_message_terms: ChatMessageTermsTable;
  message_policies: MessagePoliciesTable;
  push_subscriptions: PushSubscriptionsTable;
  mail_outbox: MailOutboxTable;
  digest_runs: DigestRunsTable;
  password_resets: PasswordResetsTable;
  account_activity_days: AccountActivityDaysTable;
  analytics_opt_outs: AnalyticsOptOutsTable;
  analytics_targets: AnalyticsTargetsTable;
}

/** The dialect-specific search tables, reached only through db/dialect.ts. */
export interface SearchTables {
  status_search: StatusSearchSqliteTable | StatusSearchPostgresTable;
}

export type Db = Kysely<Tables>;
export type { AccessTokensTable, AccountsTable, InvitationsTable, OAuthApplicationsTable };
