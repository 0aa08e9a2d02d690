import type { Session } from '@rapport/schema';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { signIn } from '../../api/session';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { useFieldErrors } from '../../components/use-field-errors';
import { useT } from '../../i18n/I18nProvider';
import { useStartSession } from './session';

const FIELDS = ['login', 'password'];

export function SignInForm({ onSignedIn }: { onSignedIn?: (session: Session) => void }) {
  const t = useT();
  const startSession = useStartSession();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const mutation = useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      startSession(session);
      onSignedIn?.(session);
    },
  });
  const errorFor = useFieldErrors(mutation.error, clientErrors);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const errors: Record<string, string> = {};
    if (!login.trim()) errors.login = t('errors.required');
    if (!password) errors.password = t('errors.required');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) focusFirstInvalid(form);
    if (Object.keys(errors).length === 0) mutation.mutate({ login: login.trim(), password });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <ErrorMessage error={mutation.error} shownFields={FIELDS} />
      <TextField
        label={t('auth.login')}
        name="login"
        value={login}
        onValueChange={setLogin}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={errorFor('login', t('auth.login'))}
      />
      <TextField
        label={t('auth.password')}
        name="password"
        type="password"
        value={password}
        onValueChange={setPassword}
        autoComplete="current-password"
        required
        error={errorFor('password', t('auth.password'))}
      />
      <Button type="submit" variant="primary" className="button-block" pending={mutation.isPending}>
        {mutation.isPending ? t('signIn.submitting') : t('signIn.submit')}
      </Button>
    </form>
  );
}
