import type { RsvpStatus } from '@rapport/schema';

/** An event: a dated gathering in a community or organisation-wide. Times in epoch ms (UTC). */
export interface EventsTable {
  id: number;
  community_id: number | null;
  title: string;
  /** Plain text as written. */
  description: string;
  location: string;
  online_url: string | null;
  starts_at: number;
  ends_at: number;
  /** IANA name, e.g. `Europe/Lisbon`. */
  time_zone: string;
  created_by_id: number;
  /** Counters kept in step with event_rsvps by the RSVP service. */
  going_count: number;
  maybe_count: number;
  /** iCalendar SEQUENCE. */
  sequence: number;
  cancelled_at: number | null;
  created_at: number;
  updated_at: number;
}

export interface EventRsvpsTable {
  event_id: number;
  account_id: number;
  status: RsvpStatus;
  created_at: number;
  updated_at: number;
}

export interface EventTermsTable {
  term: string;
  event_id: number;
}
