import { z } from 'zod';
import { Account } from './accounts';
import { CursorQuery, DateTime, FormBoolean, Id } from './common';
import { CommunityRef } from './communities';

/**
 * Events: dated gatherings, in person or online, organisation-wide or in a community, with
 * RSVPs. (Not to be confused with the domain events of events.ts.)
 */

/** An answer to an event's invitation. */
export const RsvpStatus = z.enum(['going', 'maybe', 'declined']);
export type RsvpStatus = z.infer<typeof RsvpStatus>;

export const CalendarEvent = z.object({
  id: Id,
  title: z.string(),
  /** As written (plain text). */
  description: z.string(),
  /** The description as sanitised HTML: paragraphs, line breaks, links. */
  html: z.string(),
  starts_at: DateTime,
  ends_at: DateTime,
  /** The IANA time zone the organiser planned it in, e.g. `Europe/Lisbon`. */
  time_zone: z.string(),
  location: z.string(),
  online_url: z.string().nullable(),
  community: CommunityRef.nullable(),
  organiser: Account,
  going_count: z.number().int(),
  maybe_count: z.number().int(),
  /** The viewer's own answer. */
  rsvp: RsvpStatus.nullable(),
  cancelled_at: DateTime.nullable(),
  /** Whether the viewer may edit, cancel or delete it. */
  can_edit: z.boolean(),
  /** Its page in the web app. */
  url: z.string(),
  /** The iCalendar file (`text/calendar`). */
  ics_url: z.string(),
  created_at: DateTime,
  updated_at: DateTime,
});
export type CalendarEvent = z.infer<typeof CalendarEvent>;

/**
 * Times are ISO 8601: with `Z` or an offset they are instants; without one (as an HTML
 * `datetime-local` field gives them) they are wall-clock times in `time_zone`. The rules
 * (blank title, unknown time zone, end before start, non-http link...) are checked by the
 * server, which names every field at fault at once.
 */
export const CreateEventInput = z.object({
  title: z.string({ error: 'is required' }),
  description: z.string().optional(),
  starts_at: z.string({ error: 'is required' }),
  ends_at: z.string({ error: 'is required' }),
  time_zone: z.string({ error: 'is required' }),
  location: z.string().optional(),
  online_url: z.string().nullable().optional(),
  community_id: Id.nullable().optional(),
});
export type CreateEventInput = z.infer<typeof CreateEventInput>;

/** Only the fields given change; `cancelled` cancels the event or restores it. */
export const UpdateEventInput = z.object({
  title: z.string().optional(),
  description: z.string().optional(),
  starts_at: z.string().optional(),
  ends_at: z.string().optional(),
  time_zone: z.string().optional(),
  location: z.string().optional(),
  online_url: z.string().nullable().optional(),
  /** An event stays where it was created; sending another community is refused. */
  community_id: Id.nullable().optional(),
  cancelled: FormBoolean.optional(),
});
export type UpdateEventInput = z.infer<typeof UpdateEventInput>;

/** `upcoming` (the default: not yet ended, soonest first) or `past` (most recent first). */
export const EventListQuery = CursorQuery.extend({
  upcoming: FormBoolean.optional(),
  past: FormBoolean.optional(),
  community_id: Id.optional(),
  /** `going`: only events the viewer is going to ("my events"). */
  rsvp: z.literal('going').optional(),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const RsvpInput = z.object({ status: RsvpStatus });

export const EventAttendee = z.object({
  account: Account,
  status: RsvpStatus,
  /** When they gave this answer. */
  updated_at: DateTime,
});
export type EventAttendee = z.infer<typeof EventAttendee>;

/** Declined answers are listed to those who may edit the event only. */
export const AttendeesQuery = CursorQuery.extend({ status: RsvpStatus.optional() });
