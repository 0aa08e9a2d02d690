import { Navigate, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { NotFoundPage } from './components/NotFoundPage';
import { AdminAccountsPage } from './features/admin/AdminAccountsPage';
import { AdminInvitationsPage } from './features/admin/AdminInvitationsPage';
import { AdminLayout } from './features/admin/AdminLayout';
import { InvitePage } from './features/auth/InvitePage';
import { OAuthAuthorizePage } from './features/auth/OAuthAuthorizePage';
import { RequireAdmin, RequireAuth } from './features/auth/RequireAuth';
import { SetupPage } from './features/auth/SetupPage';
import { SignInPage } from './features/auth/SignInPage';
import { SignUpPage } from './features/auth/SignUpPage';
import { HomePage } from './features/home/HomePage';
import { PeoplePage } from './features/people/PeoplePage';
import { ProfileRoute } from './features/profile/ProfilePage';
import { AccountSettingsPage } from './features/settings/AccountSettingsPage';
import { ProfileSettingsPage } from './features/settings/ProfileSettingsPage';
import { SettingsLayout } from './features/settings/SettingsLayout';

export function App() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route path="/sign-in" element={<SignInPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route path="/invite/:code" element={<InvitePage />} />
        <Route path="/setup/:token" element={<SetupPage />} />
        <Route path="/oauth/authorize" element={<OAuthAuthorizePage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<HomePage />} />
          <Route path="/people" element={<PeoplePage />} />
          <Route path="/settings" element={<SettingsLayout />}>
            <Route index element={<Navigate to="/settings/profile" replace />} />
            <Route path="profile" element={<ProfileSettingsPage />} />
            <Route path="account" element={<AccountSettingsPage />} />
          </Route>
          <Route element={<RequireAdmin />}>
            <Route path="/admin" element={<AdminLayout />}>
              <Route index element={<Navigate to="/admin/accounts" replace />} />
              <Route path="accounts" element={<AdminAccountsPage />} />
              <Route path="invitations" element={<AdminInvitationsPage />} />
            </Route>
          </Route>
          {/* /@username: a router segment cannot start with a literal "@", so the page checks it. */}
          <Route path="/:handle" element={<ProfileRoute />} />
        </Route>
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
