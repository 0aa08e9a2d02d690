import type { CalendarEvent, EventAttendee } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { textToHtml } from '../../lib/html';
import { toIso, toIsoOrNull } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import type { CommunityAccess } from '../visibility/community-facts';
import { loadCommunityAccess } from '../visibility/community-facts';
import type { AttendeeRow, EventRow } from './events.queries';
import { findCommunityRoles, findOwnRsvps } from './events.queries';
import { canManageEvent, canSeeEvent } from './events.rules';

export const eventPath = (id: number) => `/events/${id}`;

/**
 * Events as the viewer sees them, in the order of `rows`, leaving out any the viewer may
 * not see. A constant number of queries per batch: organisers, communities, the viewer's
 * roles there and the viewer's own answers.
 */
export async function presentEvents(
  ctx: AppContext,
  viewer: Viewer,
  rows: EventRow[],
): Promise<CalendarEvent[]> {
  if (rows.length === 0) return [];
  const communityIds = rows.flatMap((row) => (row.community_id === null ? [] : [row.community_id]));
  const [organisers, communities, roles, rsvps] = await Promise.all([
    findAccountsByIds(ctx.db, [...new Set(rows.map((row) => row.created_by_id))]),
    loadCommunityAccess(ctx.db, viewer.id, communityIds),
    findCommunityRoles(ctx.db, viewer.id, communityIds),
    findOwnRsvps(
      ctx.db,
      viewer.id,
      rows.map((row) => row.id),
    ),
  ]);
  const organiserById = new Map(organisers.map((row) => [row.id, row]));
  return rows.flatMap((row): CalendarEvent[] => {
    const access = row.community_id === null ? undefined : communities.get(row.community_id);
    const organiser = organiserById.get(row.created_by_id);
    if (!organiser || !canSeeEvent(viewer, row, access)) return [];
    const role = row.community_id === null ? null : (roles.get(row.community_id) ?? null);
    return [
      presentEvent(ctx, row, {
        organiser: presentAccount(ctx, organiser),
        access,
        rsvp: rsvps.get(row.id) ?? null,
        canEdit: canManageEvent(viewer, row, role),
      }),
    ];
  });
}

function presentEvent(
  ctx: AppContext,
  row: EventRow,
  extra: {
    organiser: CalendarEvent['organiser'];
    access: CommunityAccess | undefined;
    rsvp: CalendarEvent['rsvp'];
    canEdit: boolean;
  },
): CalendarEvent {
  const base = ctx.config.publicUrl;
  return {
    id: String(row.id),
    title: row.title,
    description: row.description,
    html: textToHtml(row.description),
    starts_at: toIso(row.starts_at),
    ends_at: toIso(row.ends_at),
    time_zone: row.time_zone,
    location: row.location,
    online_url: row.online_url,
    community: extra.access
      ? {
          id: String(extra.access.community.id),
          name: extra.access.name,
          privacy: extra.access.community.privacy,
          url: `${base}/communities/${extra.access.community.id}`,
        }
      : null,
    organiser: extra.organiser,
    going_count: row.going_count,
    maybe_count: row.maybe_count,
    rsvp: extra.rsvp,
    cancelled_at: toIsoOrNull(row.cancelled_at),
    can_edit: extra.canEdit,
    url: `${base}${eventPath(row.id)}`,
    ics_url: `${base}/api/rapport/v1/events/${row.id}.ics`,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
  };
}

export function presentAttendees(ctx: AppContext, rows: AttendeeRow[]): EventAttendee[] {
  return rows.map((row) => ({
    account: presentAccount(ctx, row),
    status: row.rsvp_status,
    updated_at: toIso(row.answered_at),
  }));
}
