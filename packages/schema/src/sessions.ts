import { z } from 'zod';
import { CredentialAccount, Email, Password, Username } from './accounts';
import { FormBoolean, RegistrationMode } from './common';
import { ACCOUNT_LIMITS } from './limits';

export const SignInInput = z.object({
  /** Email address or username. */
  login: z.string().trim().min(1, 'must not be blank').max(ACCOUNT_LIMITS.email),
  password: z.string().min(1, 'must not be blank').max(ACCOUNT_LIMITS.passwordMax),
});

/** The web app's session: who is signed in and the token to send as X-CSRF-Token. */
export const Session = z.object({
  account: CredentialAccount,
  csrf_token: z.string(),
});
export type Session = z.infer<typeof Session>;

const NewAccountFields = {
  username: Username,
  email: Email,
  password: Password,
  display_name: z.string().trim().max(ACCOUNT_LIMITS.displayName).optional(),
};

export const SignUpInput = z.object({
  ...NewAccountFields,
  invite_code: z.string().trim().max(64).optional(),
  agreement: FormBoolean.refine((accepted) => accepted, 'must be accepted'),
  locale: z.string().max(16).optional(),
});

export const SetupInput = z.object({ ...NewAccountFields, token: z.string().min(1).max(200) });

export const SetupTokenParams = z.object({ token: z.string().min(1).max(200) });

export const ChangePasswordInput = z.object({
  current_password: z.string().min(1, 'must not be blank').max(ACCOUNT_LIMITS.passwordMax),
  new_password: Password,
});

/** Public facts the web app needs before anyone signs in. */
export const ServerInfo = z.object({
  title: z.string(),
  version: z.string(),
  registrations: RegistrationMode,
  setup_required: z.boolean(),
});
export type ServerInfo = z.infer<typeof ServerInfo>;
