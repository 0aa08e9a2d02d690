import { useEffect, useId, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { SearchIcon } from '../../components/icons';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { useDebouncedValue } from '../people/use-debounced-value';
import { EverythingResults } from './EverythingResults';
import { HashtagResults } from './HashtagResults';
import { TAB_LABELS, TABS, tabOf, tabPath } from './search-tabs';

/** The search box and `?q=` follow each other (debounced); `?type=` picks the tab (none: all kinds). */
function useSearchParamsState() {
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const tab = tabOf(params.get('type'));
  const [input, setInput] = useState(query);
  const debounced = useDebouncedValue(input.trim(), 300);
  const lastQuery = useRef(query);

  useEffect(() => {
    if (debounced === lastQuery.current) return;
    lastQuery.current = debounced;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  useEffect(() => {
    if (query === lastQuery.current) return;
    lastQuery.current = query;
    setInput(query);
  }, [query]);

  return { input, setInput, query, tab };
}

export function SearchPage() {
  const t = useT();
  const inputId = useId();
  const { input, setInput, query, tab } = useSearchParamsState();
  usePageTitle(query ? t('search.titleFor', { query }) : t('search.title'));
  const tabsRef = useRef<HTMLElement>(null);

  // On a phone the tabs scroll sideways: bring the chosen one into view.
  useEffect(() => {
    const nav = tabsRef.current;
    const active = nav?.querySelector<HTMLElement>(`[data-tab="${tab}"]`);
    if (!nav || !active) return;
    const shown = nav.getBoundingClientRect();
    const place = active.getBoundingClientRect();
    if (place.left < shown.left || place.right > shown.right)
      nav.scrollLeft += place.left - shown.left - 16;
  }, [tab]);

  return (
    <div className="page page-feed page-search">
      <header className="page-header">
        <h1>{t('search.title')}</h1>
      </header>
      <search className="search-box">
        <label htmlFor={inputId} className="visually-hidden">
          {t('search.label')}
        </label>
        <SearchIcon />
        <input
          id={inputId}
          type="search"
          className="input search-input"
          placeholder={t('search.placeholder')}
          value={input}
          onChange={(event) => setInput(event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
      </search>
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
