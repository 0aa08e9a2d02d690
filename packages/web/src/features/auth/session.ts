import type { CredentialAccount, Session } from '@rapport/schema';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { setCsrfToken } from '../../api/client';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import { getServerInfo, getSession, signOut } from '../../api/session';

/** Set when the server stopped accepting the session (expired, suspended, signed out elsewhere). */
const SESSION_ENDED = ['session-ended'] as const;

export function useServerInfo() {
  return useQuery({ queryKey: queryKeys.server, queryFn: getServerInfo, staleTime: 5 * 60_000 });
}

export function useSession() {
  return useQuery({ queryKey: queryKeys.session, queryFn: getSession, staleTime: 60_000 });
}

/**
 * The signed-in person; only for pages behind <RequireAuth>. When the session ends, a page
 * may render once more before <RequireAuth> replaces it, so the last account is kept.
 */
export function useCurrentAccount(): CredentialAccount {
  const { data } = useSession();
  const last = useRef(data?.account);
  if (data?.account) last.current = data.account;
  if (!last.current) throw new Error('useCurrentAccount needs a signed-in person (<RequireAuth>)');
  return last.current;
}

/** After sign-in, sign-up or setup: the new session replaces whatever was cached. */
export function useStartSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    setCsrfToken(session.csrf_token);
    queryClient.setQueryData(queryKeys.session, session);
    // Whatever was loaded while signed out (or as someone else) is loaded again; reset
    // rather than remove, so pages on screen (the OAuth consent page) refetch.
    void queryClient.resetQueries({
      predicate: (query) => !['server', 'session'].includes(String(query.queryKey[0])),
    });
    // Setup and sign-up change what the server reports (setup_required).
    void queryClient.invalidateQueries({ queryKey: queryKeys.server });
  };
}

/** Keeps the cached session in step after the person edits their own account. */
export function updateSessionAccount(queryClient: QueryClient, account: CredentialAccount) {
  queryClient.setQueryData<Session | null>(queryKeys.session, (session) =>
    session ? { ...session, account } : session,
  );
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    onSuccess: () => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'server' });
      queryClient.setQueryData(queryKeys.session, null);
    },
  });
}

/**
 * Called for every failed query and mutation: a 401 `unauthorized` means the session is gone,
 * so the app forgets it and <RequireAuth> sends the person to the sign-in page.
 */
export function handleSessionLoss(queryClient: QueryClient, error: unknown): void {
  if (!isApiError(error, 'unauthorized')) return;
  if (!queryClient.getQueryData(queryKeys.session)) return;
  setCsrfToken(null);
  queryClient.setQueryData(SESSION_ENDED, true);
  queryClient.setQueryData(queryKeys.session, null);
}

/** Whether the last session ended without the person signing out; reading it clears it. */
export function takeSessionEnded(queryClient: QueryClient): boolean {
  const ended = queryClient.getQueryData<boolean>(SESSION_ENDED) === true;
  queryClient.removeQueries({ queryKey: SESSION_ENDED });
  return ended;
}
