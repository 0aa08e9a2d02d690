import type {
  DigestFrequency,
  NotificationChannel,
  NotificationPreferences,
  PreferenceType,
  QuietHours,
} from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useMemo, useState } from 'react';
import {
  getNotificationPreferences,
  saveNotificationPreferences,
} from '../../api/notification-preferences';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { SelectField, TextField } from '../../components/Field';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { useFieldErrors } from '../../components/use-field-errors';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { useModerates } from '../moderation/use-moderation-scope';
import { PushOnThisDevice } from '../push/PushOnThisDevice';
import { ChannelTable } from './ChannelTable';
import { MODERATOR_TYPES } from './preference-types';
import { Switch } from './Switch';

const DIGESTS: readonly DigestFrequency[] = ['off', 'daily', 'weekly'];

function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

function timeZones(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes(current) ? zones : [current, ...zones];
}

/**
 * Quiet hours never switched on still hold the server's placeholder zone (UTC): they
 * start from the browser's own.
 */
function initialQuietHours(prefs: NotificationPreferences): QuietHours {
  const untouched = !prefs.quiet_hours.enabled && prefs.quiet_hours.time_zone === 'UTC';
  return untouched ? { ...prefs.quiet_hours, time_zone: browserTimeZone() } : prefs.quiet_hours;
}

function SettingsForm({ saved }: { saved: NotificationPreferences }) {
  const t = useT();
  const queryClient = useQueryClient();
  const me = useCurrentAccount();
  const moderates = useModerates(me.rapport_role === 'admin');
  const quietId = useId();
  const digestId = useId();
  const channelsId = useId();
  const [types, setTypes] = useState(saved.types);
  const [quiet, setQuiet] = useState(() => initialQuietHours(saved));
  const [digest, setDigest] = useState(saved.digest);
  const save = useMutation({
    mutationFn: saveNotificationPreferences,
    onSuccess: (answer) => {
      queryClient.setQueryData(queryKeys.notificationPreferences, answer);
      // What shows in the app may have changed: lists and counts are read again.
      void queryClient.invalidateQueries({ queryKey: queryKeys.notificationLists });
      void queryClient.invalidateQueries({ queryKey: queryKeys.unreadCount });
      void queryClient.invalidateQueries({ queryKey: queryKeys.inboxUnread });
    },
  });
  const errorFor = useFieldErrors(save.error);
  const zones = useMemo(() => timeZones(quiet.time_zone), [quiet.time_zone]);
  const hidden = moderates ? new Set<PreferenceType>() : MODERATOR_TYPES;

  const change = (type: PreferenceType, channel: NotificationChannel, on: boolean) => {
    save.reset();
    setTypes((current) => ({ ...current, [type]: { ...current[type], [channel]: on } }));
  };
  const changeQuiet = (next: Partial<QuietHours>) => {
    save.reset();
    setQuiet((current) => ({ ...current, ...next }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate({ types, quiet_hours: quiet, digest });
  };

  return (
    <form className="notification-settings" onSubmit={submit} noValidate>
      <section className="card" aria-labelledby={channelsId}>
        <h2 id={channelsId} className="card-title">
          {t('notificationSettings.channelsTitle')}
        </h2>
        <p className="muted">{t('notificationSettings.channelsIntro')}</p>
        <ChannelTable types={types} hidden={hidden} onChange={change} />
      </section>

      {/* Between what to be told about and when not to be disturbed: this browser's push. */}
      <PushOnThisDevice />

      <section className="card" aria-labelledby={quietId}>
        <h2 id={quietId} className="card-title">
          {t('notificationSettings.quietTitle')}
        </h2>
        <p className="muted">{t('notificationSettings.quietIntro')}</p>
        <div className="form">
          <Switch checked={quiet.enabled} onChange={(enabled) => changeQuiet({ enabled })}>
            <span>{t('notificationSettings.quietEnabled')}</span>
          </Switch>
          <div className="quiet-hours-times">
            <TextField
              label={t('notificationSettings.quietFrom')}
              type="time"
              value={quiet.from}
              onValueChange={(from) => changeQuiet({ from })}
              disabled={!quiet.enabled}
              required
              error={errorFor('quiet_hours.from', t('notificationSettings.quietFrom'))}
            />
            <TextField
              label={t('notificationSettings.quietTo')}
              type="time"
              value={quiet.to}
              onValueChange={(to) => changeQuiet({ to })}
              disabled={!quiet.enabled}
              required
              error={errorFor('quiet_hours.to', t('notificationSettings.quietTo'))}
            />
          </div>
          <SelectField
            label={t('notificationSettings.quietZone')}
            value={quiet.time_zone}
            onValueChange={(time_zone) => changeQuiet({ time_zone })}
            disabled={!quiet.enabled}
            options={zones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
            error={errorFor('quiet_hours.time_zone', t('notificationSettings.quietZone'))}
            hint={t('notificationSettings.quietSpansMidnight')}
          />
        </div>
      </section>

      <section className="card" aria-labelledby={digestId}>
        <h2 id={digestId} className="card-title">
          {t('notificationSettings.digestTitle')}
        </h2>
        <fieldset className="digest-choices">
          <legend className="muted">{t('notificationSettings.digestIntro')}</legend>
          {DIGESTS.map((each) => (
            <label key={each} className="digest-choice">
              <input
                type="radio"
                name="digest"
                value={each}
                checked={digest === each}
                onChange={() => {
                  save.reset();
                  setDigest(each);
                }}
              />
              <span>{t(`notificationSettings.digest.${each}`)}</span>
            </label>
          ))}
        </fieldset>
      </section>

      <ErrorMessage
        error={save.error}
        shownFields={['quiet_hours.from', 'quiet_hours.to', 'quiet_hours.time_zone']}
      />
      <div className="form-actions sticky-actions">
        <Button type="submit" variant="primary" pending={save.isPending}>
          {save.isPending ? t('notificationSettings.saving') : t('notificationSettings.save')}
        </Button>
        <SuccessMessage>{save.isSuccess && t('notificationSettings.saved')}</SuccessMessage>
      </div>
    </form>
  );
}

/** Settings → Notifications: per type and channel, quiet hours, the email digest. */
export function NotificationSettingsPage() {
  const t = useT();
  usePageTitle(t('notificationSettings.title'));
  const prefs = useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: getNotificationPreferences,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (prefs.isPending) {
    return (
      <p className="muted" aria-busy="true" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (!prefs.data) return <ErrorState error={prefs.error} onRetry={() => prefs.refetch()} />;
  return <SettingsForm saved={prefs.data} />;
}
