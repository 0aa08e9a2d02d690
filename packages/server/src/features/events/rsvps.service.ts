import type { EventAttendee, RsvpStatus } from '@rapport/schema';
import type { AppContext } from '../../context';
import { decodeCursor } from '../../db/pagination';
import type { Db } from '../../db/tables';
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
/** The most people going for an event to count as a joint initiative (issue 6). */
export const SMALL_EVENT = 50;

const countOf = (status: RsvpStatus | undefined) => ({
  going: status === 'going' ? 1 : 0,
  maybe: status === 'maybe' ? 1 : 0,
});

/**
 * Records the viewer's answer. The event row stays locked from the check to the new
 * counts, so answers given at the same moment all count.
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
    const change = await applyAnswer(trx, event, viewer.id, status, now);
    return {
      event: {
        ...event,
        going_count: event.going_count + change.going,
        maybe_count: event.maybe_count + change.maybe,
      },
      changed: change.changed,
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
 * One answer inside the caller's transaction (the event locked, the rules checked): the
 * row, the counts, and the interaction ledger. Going pairs the person with the others
 * going (`same_event`); no longer going withdraws those pairings. The demo replays its
 * history through this too.
 */
export async function applyAnswer(
  trx: Db,
  event: Pick<EventRow, 'id' | 'community_id'>,
  accountId: number,
  status: RsvpStatus,
  at: number,
): Promise<{ changed: boolean; going: number; maybe: number }> {
  const previous = (await findOwnRsvps(trx, accountId, [event.id])).get(event.id);
  if (previous === status) return { changed: false, going: 0, maybe: 0 };
  await upsertRsvp(
    trx,
    { event_id: event.id, account_id: accountId, status, at },
    previous !== undefined,
  );
  const before = countOf(previous);
  const after = countOf(status);
  const change = { going: after.going - before.going, maybe: after.maybe - before.maybe };
  await adjustRsvpCounts(trx, event.id, change);
  if (status === 'going') {
    const others = await unpairedGoing(trx, event.id, accountId, SAME_EVENT_FAN_OUT);
    // Past SMALL_EVENT people going, being there together is an encounter, not a joint
    // initiative: the relationship model tells the two apart by the context.
    const context = others.length + 1 > SMALL_EVENT ? `crowd:${event.id}` : `event:${event.id}`;
    await recordInteractions(
      trx,
      others.map((other) => ({
        kind: 'same_event' as const,
        actorId: accountId,
        targetId: other,
        subjectType: 'event',
        subjectId: event.id,
        communityId: event.community_id,
        at,
        context,
      })),
    );
  } else if (previous === 'going') {
    await forgetSameEvent(trx, event.id, accountId);
  }
  return { changed: true, ...change };
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
