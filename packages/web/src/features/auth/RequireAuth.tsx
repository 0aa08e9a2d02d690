import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorState } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { LoadingBlock } from '../../components/Spinner';
import type { ReturnState } from './return-path';
import { useSession } from './session';

/** Private pages: signed-out visitors go to the sign-in page and come back afterwards. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingBlock />;
  if (session.isError)
    return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!session.data) {
    const from = `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to="/sign-in" replace state={{ from } satisfies ReturnState} />;
  }
  return <Outlet />;
}

/** Admin pages; others get the same answer as for a page that does not exist. */
export function RequireAdmin() {
  const session = useSession();
  if (session.data?.account.rapport_role !== 'admin') return <NotFoundPage />;
  return <Outlet />;
}
