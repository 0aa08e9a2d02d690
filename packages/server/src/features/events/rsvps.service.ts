import type { EventAttendee, RsvpStatus } from '@rapport/schema';
import type { AppContext } from '../../context';
import { decodeCursor } from '../../db/pagination';
import { forbidden, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { recordInteractions } from '../interactions/interactions.queries';
import { presentAttendees } from './events.presenter';
import {
  ATTENDEE_ORDER,
  adjustRsvpCounts,
  type EventRow,
  findOwnRsvps,
  forgetSameEvent,
  listAttendees,
  lockEvent,
  unpairedGoing,
  upsertRsvp,
} from './events.queries';
import { getVisibleEvent, mayManage } from './events.service';

/**
 * How many others going one person's answer pairs them with in the interaction ledger.
 * Being at the same all-hands as 400 people says little about any one pair, and one answer
 * must not write thousands of rows: past this many, the most recent to answer are paired.
 */
export const SAME_EVENT_FAN_OUT = 100;

const countOf = (status: RsvpStatus | undefined) => ({
  going: status === 'going' ? 1 : 0,
  maybe: status === 'maybe' ? 1 : 0,
});

/**
 * Records the viewer's answer. The event row stays locked from the check to the new
 * counts, so answers given at the same moment all count. Going pairs the viewer with the
 * others going (`same_event` interactions); no longer going withdraws those pairings.
 */
export async function answerEvent(
  ctx: AppContext,
  viewer: Viewer,
  eventId: number,
  status: RsvpStatus,
): Promise<EventRow> {
  await getVisibleEvent(ctx, viewer, eventId);
  const result = await ctx.db.transaction().execute(async (trx) => {
    const event = await lockEvent(trx, eventId);
    if (!event) throw notFound('Event');
    const now = Date.now();
    if (event.cancelled_at !== null)
      throw validationFailed({ status: ['the event was cancelled'] });
    if (event.ends_at <= now) throw validationFailed({ status: ['the event has already ended'] });
    const previous = (await findOwnRsvps(trx, viewer.id, [eventId])).get(eventId);
    if (previous === status) return { event, changed: false };
    await upsertRsvp(
      trx,
      { event_id: eventId, account_id: viewer.id, status, at: now },
      previous !== undefined,
    );
    const before = countOf(previous);
    const after = countOf(status);
    const change = { going: after.going - before.going, maybe: after.maybe - before.maybe };
    await adjustRsvpCounts(trx, eventId, change);
    if (status === 'going') {
      const others = await unpairedGoing(trx, eventId, viewer.id, SAME_EVENT_FAN_OUT);
      await recordInteractions(
        trx,
        others.map((other) => ({
          kind: 'same_event' as const,
          actorId: viewer.id,
          targetId: other,
          subjectType: 'event',
          subjectId: eventId,
          communityId: event.community_id,
          at: now,
        })),
      );
    } else if (previous === 'going') {
      await forgetSameEvent(trx, eventId, viewer.id);
    }
    return {
      event: {
        ...event,
        going_count: event.going_count + change.going,
        maybe_count: event.maybe_count + change.maybe,
      },
      changed: true,
    };
  });
  if (result.changed) {
    ctx.events.emit({
      type: 'event.rsvp_changed',
      event_id: String(eventId),
      account_id: String(viewer.id),
      status,
    });
  }
  return result.event;
}

/**
 * One status's answers, in the order given, among the people the viewer may see. Who
 * declined is shown only to those who manage the event.
 */
export async function listEventAttendees(
  ctx: AppContext,
  viewer: Viewer,
  eventId: number,
  query: {
    status?: RsvpStatus | undefined;
    cursor?: string | undefined;
    limit?: number | undefined;
  },
): Promise<{
  attendees: EventAttendee[];
  lastKey: Array<string | number> | undefined;
  full: boolean;
}> {
  const { row } = await getVisibleEvent(ctx, viewer, eventId);
  const status = query.status ?? 'going';
  if (status === 'declined' && !(await mayManage(ctx, viewer, row))) {
    throw forbidden('Only the organiser sees who declined');
  }
  const limit = query.limit ?? 40;
  const rows = await listAttendees(ctx.db, {
    eventId,
    status,
    viewer,
    after: query.cursor ? decodeCursor(query.cursor, ATTENDEE_ORDER) : undefined,
    limit,
  });
  const last = rows.at(-1);
  return {
    attendees: presentAttendees(ctx, rows),
    lastKey: last && [last.answered_at, last.id],
    full: rows.length === limit,
  };
}
