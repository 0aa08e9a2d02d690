import { EmptyState } from '../../components/EmptyState';
import { BookmarkIcon, StarIcon } from '../../components/icons';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { Timeline } from './Timeline';

/** The statuses one bookmarked or favourited; only their owner sees these lists. */
export function SavedStatusesPage({ kind }: { kind: 'bookmarks' | 'favourites' }) {
  const t = useT();
  const bookmarks = kind === 'bookmarks';
  const title = bookmarks ? t('bookmarks.title') : t('favourites.title');
  usePageTitle(title);
  return (
    <div className="page page-feed">
      <header className="page-header">
        <h1>{title}</h1>
        <p className="muted">{bookmarks ? t('bookmarks.intro') : t('favourites.intro')}</p>
      </header>
      <Timeline
        key={kind}
        source={{ kind }}
        label={title}
        empty={
          <EmptyState
            icon={bookmarks ? <BookmarkIcon size={28} /> : <StarIcon size={28} />}
            title={bookmarks ? t('bookmarks.empty') : t('favourites.empty')}
          >
            <p>{bookmarks ? t('bookmarks.emptyHint') : t('favourites.emptyHint')}</p>
          </EmptyState>
        }
      />
    </div>
  );
}
