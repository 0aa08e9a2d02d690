import type { CommunityPrivacy, CommunityRole, RsvpStatus } from '@rapport/schema';
import { type ExpressionBuilder, type Selectable, sql, type Updateable } from 'kysely';
import { forUpdate, prefixEnd } from '../../db/dialect';
import { applyCursor, type SortKey } from '../../db/pagination';
import type { Db, Tables } from '../../db/tables';
import type { EventsTable } from '../../db/tables/events.table';
import type { Viewer } from '../../http/auth';
import type { AccountRow } from '../accounts/accounts.queries';
import { rebuildPairs } from '../relationships/model.queries';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import { accountScope } from '../visibility/visibility';

export type EventRow = Selectable<EventsTable>;

export async function insertEvent(db: Db, row: EventRow): Promise<void> {
  await db.insertInto('events').values(row).execute();
}

export async function findEventById(db: Db, id: number): Promise<EventRow | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The event locked until the transaction ends, so answers given together all count. */
export async function lockEvent(trx: Db, id: number): Promise<EventRow | undefined> {
  return forUpdate(
    trx,
    trx.selectFrom('events').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

export async function findEventsByIds(db: Db, ids: number[]): Promise<EventRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('events').selectAll().where('id', 'in', ids).execute();
}

export async function updateEventRow(
  db: Db,
  id: number,
  patch: Updateable<EventsTable>,
): Promise<void> {
  await db.updateTable('events').set(patch).where('id', '=', id).execute();
}

export async function deleteEventRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('events').where('id', '=', id).execute();
}

export async function replaceEventTerms(db: Db, eventId: number, terms: string[]): Promise<void> {
  await db.deleteFrom('event_terms').where('event_id', '=', eventId).execute();
  if (terms.length === 0) return;
  await db
    .insertInto('event_terms')
    .values(terms.map((term) => ({ term, event_id: eventId })))
    .execute();
}

/** The viewer's role in each of these communities where they are a member. */
export async function findCommunityRoles(
  db: Db,
  accountId: number,
  communityIds: number[],
): Promise<Map<number, CommunityRole>> {
  const ids = [...new Set(communityIds)];
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('community_members')
    .select(['community_id', 'role'])
    .where('account_id', '=', accountId)
    .where('community_id', 'in', ids)
    .where('state', '=', 'member')
    .execute();
  return new Map(rows.map((row) => [row.community_id, row.role]));
}

/** Communities the account is a member of (where it may create events), by name. */
export async function findMemberCommunities(
  db: Db,
  accountId: number,
  limit: number,
): Promise<Array<{ id: number; name: string; privacy: CommunityPrivacy }>> {
  return db
    .selectFrom('community_members as m')
    .innerJoin('communities as c', 'c.id', 'm.community_id')
    .select(['c.id', 'c.name', 'c.privacy'])
    .where('m.account_id', '=', accountId)
    .where('m.state', '=', 'member')
    .orderBy('c.name_key')
    .limit(limit)
    .execute();
}

type EventsEb = ExpressionBuilder<Tables & { e: EventsTable }, 'e'>;

/**
 * events.rules.ts `canSeeEvent` in SQL, over `events as e`: organisation-wide events for
 * staff; community events for the community's members, and for staff when it is public.
 */
function visibleEvent(eb: EventsEb, viewer: Viewer) {
  const member = eb.exists(
    eb
      .selectFrom('community_members as cm')
      .select('cm.account_id')
      .whereRef('cm.community_id', '=', 'e.community_id')
      .where('cm.account_id', '=', viewer.id)
      .where('cm.state', '=', 'member'),
  );
  if (viewer.role === 'guest') return member;
  return eb.or([
    eb('e.community_id', 'is', null),
    member,
    eb.exists(
      eb
        .selectFrom('communities as c')
        .select('c.id')
        .whereRef('c.id', '=', 'e.community_id')
        .where('c.privacy', '=', 'public'),
    ),
  ]);
}

export function eventOrder(when: 'upcoming' | 'past'): SortKey[] {
  const direction = when === 'upcoming' ? 'asc' : 'desc';
  return [
    { column: 'e.starts_at', direction },
    { column: 'e.id', direction },
  ];
}

export interface EventListOptions {
  viewer: Viewer;
  when: 'upcoming' | 'past';
  now: number;
  /** How long an event may last: upcoming lists start this far before now. */
  maxDurationMs: number;
  communityId?: number | undefined;
  /** Only events the viewer is going to. */
  going?: boolean | undefined;
  after?: Array<string | number> | undefined;
  limit: number;
}

/**
 * Events the viewer may see, as one keyset range over (starts_at, id): upcoming (not yet
 * ended) soonest first, from `now - maxDuration`; past (ended) most recent first.
 */
export async function listEvents(db: Db, options: EventListOptions): Promise<EventRow[]> {
  let query = db
    .selectFrom('events as e')
    .selectAll('e')
    .where((eb) => visibleEvent(eb, options.viewer));
  if (options.when === 'upcoming') {
    query = query
      .where('e.starts_at', '>', options.now - options.maxDurationMs)
      .where('e.ends_at', '>', options.now);
  } else {
    query = query.where('e.starts_at', '<', options.now).where('e.ends_at', '<=', options.now);
  }
  if (options.communityId !== undefined) {
    query = query.where('e.community_id', '=', options.communityId);
  }
  if (options.going) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('event_rsvps as r')
          .select('r.account_id')
          .whereRef('r.event_id', '=', 'e.id')
          .where('r.account_id', '=', options.viewer.id)
          .where('r.status', '=', 'going'),
      ),
    );
  }
  return applyCursor(query, eventOrder(options.when), options.after, options.limit).execute();
}

/** Events whose title or location has every word of `terms` as a prefix, newest first. */
export async function searchEventRows(
  db: Db,
  viewer: Viewer,
  terms: string[],
  limit: number,
): Promise<EventRow[]> {
  if (terms.length === 0) return [];
  let query = db
    .selectFrom('events as e')
    .selectAll('e')
    .where((eb) => visibleEvent(eb, viewer));
  for (const term of terms) {
    query = query.where(
      'e.id',
      'in',
      db
        .selectFrom('event_terms')
        .select('event_id')
        .where('term', '>=', term)
        .where('term', '<', prefixEnd(term)),
    );
  }
  return query.orderBy('e.starts_at', 'desc').orderBy('e.id', 'desc').limit(limit).execute();
}

/** The account's answers to these events. */
export async function findOwnRsvps(
  db: Db,
  accountId: number,
  eventIds: number[],
): Promise<Map<number, RsvpStatus>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('event_rsvps')
    .select(['event_id', 'status'])
    .where('account_id', '=', accountId)
    .where('event_id', 'in', eventIds)
    .execute();
  return new Map(rows.map((row) => [row.event_id, row.status]));
}

export async function upsertRsvp(
  trx: Db,
  row: { event_id: number; account_id: number; status: RsvpStatus; at: number },
  existed: boolean,
): Promise<void> {
  if (existed) {
    await trx
      .updateTable('event_rsvps')
      .set({ status: row.status, updated_at: row.at })
      .where('event_id', '=', row.event_id)
      .where('account_id', '=', row.account_id)
      .execute();
    return;
  }
  await trx
    .insertInto('event_rsvps')
    .values({
      event_id: row.event_id,
      account_id: row.account_id,
      status: row.status,
      created_at: row.at,
      updated_at: row.at,
    })
    .execute();
}

/**
 * People going to the event besides `accountId`, whom the ledger does not yet pair with
 * them for this event: the most recent `limit` to say so.
 */
export async function unpairedGoing(
  trx: Db,
  eventId: number,
  accountId: number,
  limit: number,
): Promise<number[]> {
  const rows = await trx
    .selectFrom('event_rsvps as r')
    .select('r.account_id')
    .where('r.event_id', '=', eventId)
    .where('r.status', '=', 'going')
    .where('r.account_id', '!=', accountId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('interactions as i')
            .select('i.id')
            .where('i.subject_type', '=', 'event')
            .where('i.subject_id', '=', eventId)
            .where('i.kind', '=', 'same_event')
            .where((w) =>
              w.or([
                w.and([
                  w('i.actor_id', '=', accountId),
                  w('i.target_id', '=', w.ref('r.account_id')),
                ]),
                w.and([
                  w('i.target_id', '=', accountId),
                  w('i.actor_id', '=', w.ref('r.account_id')),
                ]),
              ]),
            ),
        ),
      ),
    )
    .orderBy('r.updated_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => row.account_id);
}

/**
 * Someone who no longer goes did not attend with the others after all: the ledger's
 * `same_event` acts of this event that involve them are withdrawn.
 */
export async function forgetSameEvent(trx: Db, eventId: number, accountId: number): Promise<void> {
  const withdrawn = await trx
    .deleteFrom('interactions')
    .where('subject_type', '=', 'event')
    .where('subject_id', '=', eventId)
    .where('kind', '=', 'same_event')
    .where((eb) => eb.or([eb('actor_id', '=', accountId), eb('target_id', '=', accountId)]))
    .returning(['actor_id', 'target_id'])
    .execute();
  await rebuildPairs(
    trx,
    withdrawn.map((row) => [row.actor_id, row.target_id]),
  );
}

/**
 * Those going or maybe going, with what visibility needs to re-check them (their role and
 * whether they are still members of the event's community), for change notices.
 */
export async function findInterested(
  trx: Db,
  event: Pick<EventRow, 'id' | 'community_id'>,
): Promise<Array<{ id: number; role: AccountRow['role']; member: boolean }>> {
  const rows = await trx
    .selectFrom('event_rsvps as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .leftJoin('community_members as cm', (join) =>
      join
        .onRef('cm.account_id', '=', 'r.account_id')
        .on('cm.community_id', '=', event.community_id ?? -1)
        .on('cm.state', '=', 'member'),
    )
    .select(['a.id', 'a.role', 'cm.account_id as member_id'])
    .where('r.event_id', '=', event.id)
    .where('r.status', 'in', ['going', 'maybe'])
    .where('a.suspended', '=', 0)
    .execute();
  return rows.map((row) => ({ id: row.id, role: row.role, member: row.member_id !== null }));
}

export const ATTENDEE_ORDER: SortKey[] = [
  { column: 'r.updated_at', direction: 'asc' },
  { column: 'r.account_id', direction: 'asc' },
];

export type AttendeeRow = AccountRow & { rsvp_status: RsvpStatus; answered_at: number };

/** Those who gave `status`, in the order they answered, among the people the viewer may see. */
export async function listAttendees(
  db: Db,
  options: {
    eventId: number;
    status: RsvpStatus;
    viewer: Viewer;
    after: Array<string | number> | undefined;
    limit: number;
  },
): Promise<AttendeeRow[]> {
  const scope = accountScope(options.viewer);
  let query = db
    .selectFrom('event_rsvps as r')
    .innerJoin('accounts as a', 'a.id', 'r.account_id')
    .selectAll('a')
    .select(['r.status as rsvp_status', 'r.updated_at as answered_at'])
    .where('r.event_id', '=', options.eventId)
    .where('r.status', '=', options.status)
    .where('a.suspended', '=', 0);
  if (scope !== 'all') query = query.where(visibleAccountSql('a', scope, options.viewer.id));
  return applyCursor(query, ATTENDEE_ORDER, options.after, options.limit).execute();
}

/** Counts in step with the answers: `going` and `maybe` change by these amounts. */
export async function adjustRsvpCounts(
  trx: Db,
  eventId: number,
  change: { going: number; maybe: number },
): Promise<void> {
  if (change.going === 0 && change.maybe === 0) return;
  await trx
    .updateTable('events')
    .set({
      going_count: sql`going_count + ${change.going}`,
      maybe_count: sql`maybe_count + ${change.maybe}`,
    })
    .where('id', '=', eventId)
    .execute();
}
