import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useT } from '../../i18n/I18nProvider';
import { Switch } from '../notifications/Switch';

/**
 * One privacy preference as a card with a switch: loaded, saved at once when flipped
 * (shown in its new position while saving), with its error or its confirmation. The
 * words come from `MESSAGES.title`, `.intro`, `.switch`, `.on`, `.offMeans`, `.saved` and
 * `.savedOff`.
 */
export function PrivacySwitchSection<V>({
  messages,
  queryKey,
  load,
  store,
  isOn,
  preferenceOf,
  onSaved,
}: {
  messages: 'network.privacy' | 'insights.privacy';
  queryKey: readonly unknown[];
  load: () => Promise<V>;
  store: (value: V) => Promise<V>;
  isOn: (value: V) => boolean;
  preferenceOf: (on: boolean) => V;
  onSaved?: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const queryClient = useQueryClient();
  const preference = useQuery({ queryKey, queryFn: load });
  const save = useMutation({
    mutationFn: store,
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKey, answer);
      onSaved?.();
    },
  });
  const on = save.isPending
    ? isOn(save.variables)
    : preference.data === undefined
      ? undefined
      : isOn(preference.data);

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="card-title">
        {t(`${messages}.title`)}
      </h2>
      <p className="muted">{t(`${messages}.intro`)}</p>
      {preference.isPending ? (
        <LoadingBlock />
      ) : preference.isError ? (
        <ErrorState error={preference.error} onRetry={() => preference.refetch()} />
      ) : (
        <div className="form">
          <Switch
            checked={on === true}
            disabled={save.isPending}
            onChange={(value) => save.mutate(preferenceOf(value))}
          >
            <span>{t(`${messages}.switch`)}</span>
          </Switch>
          <p className="field-hint">
            {t(`${messages}.on`)} {t(`${messages}.offMeans`)}
          </p>
          <ErrorMessage error={save.error} />
          <SuccessMessage>
            {save.isSuccess &&
              (isOn(save.data) ? t(`${messages}.saved`) : t(`${messages}.savedOff`))}
          </SuccessMessage>
        </div>
      )}
    </section>
  );
}
