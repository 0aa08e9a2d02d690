import type {
  CalendarEvent,
  CommunityRef,
  CreateEventInput,
  EventAttendee,
  RsvpStatus,
  UpdateEventInput,
} from '@rapport/schema';
import { type Page, sendJson, sendPage } from './client';

const EVENTS = '/api/rapport/v1/events';

/** The lists of /events: upcoming, past, or upcoming ones the viewer is going to. */
export type EventTab = 'upcoming' | 'past' | 'going';

export interface EventListFilter {
  tab: EventTab;
  communityId?: string | undefined;
  limit?: number;
}

export function listEvents(
  filter: EventListFilter,
  next?: string | null,
): Promise<Page<CalendarEvent>> {
  if (next) return sendPage<CalendarEvent>(next);
  return sendPage<CalendarEvent>(EVENTS, {
    query: {
      past: filter.tab === 'past' ? true : undefined,
      rsvp: filter.tab === 'going' ? 'going' : undefined,
      community_id: filter.communityId,
      limit: filter.limit ?? 20,
    },
  });
}

export function getEvent(id: string): Promise<CalendarEvent> {
  return sendJson<CalendarEvent>(`${EVENTS}/${encodeURIComponent(id)}`);
}

export function createEvent(input: CreateEventInput): Promise<CalendarEvent> {
  return sendJson<CalendarEvent>(EVENTS, { method: 'POST', json: input });
}

export function updateEvent(id: string, input: UpdateEventInput): Promise<CalendarEvent> {
  return sendJson<CalendarEvent>(`${EVENTS}/${encodeURIComponent(id)}`, {
    method: 'PATCH',
    json: input,
  });
}

export async function deleteEvent(id: string): Promise<void> {
  await sendJson(`${EVENTS}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function answerEvent(id: string, status: RsvpStatus): Promise<CalendarEvent> {
  return sendJson<CalendarEvent>(`${EVENTS}/${encodeURIComponent(id)}/rsvp`, {
    method: 'POST',
    json: { status },
  });
}

export function listAttendees(
  id: string,
  status: RsvpStatus,
  next?: string | null,
): Promise<Page<EventAttendee>> {
  if (next) return sendPage<EventAttendee>(next);
  return sendPage<EventAttendee>(`${EVENTS}/${encodeURIComponent(id)}/attendees`, {
    query: { status, limit: 40 },
  });
}

/** Communities the viewer is a member of: where they may organise events. */
export function listHostCommunities(): Promise<CommunityRef[]> {
  return sendJson<CommunityRef[]>(`${EVENTS}/communities`);
}

/** The calendar file's path on this origin (the server writes absolute URLs). */
export function calendarPath(event: Pick<CalendarEvent, 'id'>): string {
  return `${EVENTS}/${encodeURIComponent(event.id)}.ics`;
}
