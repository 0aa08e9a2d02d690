import type { ResponseTarget } from '@rapport/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { ErrorMessage, SuccessMessage } from '../../components/FormMessage';
import { useFieldErrors } from '../../components/use-field-errors';
import { useT } from '../../i18n/I18nProvider';
import { analyticsKeys, saveTarget } from './analytics-api';
import { scopeKind } from './analytics-query';

const FIELDS = ['answer_within_hours', 'answered_share'];

/** Whole hours 1-720 and a whole percentage 5-100, as the API accepts them. */
export function targetErrors(
  hours: string,
  percent: string,
): { answer_within_hours?: 'hours'; answered_share?: 'percent' } {
  const h = Number(hours);
  const p = Number(percent);
  return {
    ...(/^\d+$/.test(hours.trim()) && h >= 1 && h <= 720 ? {} : { answer_within_hours: 'hours' }),
    ...(/^\d+(\.\d+)?$/.test(percent.trim()) && p >= 5 && p <= 100
      ? {}
      : { answered_share: 'percent' }),
  };
}

/**
 * The response target the organisation or a community sets for itself: "answer X% of
 * questions within N hours". Saving recomputes the dashboard against the new target.
 */
export function TargetForm({ scope, target }: { scope: string; target: ResponseTarget }) {
  const t = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [hours, setHours] = useState(String(target.answer_within_hours));
  const [percent, setPercent] = useState(String(Math.round(target.answered_share * 100)));
  const [checked, setChecked] = useState(false);
  const save = useMutation({
    mutationFn: saveTarget,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: analyticsKeys.targets }),
        queryClient.invalidateQueries({ queryKey: ['analytics', 'responsiveness'] }),
      ]),
  });
  const local = checked ? targetErrors(hours, percent) : {};
  const errorFor = useFieldErrors(save.error, {
    ...(local.answer_within_hours
      ? { answer_within_hours: t('analytics.target.hoursInvalid') }
      : {}),
    ...(local.answered_share ? { answered_share: t('analytics.target.percentInvalid') } : {}),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChecked(true);
    const problems = targetErrors(hours, percent);
    if (problems.answer_within_hours || problems.answered_share) return;
    save.mutate({
      scope,
      answer_within_hours: Number(hours),
      answered_share: Number(percent) / 100,
    });
  };

  return (
    <section className="card analytics-target-form" aria-labelledby={headingId}>
      <h3 id={headingId} className="card-title">
        {scopeKind(scope) === 'organisation'
          ? t('analytics.target.titleOrganisation')
          : t('analytics.target.titleCommunity')}
      </h3>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={save.error} shownFields={FIELDS} />
        <div className="field-grid">
          <TextField
            label={t('analytics.target.percent')}
            inputMode="decimal"
            value={percent}
            onValueChange={(value) => {
              setPercent(value);
              save.reset();
            }}
            hint={t('analytics.target.percentHint')}
            error={errorFor('answered_share', t('analytics.target.percent'))}
          />
          <TextField
            label={t('analytics.target.hours')}
            inputMode="numeric"
            value={hours}
            onValueChange={(value) => {
              setHours(value);
              save.reset();
            }}
            hint={t('analytics.target.hoursHint')}
            error={errorFor('answer_within_hours', t('analytics.target.hours'))}
          />
        </div>
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={save.isPending}>
            {save.isPending ? t('common.saving') : t('analytics.target.save')}
          </Button>
        </div>
        <SuccessMessage>{save.isSuccess && t('analytics.target.saved')}</SuccessMessage>
      </form>
    </section>
  );
}
