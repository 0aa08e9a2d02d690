import { ACCOUNT_LIMITS } from '@rapport/schema/limits';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { changePassword } from '../../api/session';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorMessage, SuccessMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { useFieldErrors } from '../../components/use-field-errors';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount, useServerInfo, useSignOut } from '../auth/session';

function PasswordForm({ username }: { username: string }) {
  const t = useT();
  const headingId = useId();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const change = useMutation({
    mutationFn: changePassword,
    onSuccess: () => {
      setCurrent('');
      setNext('');
      setConfirm('');
    },
  });
  const errorFor = useFieldErrors(change.error, clientErrors);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const errors: Record<string, string> = {};
    if (!current) errors.current_password = t('errors.required');
    if (next.length < ACCOUNT_LIMITS.passwordMin) {
      errors.new_password = t('errors.passwordTooShort', { count: ACCOUNT_LIMITS.passwordMin });
    }
    if (confirm !== next) errors.confirm = t('errors.passwordsDiffer');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) focusFirstInvalid(form);
    if (Object.keys(errors).length === 0) {
      change.mutate({ current_password: current, new_password: next });
    }
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('settings.account.passwordTitle')}
      </h2>
      <p className="muted">{t('settings.account.passwordIntro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={change.error} shownFields={['current_password', 'new_password']} />
        {/* Lets password managers attach the new password to the right account. */}
        <input
          type="text"
          name="username"
          autoComplete="username"
          hidden
          readOnly
          value={username}
        />
        <TextField
          label={t('settings.account.current')}
          type="password"
          value={current}
          onValueChange={setCurrent}
          autoComplete="current-password"
          required
          error={errorFor('current_password', t('settings.account.current'))}
        />
        <TextField
          label={t('settings.account.new')}
          hint={t('auth.passwordHint', { count: ACCOUNT_LIMITS.passwordMin })}
          type="password"
          value={next}
          onValueChange={setNext}
          autoComplete="new-password"
          required
          error={errorFor('new_password', t('settings.account.new'))}
        />
        <TextField
          label={t('settings.account.confirm')}
          type="password"
          value={confirm}
          onValueChange={setConfirm}
          autoComplete="new-password"
          required
          error={errorFor('confirm', t('settings.account.confirm'))}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={change.isPending}>
            {change.isPending
              ? t('settings.account.passwordSubmitting')
              : t('settings.account.passwordSubmit')}
          </Button>
          <SuccessMessage>
            {change.isSuccess && t('settings.account.passwordChanged')}
          </SuccessMessage>
        </div>
      </form>
    </section>
  );
}

export function AccountSettingsPage() {
  const t = useT();
  const account = useCurrentAccount();
  const server = useServerInfo();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const detailsId = useId();
  const signOutId = useId();
  usePageTitle(t('settings.account.title'));
  const role = { admin: t('role.admin'), member: t('role.member'), guest: t('role.guest') }[
    account.rapport_role
  ];

  return (
    <div className="stack">
      <section className="card" aria-labelledby={detailsId}>
        <h2 id={detailsId} className="card-title">
          {t('settings.account.title')}
        </h2>
        <dl className="field-list">
          <div className="field-list-row">
            <dt>{t('settings.account.email')}</dt>
            <dd>
              <span className="strong">{account.email}</span>
              <span className="field-hint">{t('settings.account.emailHint')}</span>
            </dd>
          </div>
          <div className="field-list-row">
            <dt>{t('settings.account.role')}</dt>
            <dd>{role}</dd>
          </div>
        </dl>
      </section>
      <PasswordForm username={account.username} />
      <section className="card" aria-labelledby={signOutId}>
        <h2 id={signOutId} className="card-title">
          {t('settings.account.signOutTitle')}
        </h2>
        <p className="muted">
          {t('settings.account.signOutBody', { app: server.data?.title || t('app.name') })}
        </p>
        <ErrorMessage error={signOut.error} />
        <Button
          variant="secondary"
          pending={signOut.isPending}
          onClick={() =>
            signOut.mutate(undefined, { onSuccess: () => navigate('/sign-in', { replace: true }) })
          }
        >
          {signOut.isPending ? t('settings.account.signingOut') : t('settings.account.signOut')}
        </Button>
      </section>
    </div>
  );
}
