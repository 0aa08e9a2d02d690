import { Link, Navigate, useNavigate } from 'react-router';
import { signUp } from '../../api/session';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { AuthShell } from './AuthShell';
import { NewAccountForm } from './NewAccountForm';
import { useServerInfo, useSession } from './session';

export function SignUpPage() {
  const t = useT();
  const navigate = useNavigate();
  const session = useSession();
  const server = useServerInfo();
  usePageTitle(t('signUp.title'));

  if (session.isPending || server.isPending) return <LoadingBlock />;
  if (session.data) return <Navigate to="/" replace />;

  const app = server.data?.title || t('app.name');
  const footer = (
    <p>
      {t('signUp.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
    </p>
  );
  if (server.data?.registrations !== 'open') {
    return (
      <AuthShell title={t('signUp.title')} footer={footer}>
        <div className="message message-info">
          <p className="message-title">{t('signUp.closed')}</p>
          <p>{t('signUp.closedHint')}</p>
        </div>
      </AuthShell>
    );
  }
  return (
    <AuthShell
      title={t('signUp.title')}
      intro={<p>{t('signUp.intro', { app })}</p>}
      footer={footer}
    >
      <NewAccountForm
        submitLabel={t('signUp.submit')}
        pendingLabel={t('signUp.submitting')}
        askAgreement
        create={(values) => signUp({ ...values, agreement: true })}
        onCreated={() => navigate('/', { replace: true })}
      />
    </AuthShell>
  );
}
