import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useT } from '../../i18n/I18nProvider';
import { getAnalyticsPrivacy, insightsKeys, saveAnalyticsPrivacy } from '../insights/insights-api';
import { Switch } from '../notifications/Switch';

/**
 * "Count me in team and community analytics": off, the person counts in organisation-wide
 * totals only (never in a department's, a community's or in silos). Their own insights
 * are private either way.
 */
export function AnalyticsPrivacySection() {
  const t = useT();
  const titleId = useId();
  const queryClient = useQueryClient();
  const privacy = useQuery({ queryKey: insightsKeys.privacy, queryFn: getAnalyticsPrivacy });
  const save = useMutation({
    mutationFn: saveAnalyticsPrivacy,
    onSuccess: (answer) => queryClient.setQueryData(insightsKeys.privacy, answer),
  });
  const counted = save.isPending ? save.variables.counted : privacy.data?.counted;

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {t('insights.privacy.title')}
      </h2>
      <p className="muted">{t('insights.privacy.intro')}</p>
      {privacy.isPending ? (
        <LoadingBlock />
      ) : privacy.isError ? (
        <ErrorState error={privacy.error} onRetry={() => privacy.refetch()} />
      ) : (
        <div className="form">
          <Switch
            checked={counted === true}
            disabled={save.isPending}
            onChange={(on) => save.mutate({ counted: on })}
          >
            <span>{t('insights.privacy.switch')}</span>
          </Switch>
          <p className="field-hint">
            {t('insights.privacy.on')} {t('insights.privacy.offMeans')}
          </p>
          <ErrorMessage error={save.error} />
          <SuccessMessage>
            {save.isSuccess &&
              (save.data.counted ? t('insights.privacy.saved') : t('insights.privacy.savedOff'))}
          </SuccessMessage>
        </div>
      )}
    </section>
  );
}
