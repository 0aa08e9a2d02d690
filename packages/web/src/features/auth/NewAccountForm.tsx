import type { Session } from '@rapport/schema';
import { ACCOUNT_LIMITS } from '@rapport/schema/limits';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { useFieldErrors } from '../../components/use-field-errors';
import { useT } from '../../i18n/I18nProvider';
import { useServerInfo, useStartSession } from './session';

export interface NewAccountValues {
  display_name: string;
  username: string;
  email: string;
  password: string;
}

const FIELDS = ['display_name', 'username', 'email', 'password', 'agreement'];
const USERNAME = /^[A-Za-z0-9_]+$/;

/** The form behind sign-up, invitations and first-run setup. */
export function NewAccountForm({
  submitLabel,
  pendingLabel,
  askAgreement,
  lockedEmail,
  create,
  onCreated,
}: {
  submitLabel: string;
  pendingLabel: string;
  askAgreement: boolean;
  lockedEmail?: string | null;
  create: (values: NewAccountValues) => Promise<Session>;
  onCreated: (session: Session) => void;
}) {
  const t = useT();
  const server = useServerInfo();
  const startSession = useStartSession();
  const agreementId = useId();
  const [values, setValues] = useState<NewAccountValues>({
    display_name: '',
    username: '',
    email: lockedEmail ?? '',
    password: '',
  });
  const [agreed, setAgreed] = useState(false);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: create,
    onSuccess: (session) => {
      startSession(session);
      onCreated(session);
    },
  });
  const errorFor = useFieldErrors(mutation.error, clientErrors);
  const set = (field: keyof NewAccountValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const errors: Record<string, string> = {};
    if (!values.username.trim()) errors.username = t('errors.required');
    else if (!USERNAME.test(values.username.trim())) errors.username = t('errors.usernameFormat');
    if (!values.email.trim()) errors.email = t('errors.required');
    if (values.password.length < ACCOUNT_LIMITS.passwordMin) {
      errors.password = t('errors.passwordTooShort', { count: ACCOUNT_LIMITS.passwordMin });
    }
    if (askAgreement && !agreed) errors.agreement = t('auth.agreementRequired');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) focusFirstInvalid(form);
    if (Object.keys(errors).length > 0) return;
    mutation.mutate({
      ...values,
      username: values.username.trim(),
      email: values.email.trim(),
      display_name: values.display_name.trim(),
    });
  };

  const agreementError = errorFor('agreement', t('auth.agreementName'));
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorMessage error={mutation.error} shownFields={FIELDS} />
      <TextField
        label={t('auth.displayName')}
        optional
        name="display_name"
        value={values.display_name}
        onValueChange={set('display_name')}
        autoComplete="name"
        maxLength={ACCOUNT_LIMITS.displayName}
        error={errorFor('display_name', t('auth.displayName'))}
      />
      <TextField
        label={t('auth.username')}
        hint={t('auth.usernameHint')}
        name="username"
        value={values.username}
        onValueChange={set('username')}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        maxLength={ACCOUNT_LIMITS.username}
        required
        error={errorFor('username', t('auth.username'))}
      />
      <TextField
        label={t('auth.email')}
        hint={lockedEmail ? t('invite.emailLocked') : undefined}
        name="email"
        type="email"
        value={values.email}
        onValueChange={set('email')}
        autoComplete="email"
        readOnly={Boolean(lockedEmail)}
        required
        error={errorFor('email', t('auth.email'))}
      />
      <TextField
        label={t('auth.password')}
        hint={t('auth.passwordHint', { count: ACCOUNT_LIMITS.passwordMin })}
        name="password"
        type="password"
        value={values.password}
        onValueChange={set('password')}
        autoComplete="new-password"
        minLength={ACCOUNT_LIMITS.passwordMin}
        required
        error={errorFor('password', t('auth.password'))}
      />
      {askAgreement && (
        <div className={agreementError ? 'checkbox-field field-invalid' : 'checkbox-field'}>
          <input
            id={agreementId}
            type="checkbox"
            checked={agreed}
            onChange={(event) => setAgreed(event.target.checked)}
            aria-invalid={agreementError ? true : undefined}
            aria-describedby={agreementError ? `${agreementId}-error` : undefined}
          />
          <label htmlFor={agreementId}>
            {t('auth.agreement', { app: server.data?.title || t('app.name') })}
          </label>
          {agreementError && (
            <p id={`${agreementId}-error`} className="field-error">
              {agreementError}
            </p>
          )}
        </div>
      )}
      <Button type="submit" variant="primary" className="button-block" pending={mutation.isPending}>
        {mutation.isPending ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}
