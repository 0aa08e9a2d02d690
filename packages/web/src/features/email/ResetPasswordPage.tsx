import { ACCOUNT_LIMITS } from '@rapport/schema/limits';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { setCsrfToken } from '../../api/client';
import { isApiError } from '../../api/errors';
import { resetPassword } from '../../api/mail';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { useFieldErrors } from '../../components/use-field-errors';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { AuthShell } from '../auth/AuthShell';

/** The page the reset link opens: a new password, twice; then on to sign in. */
export function ResetPasswordPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const done = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: resetPassword,
    onSuccess: () => {
      // Every session of the account ended, this browser's included.
      setCsrfToken(null);
      queryClient.setQueryData(queryKeys.session, null);
      requestAnimationFrame(() => done.current?.focus());
    },
  });
  const errorFor = useFieldErrors(mutation.error, clientErrors);
  usePageTitle(t('email.reset.title'));

  if (!token || isApiError(mutation.error, 'invalid_reset_token')) {
    return (
      <AuthShell title={t('email.reset.invalidTitle')}>
        <p>{t('email.reset.invalidBody')}</p>
        <Link className="button button-primary" to="/forgot-password">
          {t('email.reset.askAgain')}
        </Link>
      </AuthShell>
    );
  }

  if (mutation.isSuccess) {
    return (
      <AuthShell title={t('email.reset.doneTitle')}>
        <div ref={done} tabIndex={-1} role="status">
          <p>{t('email.reset.doneBody')}</p>
        </div>
        <Link className="button button-primary" to="/sign-in">
          {t('email.reset.signIn')}
        </Link>
      </AuthShell>
    );
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (password.length < ACCOUNT_LIMITS.passwordMin) {
      errors.password = t('errors.passwordTooShort', { count: ACCOUNT_LIMITS.passwordMin });
    } else if (confirm !== password) {
      errors.confirm = t('email.reset.mismatch');
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(event.currentTarget);
    mutation.mutate({ token, password });
  };

  return (
    <AuthShell title={t('email.reset.title')} intro={<p>{t('email.reset.intro')}</p>}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={mutation.error} shownFields={['password']} />
        <TextField
          label={t('email.reset.password')}
          hint={t('auth.passwordHint', { count: ACCOUNT_LIMITS.passwordMin })}
          name="password"
          type="password"
          value={password}
          onValueChange={setPassword}
          autoComplete="new-password"
          minLength={ACCOUNT_LIMITS.passwordMin}
          required
          error={errorFor('password', t('email.reset.password'))}
        />
        <TextField
          label={t('email.reset.confirm')}
          name="confirm"
          type="password"
          value={confirm}
          onValueChange={setConfirm}
          autoComplete="new-password"
          required
          error={errorFor('confirm', t('email.reset.confirm'))}
        />
        <Button
          type="submit"
          variant="primary"
          className="button-block"
          pending={mutation.isPending}
        >
          {mutation.isPending ? t('email.reset.submitting') : t('email.reset.submit')}
        </Button>
      </form>
    </AuthShell>
  );
}
