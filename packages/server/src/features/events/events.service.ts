import {
  type CalendarEvent,
  type CreateEventInput,
  EVENT_LIMITS,
  type EventListQuery,
  type UpdateEventInput,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import { decodeCursor } from '../../db/pagination';
import type { Db } from '../../db/tables';
import { forbidden, HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { DAY_MS } from '../../lib/time';
import { termsOf } from '../accounts/terms';
import { insertNotification } from '../notifications/notifications.queries';
import { type CommunityAccess, loadCommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import { checkEventFields, type EventFields } from './events.input';
import { eventPath, presentEvents } from './events.presenter';
import {
  deleteEventRow,
  type EventRow,
  eventOrder,
  findCommunityRoles,
  findEventById,
  findInterested,
  insertEvent,
  listEvents,
  replaceEventTerms,
  searchEventRows,
  updateEventRow,
  upsertRsvp,
} from './events.queries';
import { canCreateEvent, canManageEvent, canSeeEvent } from './events.rules';

export const MAX_DURATION_MS = EVENT_LIMITS.maxDays * DAY_MS;

export interface VisibleEvent {
  row: EventRow;
  access: CommunityAccess | undefined;
}

/** The event if the viewer may see it; 404 otherwise (existence does not leak). */
export async function getVisibleEvent(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<VisibleEvent> {
  const row = await findEventById(ctx.db, id);
  if (!row) throw notFound('Event');
  const access =
    row.community_id === null
      ? undefined
      : (await loadCommunityAccess(ctx.db, viewer.id, [row.community_id])).get(row.community_id);
  if (!canSeeEvent(viewer, row, access)) throw notFound('Event');
  return { row, access };
}

/** Whether the viewer may edit, cancel and delete this (visible) event. */
export async function mayManage(ctx: AppContext, viewer: Viewer, row: EventRow): Promise<boolean> {
  const role =
    row.community_id === null
      ? null
      : ((await findCommunityRoles(ctx.db, viewer.id, [row.community_id])).get(row.community_id) ??
        null);
  return canManageEvent(viewer, row, role);
}

async function getManagedEvent(ctx: AppContext, viewer: Viewer, id: number): Promise<EventRow> {
  const { row } = await getVisibleEvent(ctx, viewer, id);
  if (!(await mayManage(ctx, viewer, row))) {
    throw forbidden('Only the organiser, or the moderators, may change this event');
  }
  return row;
}

export async function presentEvent(
  ctx: AppContext,
  viewer: Viewer,
  row: EventRow,
): Promise<CalendarEvent> {
  const [event] = await presentEvents(ctx, viewer, [row]);
  if (!event) throw notFound('Event');
  return event;
}

/** Where a new event goes: a community the viewer is a member of, or the organisation. */
async function hostCommunity(
  ctx: AppContext,
  viewer: Viewer,
  communityId: string | null | undefined,
): Promise<CommunityAccess | null> {
  if (communityId === undefined || communityId === null) {
    if (!canCreateEvent(viewer, null)) {
      throw validationFailed({
        community_id: ['is required: guests create events in their communities'],
      });
    }
    return null;
  }
  const id = Number(communityId);
  const access = (await loadCommunityAccess(ctx.db, viewer.id, [id])).get(id);
  if (!access || !canSee(viewer, { kind: 'community', ...access })) {
    throw new HttpError(404, 'not_found', 'Community not found');
  }
  if (!canCreateEvent(viewer, access)) {
    throw forbidden('Join the community to create events in it');
  }
  return access;
}

const searchTerms = (fields: Pick<EventFields, 'title' | 'location'>) =>
  termsOf(fields.title, fields.location);

/** Creates an event; its organiser is going. */
export async function createEvent(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateEventInput,
  now = Date.now(),
): Promise<EventRow> {
  const community = await hostCommunity(ctx, viewer, input.community_id);
  const fields = checkEventFields(input, undefined, now);
  const row: EventRow = {
    id: newId(),
    community_id: community?.community.id ?? null,
    ...fields,
    created_by_id: viewer.id,
    going_count: 1,
    maybe_count: 0,
    sequence: 0,
    cancelled_at: null,
    created_at: now,
    updated_at: now,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertEvent(trx, row);
    await upsertRsvp(
      trx,
      { event_id: row.id, account_id: viewer.id, status: 'going', at: now },
      false,
    );
    await replaceEventTerms(trx, row.id, searchTerms(fields));
  });
  ctx.events.emit({
    type: 'event.created',
    event_id: String(row.id),
    community_id: row.community_id === null ? null : String(row.community_id),
    by_id: String(viewer.id),
  });
  return row;
}

/**
 * Edits an event. A new time or place, a cancellation or a restoration bumps its
 * iCalendar sequence and tells everyone going or maybe going who may still see it.
 */
export async function updateEvent(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: UpdateEventInput,
): Promise<EventRow> {
  const current = await getManagedEvent(ctx, viewer, id);
  if (
    input.community_id !== undefined &&
    (input.community_id === null ? null : Number(input.community_id)) !== current.community_id
  ) {
    throw validationFailed({ community_id: ['cannot be changed: create a new event instead'] });
  }
  const now = Date.now();
  const fields = checkEventFields(input, current, now);
  const rescheduled =
    fields.starts_at !== current.starts_at ||
    fields.ends_at !== current.ends_at ||
    fields.location !== current.location ||
    fields.online_url !== current.online_url;
  const cancelledAt =
    input.cancelled === undefined
      ? current.cancelled_at
      : input.cancelled
        ? (current.cancelled_at ?? now)
        : null;
  const cancelling = current.cancelled_at === null && cancelledAt !== null;
  const restoring = current.cancelled_at !== null && cancelledAt === null;
  const patch = {
    ...fields,
    cancelled_at: cancelledAt,
    sequence: current.sequence + (rescheduled || cancelling || restoring ? 1 : 0),
    updated_at: now,
  };
  const updated: EventRow = { ...current, ...patch };
  const notified = await ctx.db.transaction().execute(async (trx) => {
    await updateEventRow(trx, id, patch);
    await replaceEventTerms(trx, id, searchTerms(fields));
    if (cancelling) return notifyInterested(trx, updated, viewer, 'event_cancelled');
    if (rescheduled || restoring) return notifyInterested(trx, updated, viewer, 'event_changed');
    return [];
  });
  ctx.events.emit({
    type: 'event.updated',
    event_id: String(id),
    community_id: current.community_id === null ? null : String(current.community_id),
    by_id: String(viewer.id),
    rescheduled,
    cancelled: cancelledAt !== null,
  });
  announceNotifications(ctx, notified);
  return updated;
}

/**
 * Deletes an event. People going to one that had not ended nor been cancelled hear that it
 * is off (the notice keeps its title and points at the events list).
 */
export async function deleteEvent(ctx: AppContext, viewer: Viewer, id: number): Promise<void> {
  const current = await getManagedEvent(ctx, viewer, id);
  const now = Date.now();
  const notified = await ctx.db.transaction().execute(async (trx) => {
    const sent =
      current.cancelled_at === null && current.ends_at > now
        ? await notifyInterested(trx, current, viewer, 'event_cancelled', '/events')
        : [];
    await deleteEventRow(trx, id);
    return sent;
  });
  ctx.events.emit({
    type: 'event.deleted',
    event_id: String(id),
    community_id: current.community_id === null ? null : String(current.community_id),
    by_id: String(viewer.id),
  });
  announceNotifications(ctx, notified);
}

type Sent = Array<{ id: number; accountId: number }>;

/** Notices to those going or maybe going who may still see the event, inside the transaction. */
async function notifyInterested(
  trx: Db,
  event: EventRow,
  by: Viewer,
  type: 'event_changed' | 'event_cancelled',
  path = eventPath(event.id),
): Promise<Sent> {
  const community =
    event.community_id === null
      ? undefined
      : (await loadCommunityAccess(trx, by.id, [event.community_id])).get(event.community_id);
  const sent: Sent = [];
  for (const person of await findInterested(trx, event)) {
    // Someone who left the event's community since answering no longer sees it.
    const access: CommunityAccess | undefined = community && {
      ...community,
      membership: person.member ? 'member' : null,
    };
    const reader: Viewer = { id: person.id, username: '', role: person.role };
    if (!canSeeEvent(reader, event, access)) continue;
    const id = await insertNotification(trx, {
      accountId: person.id,
      type,
      fromAccountId: by.id,
      statusId: null,
      subject: {
        type: 'event',
        id: event.id,
        title: event.title,
        path,
        communityId: event.community_id,
      },
    });
    if (id !== null) sent.push({ id, accountId: person.id });
  }
  return sent;
}

export function announceNotifications(ctx: AppContext, sent: Sent): void {
  for (const notification of sent) {
    ctx.events.emit({
      type: 'notification.created',
      notification_id: String(notification.id),
      account_id: String(notification.accountId),
    });
  }
}

/** A page of events the viewer may see, and the key to continue after it. */
export async function listVisibleEvents(
  ctx: AppContext,
  viewer: Viewer,
  query: EventListQuery,
): Promise<{
  events: CalendarEvent[];
  lastKey: Array<string | number> | undefined;
  full: boolean;
}> {
  if (query.upcoming === true && query.past === true) {
    throw new HttpError(400, 'bad_request', 'Ask for upcoming or past events, not both');
  }
  const when = query.past === true || query.upcoming === false ? 'past' : 'upcoming';
  const limit = query.limit ?? 20;
  const rows = await listEvents(ctx.db, {
    viewer,
    when,
    now: Date.now(),
    maxDurationMs: MAX_DURATION_MS,
    communityId: query.community_id === undefined ? undefined : Number(query.community_id),
    going: query.rsvp === 'going',
    after: query.cursor ? decodeCursor(query.cursor, eventOrder(when)) : undefined,
    limit,
  });
  const last = rows.at(-1);
  return {
    events: await presentEvents(ctx, viewer, rows),
    lastKey: last && [last.starts_at, last.id],
    full: rows.length === limit,
  };
}

/**
 * Events for the unified search: every word of `q` is a prefix of a word of the title or
 * the location; only events the viewer may see; latest start first.
 */
export async function searchEvents(
  ctx: AppContext,
  viewer: Viewer,
  q: string,
  limit: number,
): Promise<CalendarEvent[]> {
  const rows = await searchEventRows(ctx.db, viewer, termsOf(q).slice(0, 5), limit);
  return presentEvents(ctx, viewer, rows);
}
