import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import { checkSetupToken, completeSetup } from '../../api/session';
import { ErrorState } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { AuthShell } from './AuthShell';
import { NewAccountForm } from './NewAccountForm';

/** First run: the one-time link the server printed creates the first admin. */
export function SetupPage() {
  const t = useT();
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const check = useQuery({
    queryKey: queryKeys.setupToken(token),
    queryFn: () => checkSetupToken(token),
    staleTime: Number.POSITIVE_INFINITY,
  });
  usePageTitle(t('setup.title'));

  if (check.isPending) return <LoadingBlock label={t('setup.checking')} />;
  if (check.isError) {
    if (isApiError(check.error, 'invalid_setup_token') || isApiError(check.error, 'not_found')) {
      return (
        <AuthShell title={t('setup.invalidTitle')}>
          <p>{t('errors.invalidSetupToken')}</p>
          <Link className="button button-secondary" to="/sign-in">
            {t('nav.signIn')}
          </Link>
        </AuthShell>
      );
    }
    return <ErrorState error={check.error} onRetry={() => check.refetch()} />;
  }
  return (
    <AuthShell title={t('setup.title')} intro={<p>{t('setup.intro')}</p>}>
      <NewAccountForm
        submitLabel={t('setup.submit')}
        pendingLabel={t('setup.submitting')}
        askAgreement={false}
        create={(values) => completeSetup({ ...values, token })}
        onCreated={() => navigate('/', { replace: true })}
      />
    </AuthShell>
  );
}
