import type { CalendarEvent, CommunityRef } from '@rapport/schema';
import { EVENT_LIMITS } from '@rapport/schema/limits';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useRef, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { createEvent, getEvent, listHostCommunities, updateEvent } from '../../api/events';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { ErrorMessage, ErrorState } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { NotFoundPage } from '../../components/NotFoundPage';
import { LoadingBlock } from '../../components/Spinner';
import { useFieldErrors } from '../../components/use-field-errors';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { eventPath } from './EventItem';
import {
  addMinutes,
  browserTimeZone,
  defaultTimes,
  minutesBetween,
  timeZoneNames,
  wallTimeInput,
  zoneLabel,
} from './event-time';

interface Draft {
  title: string;
  communityId: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  location: string;
  onlineUrl: string;
  description: string;
}

const SHOWN_FIELDS = [
  'title',
  'community_id',
  'starts_at',
  'ends_at',
  'time_zone',
  'location',
  'online_url',
  'description',
];

function draftOf(event: CalendarEvent): Draft {
  return {
    title: event.title,
    communityId: event.community?.id ?? '',
    startsAt: wallTimeInput(event.starts_at, event.time_zone),
    endsAt: wallTimeInput(event.ends_at, event.time_zone),
    timeZone: event.time_zone,
    location: event.location,
    onlineUrl: event.online_url ?? '',
    description: event.description,
  };
}

/** /events/new (`?community_id=` picks the community) and /events/:id/edit. */
export function NewEventPage() {
  const [params] = useSearchParams();
  const account = useCurrentAccount();
  const hosts = useQuery({ queryKey: queryKeys.eventHosts, queryFn: listHostCommunities });
  if (hosts.isPending) return <LoadingBlock />;
  if (hosts.isError) return <ErrorState error={hosts.error} onRetry={() => hosts.refetch()} />;
  const asked = params.get('community_id') ?? '';
  const guest = account.rapport_role === 'guest';
  const communityId = hosts.data.some((c) => c.id === asked)
    ? asked
    : guest
      ? (hosts.data[0]?.id ?? '')
      : '';
  const times = defaultTimes();
  return (
    <EventForm
      communities={hosts.data}
      allowOrganisation={!guest}
      initial={{
        title: '',
        communityId,
        startsAt: times.start,
        endsAt: times.end,
        timeZone: browserTimeZone(),
        location: '',
        onlineUrl: '',
        description: '',
      }}
    />
  );
}

export function EditEventPage() {
  const { id = '' } = useParams();
  const event = useQuery({ queryKey: queryKeys.event(id), queryFn: () => getEvent(id) });
  if (event.isPending) return <LoadingBlock />;
  if (event.isError) {
    if (isApiError(event.error, 'not_found')) return <NotFoundPage />;
    return <ErrorState error={event.error} onRetry={() => event.refetch()} />;
  }
  if (!event.data.can_edit) return <NotFoundPage />;
  return (
    <EventForm
      event={event.data}
      communities={event.data.community ? [event.data.community] : []}
      allowOrganisation={event.data.community === null}
      initial={draftOf(event.data)}
    />
  );
}

function EventForm({
  event,
  communities,
  allowOrganisation,
  initial,
}: {
  event?: CalendarEvent;
  communities: CommunityRef[];
  allowOrganisation: boolean;
  initial: Draft;
}) {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  usePageTitle(event ? t('events.form.editTitle') : t('events.form.newTitle'));

  const zones = useMemo(() => {
    const at = new Date();
    return timeZoneNames(initial.timeZone, browserTimeZone()).map((zone) => ({
      value: zone,
      label: zoneLabel(zone, at, locale),
    }));
  }, [initial.timeZone, locale]);

  const save = useMutation({
    mutationFn: () => {
      const fields = {
        title: draft.title,
        description: draft.description,
        starts_at: draft.startsAt,
        ends_at: draft.endsAt,
        time_zone: draft.timeZone,
        location: draft.location,
        online_url: draft.onlineUrl.trim() || null,
      };
      return event
        ? updateEvent(event.id, fields)
        : createEvent({ ...fields, community_id: draft.communityId || null });
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.event(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.eventLists });
      navigate(eventPath(saved), { replace: Boolean(event) });
    },
  });
  const errorFor = useFieldErrors(save.error, clientErrors);

  const set = (key: keyof Draft) => (value: string) =>
    setDraft((current) => {
      const next = { ...current, [key]: value };
      // Moving the start keeps the event's length, as calendars do.
      if (key === 'startsAt') {
        const length = minutesBetween(current.startsAt, current.endsAt);
        if (length !== null && length > 0 && minutesBetween(current.startsAt, value) !== null) {
          next.endsAt = addMinutes(value, length);
        }
      }
      return next;
    });

  const submit = (submitted: FormEvent) => {
    submitted.preventDefault();
    const problems: Record<string, string> = {};
    if (!draft.title.trim()) problems.title = t('errors.required');
    if (!draft.startsAt) problems.starts_at = t('errors.required');
    if (!draft.endsAt) problems.ends_at = t('errors.required');
    const length = minutesBetween(draft.startsAt, draft.endsAt);
    if (!problems.ends_at && length !== null && length <= 0) {
      problems.ends_at = t('events.form.endBeforeStart');
    }
    const link = draft.onlineUrl.trim();
    if (link && !/^https?:\/\/\S+$/i.test(link)) problems.online_url = t('events.form.badLink');
    setClientErrors(problems);
    if (Object.keys(problems).length > 0) {
      focusFirstInvalid(form.current);
      return;
    }
    save.mutate(undefined, { onError: () => focusFirstInvalid(form.current) });
  };

  const communityOptions = [
    ...(allowOrganisation ? [{ value: '', label: t('events.form.organisation') }] : []),
    ...communities.map((c) => ({ value: c.id, label: c.name })),
  ];
  const heading = event ? t('events.form.editTitle') : t('events.form.newTitle');

  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1>{heading}</h1>
      </header>
      <form ref={form} className="form card event-form" onSubmit={submit} noValidate>
        <ErrorMessage error={save.error} shownFields={SHOWN_FIELDS} />
        <TextField
          label={t('events.form.title')}
          value={draft.title}
          onValueChange={set('title')}
          maxLength={EVENT_LIMITS.title}
          required
          error={errorFor('title', t('events.form.title'))}
        />
        <SelectField
          label={t('events.form.community')}
          hint={event ? t('events.form.communityFixed') : t('events.form.communityHint')}
          value={draft.communityId}
          onValueChange={set('communityId')}
          options={communityOptions}
          disabled={Boolean(event)}
          error={errorFor('community_id', t('events.form.community'))}
        />
        <div className="field-grid">
          <TextField
            type="datetime-local"
            label={t('events.form.starts')}
            value={draft.startsAt}
            onValueChange={set('startsAt')}
            required
            error={errorFor('starts_at', t('events.form.starts'))}
          />
          <TextField
            type="datetime-local"
            label={t('events.form.ends')}
            value={draft.endsAt}
            onValueChange={set('endsAt')}
            min={draft.startsAt}
            required
            error={errorFor('ends_at', t('events.form.ends'))}
          />
        </div>
        <SelectField
          label={t('events.form.timeZone')}
          hint={t('events.form.timeZoneHint')}
          value={draft.timeZone}
          onValueChange={set('timeZone')}
          options={zones}
          error={errorFor('time_zone', t('events.form.timeZone'))}
        />
        <TextField
          label={t('events.form.location')}
          hint={t('events.form.locationHint')}
          value={draft.location}
          onValueChange={set('location')}
          maxLength={EVENT_LIMITS.location}
          optional
          error={errorFor('location', t('events.form.location'))}
        />
        <TextField
          type="url"
          inputMode="url"
          label={t('events.form.onlineUrl')}
          hint={t('events.form.onlineUrlHint')}
          value={draft.onlineUrl}
          onValueChange={set('onlineUrl')}
          maxLength={EVENT_LIMITS.onlineUrl}
          optional
          error={errorFor('online_url', t('events.form.onlineUrl'))}
        />
        <TextAreaField
          label={t('events.form.description')}
          hint={t('events.form.descriptionHint')}
          value={draft.description}
          onValueChange={set('description')}
          rows={6}
          maxLength={EVENT_LIMITS.description}
          optional
          error={errorFor('description', t('events.form.description'))}
        />
        <div className="form-actions">
          <Button type="submit" variant="primary" pending={save.isPending}>
            {save.isPending
              ? t('common.saving')
              : event
                ? t('events.form.save')
                : t('events.form.create')}
          </Button>
          <Link className="button button-ghost" to={event ? eventPath(event) : '/events'}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </div>
  );
}
