import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { NotFoundPage } from './components/NotFoundPage';
import { AdminAccountsPage } from './features/admin/AdminAccountsPage';
import { AdminInvitationsPage } from './features/admin/AdminInvitationsPage';
import { AdminLayout } from './features/admin/AdminLayout';
import { AnalyticsSettingsPage } from './features/admin/AnalyticsSettingsPage';
import { analyticsRoutes } from './features/analytics/routes';
import { InvitePage } from './features/auth/InvitePage';
import { OAuthAuthorizePage } from './features/auth/OAuthAuthorizePage';
import { RequireAdmin, RequireAuth } from './features/auth/RequireAuth';
import { SetupPage } from './features/auth/SetupPage';
import { SignInPage } from './features/auth/SignInPage';
import { SignUpPage } from './features/auth/SignUpPage';
import { ConversationRoute, NoConversation } from './features/chats/ConversationPage';
import { MessageSettingsPage } from './features/chats/MessageSettingsPage';
import { MessagesLayout } from './features/chats/MessagesLayout';
import { communityRoutes } from './features/communities/routes';
import { ForgotPasswordPage } from './features/email/ForgotPasswordPage';
import { ResetPasswordPage } from './features/email/ResetPasswordPage';
import { UnsubscribePage } from './features/email/UnsubscribePage';
import { EditEventPage, NewEventPage } from './features/events/EventFormPage';
import { EventRoute } from './features/events/EventPage';
import { EventsPage } from './features/events/EventsPage';
import { ExpertsPage } from './features/expertise/ExpertsPage';
import { FileDetailPage } from './features/files/FileDetailPage';
import { HomePage } from './features/home/HomePage';
import { InboxPage } from './features/inbox/InboxPage';
import { MyInsightsPage } from './features/insights/MyInsightsPage';
import { ModerationNoticePage } from './features/moderation/ModerationNoticePage';
import { ModerationQueuePage } from './features/moderation/ModerationQueuePage';
import { ModerationReportPage } from './features/moderation/ModerationReportPage';
import { networkRoutes } from './features/network/routes';
import { NotificationSettingsPage } from './features/notifications/NotificationSettingsPage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { PageDiffPage } from './features/pages/PageDiffPage';
import { EditPageRoute, NewPageRoute } from './features/pages/PageEditorPage';
import { PageHistoryPage } from './features/pages/PageHistoryPage';
import { PagesListPage } from './features/pages/PagesListPage';
import { PageViewPage } from './features/pages/PageViewPage';
import { PeoplePage } from './features/people/PeoplePage';
import { FollowsRoute } from './features/profile/FollowsPage';
import { ProfileRoute } from './features/profile/ProfilePage';
import { QuestionsPage } from './features/questions/QuestionsPage';
import { SearchPage } from './features/search/SearchPage';
import { AccountSettingsPage } from './features/settings/AccountSettingsPage';
import { PrivacySettingsPage } from './features/settings/PrivacySettingsPage';
import { ProfileSettingsPage } from './features/settings/ProfileSettingsPage';
import { SettingsLayout } from './features/settings/SettingsLayout';
import { StatusRoute, ThreadRoute } from './features/thread/ThreadPage';
import { OrganisationTimelinePage } from './features/timelines/OrganisationTimelinePage';
import { SavedStatusesPage } from './features/timelines/SavedStatusesPage';
import { TagTimelinePage } from './features/timelines/TagTimelinePage';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/invite/:code" element={<InvitePage />} />
        <Route path="/setup/:token" element={<SetupPage />} />
        <Route path="/oauth/authorize" element={<OAuthAuthorizePage />} />
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/unsubscribe" element={<UnsubscribePage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="/timeline" element={<OrganisationTimelinePage />} />
          <Route path="/tags/:tag" element={<TagTimelinePage />} />
          <Route path="/notifications" element={<NotificationsPage />} />
          <Route path="/messages" element={<MessagesLayout />}>
            <Route index element={<NoConversation />} />
            <Route path=":id" element={<ConversationRoute />} />
          </Route>
          <Route path="/inbox" element={<InboxPage />} />
          <Route path="/search" element={<SearchPage />} />
          <Route path="/bookmarks" element={<SavedStatusesPage kind="bookmarks" />} />
          <Route path="/favourites" element={<SavedStatusesPage kind="favourites" />} />
          <Route path="/statuses/:id" element={<StatusRoute />} />
          <Route path="/people" element={<PeoplePage />} />
          {communityRoutes()}
          <Route path="/questions" element={<QuestionsPage />} />
          <Route path="/experts" element={<ExpertsPage />} />
          <Route path="/pages" element={<PagesListPage />} />
          <Route path="/pages/new" element={<NewPageRoute />} />
          <Route path="/pages/:id" element={<PageViewPage />} />
          <Route path="/pages/:id/edit" element={<EditPageRoute />} />
          <Route path="/pages/:id/history" element={<PageHistoryPage />} />
          <Route path="/pages/:id/diff" element={<PageDiffPage />} />
          <Route path="/events" element={<EventsPage />} />
          <Route path="/events/new" element={<NewEventPage />} />
          <Route path="/events/:id" element={<EventRoute />} />
          <Route path="/events/:id/edit" element={<EditEventPage />} />
          <Route path="/files/:id" element={<FileDetailPage />} />
          {networkRoutes()}
          {analyticsRoutes()}
          <Route path="/insights" element={<MyInsightsPage />} />
          <Route path="/moderation" element={<ModerationQueuePage />} />
          <Route path="/moderation/reports/:id" element={<ModerationReportPage />} />
          <Route path="/moderation/notices/:id" element={<ModerationNoticePage />} />
          <Route path="/settings" element={<SettingsLayout />}>
            <Route index element={<Navigate to="/settings/profile" replace />} />
            <Route path="profile" element={<ProfileSettingsPage />} />
            <Route path="account" element={<AccountSettingsPage />} />
            <Route path="messages" element={<MessageSettingsPage />} />
            <Route path="notifications" element={<NotificationSettingsPage />} />
            <Route path="privacy" element={<PrivacySettingsPage />} />
          </Route>
          <Route element={<RequireAdmin />}>
            <Route path="/admin" element={<AdminLayout />}>
              <Route index element={<Navigate to="/admin/accounts" replace />} />
              <Route path="accounts" element={<AdminAccountsPage />} />
              <Route path="invitations" element={<AdminInvitationsPage />} />
              <Route path="analytics" element={<AnalyticsSettingsPage />} />
            </Route>
          </Route>
          {/* /@username: a router segment cannot start with a literal "@", so the page checks it. */}
          <Route path="/:handle" element={<ProfileRoute />} />
          <Route path="/:handle/followers" element={<FollowsRoute which="followers" />} />
          <Route path="/:handle/following" element={<FollowsRoute which="following" />} />
          <Route path="/:handle/:statusId" element={<ThreadRoute />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
