import type { Tag } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { search } from '../../api/search';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { HashIcon } from '../../components/icons';
import { PeopleSkeleton } from '../../components/Skeleton';
import { useT } from '../../i18n/I18nProvider';

/** Weekly use of a hashtag: Mastodon's history lists days newest first, as strings. */
function peopleThisWeek(tag: Tag): number {
  return tag.history.reduce((sum, day) => sum + (Number(day.accounts) || 0), 0);
}

/** Hashtags come from Mastodon's search (by prefix); they answer one page. */
export function HashtagResults({ query }: { query: string }) {
  const t = useT();
  const results = useQuery({
    queryKey: queryKeys.search(query, 'hashtags'),
    queryFn: ({ signal }) => search(query, 'hashtags', { signal }),
    placeholderData: (previous) => previous,
  });
  if (results.isPending) return <PeopleSkeleton count={4} layout="list" />;
  if (!results.data) return <ErrorState error={results.error} onRetry={() => results.refetch()} />;
  const hashtags = results.data.hashtags;
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite">
        {t('search.results', { count: hashtags.length })}
      </p>
      {hashtags.length === 0 ? (
        <EmptyState title={t('search.none.hashtags', { query })}>
          <p>{t('search.emptyHint')}</p>
        </EmptyState>
      ) : (
        <ul className={results.isPlaceholderData ? 'tag-list card is-refreshing' : 'tag-list card'}>
          {hashtags.map((tag) => (
            <li key={tag.name}>
              <Link to={`/tags/${encodeURIComponent(tag.name)}`} className="tag-link">
                <HashIcon size={18} />
                <span className="tag-link-name">{tag.name}</span>
              </Link>
              <span className="muted small">
                {t('search.tagPeople', { count: peopleThisWeek(tag) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
