import type { CalendarEvent } from '@rapport/schema';
import {
  escapeText,
  serializeLines,
  timeZoneComponent,
  utcDateTime,
  zonedProperty,
} from '../../lib/icalendar';
import { RAPPORT_VERSION } from '../../version';
import type { EventRow } from './events.queries';

/**
 * One event as an iCalendar object (RFC 5545) to import into a calendar: METHOD:PUBLISH,
 * one VEVENT in the organiser's time zone with its VTIMEZONE, so the calendar shows it at
 * the right instant and in the zone it was planned in. The UID stays the same for the
 * event's life and SEQUENCE grows with each change of time or place, so importing it again
 * updates the entry instead of adding one. People are not listed (no ORGANIZER or ATTENDEE:
 * an imported copy is not a meeting invitation, and email addresses stay private); the
 * organiser's name is in the description.
 */
export function eventCalendar(row: EventRow, event: CalendarEvent, host: string): string {
  const organiser = event.organiser.display_name || event.organiser.username;
  const details = [
    row.description,
    row.online_url ? `Join online: ${row.online_url}` : '',
    `Organised by ${organiser}${event.community ? ` in ${event.community.name}` : ''}.`,
    `Event page: ${event.url}`,
  ].filter((part) => part !== '');
  // Calendars show LOCATION most prominently: the place, or else the link to join.
  const location = row.location || row.online_url || '';
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//Rapport//Rapport ${RAPPORT_VERSION}//EN`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...timeZoneComponent(row.time_zone, row.starts_at, row.ends_at),
    'BEGIN:VEVENT',
    `UID:event-${row.id}@${host}`,
    `DTSTAMP:${utcDateTime(row.updated_at)}`,
    `CREATED:${utcDateTime(row.created_at)}`,
    `LAST-MODIFIED:${utcDateTime(row.updated_at)}`,
    `SEQUENCE:${row.sequence}`,
    zonedProperty('DTSTART', row.time_zone, row.starts_at),
    zonedProperty('DTEND', row.time_zone, row.ends_at),
    `SUMMARY:${escapeText(row.title)}`,
    `DESCRIPTION:${escapeText(details.join('\n\n'))}`,
    ...(location ? [`LOCATION:${escapeText(location)}`] : []),
    `URL:${event.url}`,
    `STATUS:${row.cancelled_at === null ? 'CONFIRMED' : 'CANCELLED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return serializeLines(lines);
}

/** A file name people recognise in their downloads: the title in plain letters. */
export function calendarFileName(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'event'}.ics`;
}
