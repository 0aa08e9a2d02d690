import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LockIcon } from '../../components/icons';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import {
  InsightsAnswers,
  InsightsCommunities,
  InsightsDownloads,
  InsightsFigures,
  InsightsWeekly,
} from './InsightsSections';
import { InsightsIcon } from './icons';
import {
  DEFAULT_WEEKS,
  getMyInsights,
  insightsKeys,
  PERIOD_WEEKS,
  type PeriodWeeks,
  periodOf,
  weeksParam,
} from './insights-api';
import { hasActivity } from './insights-format';
import { PersonaCard } from './persona';

/**
 * `/insights`: the signed-in person's own picture of how they take part (persona,
 * contributions and responses week by week, answering, where they help). Private: the
 * server answers about the signed-in person only. The period lives in `?weeks=`.
 */
export function MyInsightsPage() {
  const t = useT();
  usePageTitle(t('insights.title'));
  const [params, setParams] = useSearchParams();
  const weeks = weeksParam(params.get('weeks'));
  const period = periodOf(weeks, Date.now());
  const insights = useQuery({
    queryKey: insightsKeys.mine(period),
    queryFn: () => getMyInsights(period),
    placeholderData: (previous) => previous,
  });
  const choose = (next: PeriodWeeks) =>
    setParams(next === DEFAULT_WEEKS ? {} : { weeks: String(next) }, { replace: true });

  return (
    <div className="page page-medium insights-page">
      <header className="page-header">
        <h1>{t('insights.title')}</h1>
        <p className="muted">{t('insights.intro')}</p>
        <p className="insights-private">
          <LockIcon size={16} />
          <span>{t('insights.private')}</span>
        </p>
      </header>
      <PeriodPicker weeks={weeks} onChange={choose} />
      {insights.isPending ? (
        <LoadingBlock label={t('insights.loading')} />
      ) : insights.isError ? (
        <ErrorState error={insights.error} onRetry={() => insights.refetch()} />
      ) : (
        <div className="stack-lg insights-body" aria-busy={insights.isPlaceholderData}>
          {hasActivity(insights.data) ? (
            <>
              <PersonaCard persona={insights.data.persona} thresholds={insights.data.thresholds} />
              <InsightsFigures insights={insights.data} />
              <InsightsWeekly insights={insights.data} />
              <InsightsAnswers insights={insights.data} />
              <InsightsCommunities insights={insights.data} />
              <InsightsDownloads period={period} />
            </>
          ) : (
            <EmptyState icon={<InsightsIcon />} title={t('insights.emptyTitle')}>
              <p>{t('insights.emptyBody')}</p>
            </EmptyState>
          )}
        </div>
      )}
    </div>
  );
}

/** 4, 12, 26 or 52 weeks, as a row of toggle buttons. */
function PeriodPicker({
  weeks,
  onChange,
}: {
  weeks: PeriodWeeks;
  onChange: (weeks: PeriodWeeks) => void;
}) {
  const t = useT();
  const legendId = useId();
  return (
    <div className="insights-period">
      <span id={legendId} className="field-label">
        {t('insights.period')}
      </span>
      <fieldset className="segmented" aria-labelledby={legendId}>
        {PERIOD_WEEKS.map((choice) => (
          <button
            key={choice}
            type="button"
            className={choice === weeks ? 'segment segment-active' : 'segment'}
            aria-pressed={choice === weeks}
            aria-label={t('insights.weeks', { count: choice })}
            onClick={() => onChange(choice)}
          >
            {t('insights.weeksShort', { count: choice })}
          </button>
        ))}
      </fieldset>
    </div>
  );
}
