import { useT } from '../i18n/I18nProvider';
import { Button } from './Button';

/** What a keyset-paged list (a TanStack infinite query) offers for its next page. */
interface PagedList {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => unknown;
}

/** "Load more" under a list while it has a next page; says so while that page loads. */
export function LoadMore({ list }: { list: PagedList }) {
  const t = useT();
  if (!list.hasNextPage) return null;
  return (
    <div className="load-more">
      <Button pending={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
        {list.isFetchingNextPage ? t('common.loadingMore') : t('common.loadMore')}
      </Button>
    </div>
  );
}
