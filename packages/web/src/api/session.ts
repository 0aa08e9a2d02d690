import type { ServerInfo, Session } from '@rapport/schema';
import { sendEmpty, sendJson, setCsrfToken } from './client';
import { isApiError } from './errors';

const SESSION = '/api/rapport/v1/session';

function remember(session: Session): Session {
  setCsrfToken(session.csrf_token);
  return session;
}

export function getServerInfo(): Promise<ServerInfo> {
  return sendJson<ServerInfo>('/api/rapport/v1/server');
}

/** The current session, or null when nobody is signed in. */
export async function getSession(): Promise<Session | null> {
  try {
    return remember(await sendJson<Session>(SESSION));
  } catch (error) {
    if (isApiError(error, 'unauthorized')) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export interface SignInInput {
  login: string;
  password: string;
}

export async function signIn(input: SignInInput): Promise<Session> {
  return remember(await sendJson<Session>(SESSION, { method: 'POST', json: input }));
}

export async function signOut(): Promise<void> {
  try {
    await sendEmpty(SESSION, { method: 'DELETE' });
  } catch (error) {
    // Already signed out (expired or suspended): the outcome the person asked for.
    if (!isApiError(error, 'unauthorized')) throw error;
  } finally {
    setCsrfToken(null);
  }
}

export interface SignUpInput {
  username: string;
  email: string;
  password: string;
  display_name?: string;
  invite_code?: string;
  agreement: true;
}

export async function signUp(input: SignUpInput): Promise<Session> {
  return remember(
    await sendJson<Session>('/api/rapport/v1/registrations', { method: 'POST', json: input }),
  );
}

export function checkSetupToken(token: string): Promise<{ valid: true }> {
  return sendJson(`/api/rapport/v1/setup/${encodeURIComponent(token)}`);
}

export interface SetupInput {
  token: string;
  username: string;
  email: string;
  password: string;
  display_name?: string;
}

export async function completeSetup(input: SetupInput): Promise<Session> {
  return remember(
    await sendJson<Session>('/api/rapport/v1/setup', { method: 'POST', json: input }),
  );
}

export function changePassword(input: {
  current_password: string;
  new_password: string;
}): Promise<void> {
  return sendEmpty('/api/rapport/v1/account/password', { method: 'PUT', json: input });
}
