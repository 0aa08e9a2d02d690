import { useQuery } from '@tanstack/react-query';
import { isApiError } from '../../api/errors';
import { getPage } from '../../api/pages';
import { queryKeys } from '../../api/query-keys';

/** One page, kept fresh; a page that is gone (or never visible) is not retried. */
export function usePage(id: string) {
  return useQuery({
    queryKey: queryKeys.page(id),
    queryFn: () => getPage(id),
    retry: (count, error) => !isApiError(error, 'not_found') && count < 2,
  });
}
