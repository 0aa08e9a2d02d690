import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { getInvitation } from '../../api/accounts';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import { signUp } from '../../api/session';
import { ErrorState } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n } from '../../i18n/I18nProvider';
import { AuthShell } from './AuthShell';
import { NewAccountForm } from './NewAccountForm';
import { useServerInfo, useSession } from './session';

export function InvitePage() {
  const { t, formatDate } = useI18n();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const session = useSession();
  const server = useServerInfo();
  const invitation = useQuery({
    queryKey: queryKeys.invitation(code),
    queryFn: () => getInvitation(code),
  });
  usePageTitle(t('invite.title'));
  const app = server.data?.title || t('app.name');

  if (invitation.isPending || session.isPending) return <LoadingBlock />;
  if (invitation.isError) {
    if (
      isApiError(invitation.error, 'invalid_invitation') ||
      isApiError(invitation.error, 'not_found')
    ) {
      return (
        <AuthShell title={t('invite.invalidTitle')}>
          <p>{t('invite.invalidBody')}</p>
          <Link className="button button-secondary" to="/sign-in">
            {t('nav.signIn')}
          </Link>
        </AuthShell>
      );
    }
    return <ErrorState error={invitation.error} onRetry={() => invitation.refetch()} />;
  }
  if (session.data) {
    return (
      <AuthShell title={t('invite.signedInTitle')}>
        <p>{t('invite.signedInBody', { username: session.data.account.username })}</p>
        <Link className="button button-primary" to="/">
          {t('notFound.home')}
        </Link>
      </AuthShell>
    );
  }

  const { invited_by, role, email, expires_at } = invitation.data;
  return (
    <AuthShell
      title={t('invite.title')}
      intro={
        <>
          <p>
            {invited_by
              ? t('invite.byPerson', { name: invited_by, app })
              : t('invite.anonymous', { app })}
          </p>
          {role === 'guest' && <p>{t('invite.asGuest')}</p>}
          {expires_at && (
            <p className="muted">{t('invite.expires', { date: formatDate(expires_at) })}</p>
          )}
        </>
      }
      footer={
        <p>
          {t('signUp.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
        </p>
      }
    >
      <NewAccountForm
        submitLabel={t('signUp.submit')}
        pendingLabel={t('signUp.submitting')}
        askAgreement
        lockedEmail={email}
        create={(values) => signUp({ ...values, invite_code: code, agreement: true })}
        onCreated={() => navigate('/', { replace: true })}
      />
    </AuthShell>
  );
}
