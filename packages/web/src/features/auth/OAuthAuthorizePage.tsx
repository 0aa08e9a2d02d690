import type { AuthorizationResult } from '@rapport/schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useLocation } from 'react-router';
import { decideAuthorization, previewAuthorization } from '../../api/oauth';
import { queryKeys } from '../../api/query-keys';
import { Avatar } from '../../components/Avatar';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { ErrorMessage } from '../../components/FormMessage';
import { CheckIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { AuthShell } from './AuthShell';
import { SignInForm } from './SignInForm';
import { describeScope } from './scopes';
import { useServerInfo, useSession } from './session';

/** The consent page Mastodon apps open: sign in if needed, then approve or deny. */
export function OAuthAuthorizePage() {
  const t = useT();
  const { search } = useLocation();
  const params = useMemo(() => Object.fromEntries(new URLSearchParams(search)), [search]);
  const session = useSession();
  const server = useServerInfo();
  const preview = useQuery({
    queryKey: queryKeys.authorization(search),
    queryFn: () => previewAuthorization(params),
    retry: false,
  });
  const [result, setResult] = useState<{ decision: string; outcome: AuthorizationResult }>();
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'deny') => decideAuthorization(params, decision),
    onSuccess: (outcome, decision) => {
      if (outcome.redirect_to) window.location.assign(outcome.redirect_to);
      setResult({ decision, outcome });
    },
  });
  const appName = preview.data?.application.name ?? '';
  usePageTitle(appName ? t('oauth.title', { app: appName }) : undefined);

  if (preview.isPending || session.isPending) return <LoadingBlock />;
  if (preview.isError) {
    return (
      <AuthShell title={t('oauth.invalidTitle')}>
        <ErrorMessage error={preview.error} />
      </AuthShell>
    );
  }

  const { application, scopes, redirect_uri, out_of_band } = preview.data;
  const title = t('oauth.title', { app: application.name });
  if (result) {
    const { decision, outcome } = result;
    return (
      <AuthShell title={title}>
        {outcome.redirect_to ? (
          <LoadingBlock label={t('oauth.redirecting')} />
        ) : decision === 'approve' && outcome.code ? (
          <>
            <p>{t('oauth.codeBody', { app: application.name })}</p>
            <CopyField label={t('oauth.codeLabel')} value={outcome.code} large />
          </>
        ) : (
          <p role="status">{t('oauth.denied')}</p>
        )}
      </AuthShell>
    );
  }

  const account = session.data?.account;
  const serverName = server.data?.title || t('app.name');
  return (
    <AuthShell
      title={title}
      intro={<p>{t('oauth.intro', { app: application.name, server: serverName })}</p>}
    >
      {application.website && (
        <p>
          <a href={application.website} target="_blank" rel="noopener noreferrer">
            {t('oauth.website', { app: application.name })}
            <span className="visually-hidden"> {t('common.openInNewTab')}</span>
          </a>
        </p>
      )}
      {!account ? (
        <>
          <p className="auth-subheading">{t('oauth.signInFirst', { app: application.name })}</p>
          <SignInForm />
        </>
      ) : (
        <>
          <div className="signed-in-as">
            <Avatar person={account} size="sm" />
            <span>
              {t('oauth.signedInAs', {
                name: account.display_name || account.username,
                username: account.username,
              })}
            </span>
          </div>
          <h2 className="section-title">{t('oauth.scopesHeading')}</h2>
          <ul className="scope-list">
            {scopes.map((scope) => (
              <li key={scope}>
                <CheckIcon size={18} />
                <span>{describeScope(t, scope)}</span>
              </li>
            ))}
          </ul>
          {!out_of_band && (
            <p className="muted small break-anywhere">
              {t('oauth.redirectNote', { uri: redirect_uri })}
            </p>
          )}
          <ErrorMessage error={decide.error} />
          <div className="button-row">
            <Button
              variant="primary"
              pending={decide.isPending && decide.variables === 'approve'}
              disabled={decide.isPending}
              onClick={() => decide.mutate('approve')}
            >
              {decide.isPending && decide.variables === 'approve'
                ? t('oauth.approving')
                : t('oauth.approve')}
            </Button>
            <Button disabled={decide.isPending} onClick={() => decide.mutate('deny')}>
              {t('oauth.deny')}
            </Button>
          </div>
        </>
      )}
    </AuthShell>
  );
}
