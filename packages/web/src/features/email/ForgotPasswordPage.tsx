import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { forgotPassword } from '../../api/mail';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { useFieldErrors } from '../../components/use-field-errors';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { AuthShell } from '../auth/AuthShell';

/** "Forgot your password?": asks for the address, then says to check the mailbox. */
export function ForgotPasswordPage() {
  const t = useT();
  const [email, setEmail] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const heading = useRef<HTMLDivElement>(null);
  const mutation = useMutation({
    mutationFn: forgotPassword,
    // The page changes under the person: move focus to the news so it is read out.
    onSuccess: () => requestAnimationFrame(() => heading.current?.focus()),
  });
  const errorFor = useFieldErrors(mutation.error, clientErrors);
  usePageTitle(t('email.forgot.title'));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!email.trim()) errors.email = t('errors.required');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(event.currentTarget);
    mutation.mutate(email.trim());
  };

  const back = (
    <p>
      <Link to="/sign-in">{t('email.forgot.backToSignIn')}</Link>
    </p>
  );

  if (mutation.isSuccess) {
    return (
      <AuthShell title={t('email.forgot.sentTitle')} footer={back}>
        <div ref={heading} tabIndex={-1} className="mail-sent" role="status">
          <p>{t('email.forgot.sentBody', { email: mutation.variables })}</p>
          <p className="mail-hint">{t('email.forgot.sentHint')}</p>
        </div>
        <Button
          onClick={() => {
            mutation.reset();
            setEmail('');
          }}
        >
          {t('email.forgot.tryAgain')}
        </Button>
      </AuthShell>
    );
  }

  return (
    <AuthShell
      title={t('email.forgot.title')}
      intro={<p>{t('email.forgot.intro')}</p>}
      footer={back}
    >
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={mutation.error} shownFields={['email']} />
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          value={email}
          onValueChange={setEmail}
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={errorFor('email', t('auth.email'))}
        />
        <Button
          type="submit"
          variant="primary"
          className="button-block"
          pending={mutation.isPending}
        >
          {mutation.isPending ? t('email.forgot.submitting') : t('email.forgot.submit')}
        </Button>
      </form>
    </AuthShell>
  );
}
