import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { LoadingBlock } from '../../components/Spinner';
import { useFieldErrors } from '../../components/use-field-errors';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import {
  getAnalyticsSettings,
  insightsKeys,
  saveAnalyticsSettings,
} from '../insights/insights-api';
import { groupSizeOf, MIN_GROUP_SIZE } from '../insights/insights-format';

/**
 * `/admin/analytics`: the minimum group size below which analytics hide a figure, with what
 * it protects and what it costs.
 */
export function AnalyticsSettingsPage() {
  const t = useT();
  usePageTitle(t('insights.settings.title'));
  const headingId = useId();
  const form = useRef<HTMLFormElement>(null);
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: insightsKeys.settings, queryFn: getAnalyticsSettings });
  const [size, setSize] = useState('');
  const [checked, setChecked] = useState(false);
  useEffect(() => {
    if (settings.data) setSize(String(settings.data.min_group_size));
  }, [settings.data]);
  const save = useMutation({
    mutationFn: saveAnalyticsSettings,
    onSuccess: (answer) => {
      queryClient.setQueryData(insightsKeys.settings, answer);
      // Every dashboard's figures depend on it.
      void queryClient.invalidateQueries({ queryKey: ['analytics'] });
    },
  });
  const value = groupSizeOf(size);
  const clientError =
    checked && value === null ? t('insights.settings.invalid', MIN_GROUP_SIZE) : undefined;
  const errorFor = useFieldErrors(save.error, clientError ? { min_group_size: clientError } : {});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    if (value === null) {
      focusFirstInvalid(form.current);
      return;
    }
    save.mutate({ min_group_size: value });
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('insights.settings.title')}
      </h2>
      <p className="muted">{t('insights.settings.intro')}</p>
      {settings.isPending ? (
        <LoadingBlock />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => settings.refetch()} />
      ) : (
        <form ref={form} className="form" onSubmit={submit} noValidate>
          <ErrorMessage error={save.error} shownFields={['min_group_size']} />
          <TextField
            label={t('insights.settings.minGroupSize')}
            hint={t('insights.settings.minGroupSizeHint', MIN_GROUP_SIZE)}
            type="number"
            inputMode="numeric"
            min={MIN_GROUP_SIZE.min}
            max={MIN_GROUP_SIZE.max}
            step={1}
            value={size}
            onValueChange={(next) => {
              setSize(next);
              save.reset();
            }}
            error={errorFor('min_group_size', t('insights.settings.minGroupSize'))}
            className="analytics-group-size"
          />
          <div className="form-actions">
            <Button type="submit" variant="primary" pending={save.isPending}>
              {t('insights.settings.save')}
            </Button>
          </div>
          <SuccessMessage>
            {save.isSuccess && t('insights.settings.saved', { count: save.data.min_group_size })}
          </SuccessMessage>
        </form>
      )}
    </section>
  );
}
