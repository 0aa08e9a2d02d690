import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { SearchIcon } from '../../components/icons';
import { SearchBox } from '../../components/SearchBox';
import { usePageTitle } from '../../components/use-page-title';
import { useSearchQuery } from '../../components/use-search-query';
import { useTabInView } from '../../components/use-tab-in-view';
import { useT } from '../../i18n/I18nProvider';
import { EverythingResults } from './EverythingResults';
import { HashtagResults } from './HashtagResults';
import { TAB_LABELS, TABS, tabOf, tabPath } from './search-tabs';

/** The search box and `?q=` follow each other (debounced); `?type=` picks the tab (none: all kinds). */
function useSearchParamsState() {
  const [params] = useSearchParams();
  const [input, setInput, query] = useSearchQuery();
  return { input, setInput, query, tab: tabOf(params.get('type')) };
}

export function SearchPage() {
  const t = useT();
  const { input, setInput, query, tab } = useSearchParamsState();
  usePageTitle(query ? t('search.titleFor', { query }) : t('search.title'));
  const tabsRef = useTabInView<HTMLElement>(tab);

  return (
    <div className="page page-feed page-search">
      <header className="page-header">
        <h1>{t('search.title')}</h1>
      </header>
      <SearchBox
        label={t('search.label')}
        placeholder={t('search.placeholder')}
        value={input}
        onChange={setInput}
        spellCheck={false}
      />
      <nav ref={tabsRef} className="tabs search-tabs" aria-label={t('search.types')}>
        {TABS.map((each) => (
          <Link
            key={each}
            data-tab={each}
            to={tabPath(query, each)}
            replace
            className={each === tab ? 'tab tab-active' : 'tab'}
            aria-current={each === tab ? 'page' : undefined}
          >
            {t(TAB_LABELS[each])}
          </Link>
        ))}
      </nav>
      {!query ? (
        <EmptyState icon={<SearchIcon size={28} />} title={t('search.prompt')}>
          <p>{t('search.promptHint')}</p>
          <p>{t('search.visibleOnly')}</p>
        </EmptyState>
      ) : tab === 'hashtags' ? (
        <HashtagResults query={query} />
      ) : (
        <EverythingResults query={query} tab={tab} />
      )}
    </div>
  );
}
