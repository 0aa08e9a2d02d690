import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { AuthShell } from './AuthShell';
import { returnPath } from './return-path';
import { SignInForm } from './SignInForm';
import { takeSessionEnded, useServerInfo, useSession } from './session';

export function SignInPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const server = useServerInfo();
  const [sessionEnded] = useState(() => takeSessionEnded(queryClient));
  const app = server.data?.title || t('app.name');
  usePageTitle(t('signIn.title'));

  if (session.isPending) return <LoadingBlock />;
  if (session.data) return <Navigate to={returnPath(location.state)} replace />;

  const registrations = server.data?.registrations;
  return (
    <AuthShell
      title={t('signIn.title')}
      intro={<p>{t('signIn.intro', { app })}</p>}
      footer={
        registrations === 'open' ? (
          <p>
            {t('signIn.noAccount')} <Link to="/sign-up">{t('signIn.createAccount')}</Link>
          </p>
        ) : registrations === 'invite' ? (
          <p>{t('signIn.inviteOnly')}</p>
        ) : null
      }
    >
      {server.data?.setup_required && (
        <div className="message message-info">
          <p className="message-title">{t('signIn.setupTitle')}</p>
          <p>{t('signIn.setupBody')}</p>
        </div>
      )}
      {sessionEnded && (
        <div className="message message-info" role="status">
          <p>{t('errors.sessionExpired')}</p>
        </div>
      )}
      <SignInForm onSignedIn={() => navigate(returnPath(location.state), { replace: true })} />
      <p className="auth-aside">
        <Link to="/forgot-password">{t('email.forgot.link')}</Link>
      </p>
    </AuthShell>
  );
}
