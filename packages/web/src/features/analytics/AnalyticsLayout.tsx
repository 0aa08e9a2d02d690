import { useMemo } from 'react';
import { NavLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { usePageTitle } from '../../components/use-page-title';
import { useTabInView } from '../../components/use-tab-in-view';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import {
  defaultScope,
  hasAnyScope,
  mayOpen,
  type PeriodWeeks,
  periodOf,
  scopeFrom,
  scopeKind,
  selectionSearch,
  weeksFrom,
} from './analytics-query';
import { type AnalyticsContext, ReportSkeleton } from './parts';
import { CommunityFinder, PeriodPicker, ScopePicker } from './ScopePicker';
import { useAnalyticsScopes } from './use-analytics-scopes';

/** The dashboards, as tabs (links); Silos only for the whole organisation. */
const TABS = [
  { path: '/analytics', label: 'analytics.tab.participation', end: true, organisationOnly: false },
  {
    path: '/analytics/responsiveness',
    label: 'analytics.tab.responsiveness',
    end: false,
    organisationOnly: false,
  },
  {
    path: '/analytics/knowledge-risk',
    label: 'analytics.tab.knowledgeRisk',
    end: false,
    organisationOnly: false,
  },
  { path: '/analytics/silos', label: 'analytics.tab.silos', end: false, organisationOnly: true },
] as const;

/**
 * `/analytics`: whose figures (scope) and over which weeks (period), kept in the address so
 * a dashboard can be shared and reloaded, then the dashboards as tabs.
 */
export function AnalyticsLayout() {
  const t = useT();
  usePageTitle(t('analytics.title'));
  const account = useCurrentAccount();
  const isAdmin = account.rapport_role === 'admin';
  const scopes = useAnalyticsScopes();
  const [search, setSearch] = useSearchParams();
  const { pathname } = useLocation();
  // Again once the tabs appear (they wait for the scopes), so a phone shows the open one.
  const tabRow = useTabInView<HTMLElement>(`${pathname} ${scopes.isSuccess}`);
  const weeks = weeksFrom(search.get('weeks'));
  const fallback = scopes.data ? defaultScope(scopes.data) : null;
  const scope = scopeFrom(search.get('scope')) ?? fallback;
  const period = useMemo(() => periodOf(weeks, Date.now()), [weeks]);

  const choose = (next: { scope?: string; weeks?: PeriodWeeks }) => {
    if (!scope) return;
    setSearch(
      new URLSearchParams({ scope: next.scope ?? scope, weeks: String(next.weeks ?? weeks) }),
    );
  };

  let body: React.ReactNode;
  if (scopes.isPending) {
    body = <ReportSkeleton />;
  } else if (scopes.isError) {
    body = <ErrorState error={scopes.error} onRetry={() => scopes.refetch()} />;
  } else if (!hasAnyScope(scopes.data) || !scope || !fallback) {
    body = <EmptyState title={t('analytics.none.title')}>{t('analytics.none.body')}</EmptyState>;
  } else if (!mayOpen(scope, scopes.data, isAdmin)) {
    // A link to someone else's dashboard: say so, and offer the viewer's own.
    body = (
      <>
        <div className="analytics-controls">
          <ScopePicker
            scope={fallback}
            scopes={scopes.data}
            onChange={(next) => choose({ scope: next })}
          />
        </div>
        <EmptyState title={t('analytics.notYours.title')}>
          {t('analytics.notYours.body')}
        </EmptyState>
      </>
    );
  } else {
    const context: AnalyticsContext = {
      selection: { scope, weeks, ...period },
      scopes: scopes.data,
      isAdmin,
    };
    const query = selectionSearch(scope, weeks);
    const tabs = TABS.filter((tab) => !tab.organisationOnly || scopeKind(scope) === 'organisation');
    body = (
      <>
        <div className="analytics-controls">
          <ScopePicker
            scope={scope}
            scopes={scopes.data}
            onChange={(next) => choose({ scope: next })}
          />
          <PeriodPicker weeks={weeks} onChange={(next) => choose({ weeks: next })} />
          {isAdmin && <CommunityFinder onPick={(id) => choose({ scope: `community:${id}` })} />}
        </div>
        <nav ref={tabRow} className="tabs analytics-tabs" aria-label={t('analytics.tabs')}>
          {tabs.map((tab) => (
            <NavLink
              key={tab.path}
              to={{ pathname: tab.path, search: query }}
              end={tab.end}
              className={({ isActive }) => (isActive ? 'tab tab-active' : 'tab')}
            >
              {t(tab.label)}
            </NavLink>
          ))}
        </nav>
        <Outlet context={context} />
      </>
    );
  }

  return (
    <div className="page analytics-page">
      <header className="page-header">
        <h1>{t('analytics.title')}</h1>
        <p className="muted">{t('analytics.intro')}</p>
      </header>
      {body}
    </div>
  );
}
