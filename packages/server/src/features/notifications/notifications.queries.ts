import { type Selectable, sql } from 'kysely';
import { newId } from '../../db/ids';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { NotificationsTable, NotificationType } from '../../db/tables/graph.table';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import type { AccountScope } from '../visibility/visibility';

export interface NewNotification {
  accountId: number;
  type: NotificationType;
  fromAccountId: number;
  statusId: number | null;
  /** A Rapport subject other than a status (a community, a page, an event...). */
  subject?: NotificationSubject;
}

export interface NotificationSubject {
  type: string;
  id: number;
  title: string;
  /** Its page in the web app, e.g. `/communities/12`. */
  path: string;
  communityId: number | null;
}

/**
 * Records a notification inside the caller's transaction; the caller emits
 * `notification.created` after commit. Nobody is notified about their own acts, nor by
 * someone they block, or mute with notifications hidden.
 */
export async function insertNotification(db: Db, n: NewNotification): Promise<number | null> {
  if (n.accountId === n.fromAccountId) return null;
  if (await silenced(db, n.accountId, n.fromAccountId)) return null;
  const id = newId();
  await db
    .insertInto('notifications')
    .values({
      id,
      account_id: n.accountId,
      type: n.type,
      from_account_id: n.fromAccountId,
      status_id: n.statusId,
      created_at: Date.now(),
      subject_type: n.subject?.type ?? null,
      subject_id: n.subject?.id ?? null,
      subject_title: n.subject?.title ?? null,
      subject_path: n.subject?.path ?? null,
      community_id: n.subject?.communityId ?? null,
    })
    .execute();
  return id;
}

async function silenced(db: Db, accountId: number, fromId: number): Promise<boolean> {
  const [block, mute] = await Promise.all([
    db
      .selectFrom('blocks')
      .select('id')
      .where((eb) =>
        eb.or([
          eb.and([eb('account_id', '=', accountId), eb('target_account_id', '=', fromId)]),
          eb.and([eb('account_id', '=', fromId), eb('target_account_id', '=', accountId)]),
        ]),
      )
      .executeTakeFirst(),
    db
      .selectFrom('mutes')
      .select(['hide_notifications', 'expires_at'])
      .where('account_id', '=', accountId)
      .where('target_account_id', '=', fromId)
      .executeTakeFirst(),
  ]);
  const muting =
    mute !== undefined &&
    mute.hide_notifications === 1 &&
    (mute.expires_at === null || mute.expires_at > Date.now());
  return block !== undefined || muting;
}

export type NotificationRow = Selectable<NotificationsTable>;

export interface NotificationFilter {
  types?: NotificationType[] | undefined;
  excludeTypes?: NotificationType[] | undefined;
  fromAccountId?: number | undefined;
}

export interface NotificationReader {
  id: number;
  scope: AccountScope;
}

/**
 * The reader's notifications worth showing, as SQL: not from a suspended account, nor from
 * one they block, are blocked by or mute with notifications hidden, nor from someone the
 * account rule hides; and about a status the reader can still see. It mirrors `canSee` so
 * pages stay full and counts are right; the presenter still applies `canSee` itself.
 */
function shown(db: Db, reader: NotificationReader, filter: NotificationFilter) {
  const now = Date.now();
  let query = db
    .selectFrom('notifications as n')
    .innerJoin('accounts as a', 'a.id', 'n.from_account_id')
    .leftJoin('statuses as s', 's.id', 'n.status_id')
    .where('n.account_id', '=', reader.id)
    .where('a.suspended', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('blocks as b')
            .select('b.id')
            .where((w) =>
              w.or([
                w.and([
                  w('b.account_id', '=', reader.id),
                  w('b.target_account_id', '=', w.ref('n.from_account_id')),
                ]),
                w.and([
                  w('b.account_id', '=', w.ref('n.from_account_id')),
                  w('b.target_account_id', '=', reader.id),
                ]),
              ]),
            ),
        ),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('mutes as m')
            .select('m.id')
            .where('m.account_id', '=', reader.id)
            .whereRef('m.target_account_id', '=', 'n.from_account_id')
            .where('m.hide_notifications', '=', 1)
            .where((w) => w.or([w('m.expires_at', 'is', null), w('m.expires_at', '>', now)])),
        ),
      ),
    )
    .where((eb) =>
      eb.or([
        eb('n.status_id', 'is', null),
        eb('s.account_id', '=', reader.id),
        eb('s.visibility', 'in', ['public', 'unlisted']),
        eb.exists(
          eb
            .selectFrom('status_mentions as sm')
            .select('sm.account_id')
            .whereRef('sm.status_id', '=', 'n.status_id')
            .where('sm.account_id', '=', reader.id),
        ),
        eb.and([
          eb('s.visibility', '=', 'private'),
          eb.exists(
            eb
              .selectFrom('follows as f')
              .select('f.id')
              .where('f.account_id', '=', reader.id)
              .whereRef('f.target_account_id', '=', 's.account_id'),
          ),
        ]),
      ]),
    );
  // The account rule of visibility.ts: members meet guests, and guests meet anyone, only
  // in a community they share.
  query = query.where(visibleAccountSql('a', reader.scope, reader.id));
  // The status rule for communities: what is posted in one is read by its members, and by
  // the staff when it is public; guests read nothing outside their communities unless it
  // mentions them.
  const member = (community: string) =>
    sql<boolean>`exists (select 1 from community_members cm where cm.community_id = ${sql.ref(community)} and cm.account_id = ${reader.id} and cm.state = 'member')`;
  const publicCommunity = sql<boolean>`exists (select 1 from communities c where c.id = s.community_id and c.privacy = 'public')`;
  query = query.where((eb) =>
    eb.or([
      eb('n.status_id', 'is', null),
      eb('s.account_id', '=', reader.id),
      eb.and([
        eb('s.community_id', 'is', null),
        reader.scope === 'self'
          ? eb.exists(
              eb
                .selectFrom('status_mentions as gm')
                .select('gm.account_id')
                .whereRef('gm.status_id', '=', 'n.status_id')
                .where('gm.account_id', '=', reader.id),
            )
          : sql<boolean>`1 = 1`,
      ]),
      member('s.community_id'),
      reader.scope === 'self' ? sql<boolean>`1 = 0` : publicCommunity,
    ]),
  );
  // About something in a community: while the reader may still know the community exists.
  query = query.where((eb) =>
    eb.or([
      eb('n.community_id', 'is', null),
      sql<boolean>`exists (select 1 from community_members cw where cw.community_id = n.community_id and cw.account_id = ${reader.id})`,
      reader.scope === 'all'
        ? sql<boolean>`exists (select 1 from communities ca where ca.id = n.community_id)`
        : reader.scope === 'staff'
          ? sql<boolean>`exists (select 1 from communities cs where cs.id = n.community_id and cs.privacy != 'secret')`
          : sql<boolean>`1 = 0`,
    ]),
  );
  // An empty list of types (every one asked for is unknown here) matches nothing.
  if (filter.types) {
    query = filter.types.length
      ? query.where('n.type', 'in', filter.types)
      : query.where(sql<boolean>`1 = 0`);
  }
  if (filter.excludeTypes?.length) query = query.where('n.type', 'not in', filter.excludeTypes);
  if (filter.fromAccountId !== undefined) {
    query = query.where('n.from_account_id', '=', filter.fromAccountId);
  }
  return query;
}

const COLUMNS = [
  'n.id',
  'n.account_id',
  'n.type',
  'n.from_account_id',
  'n.status_id',
  'n.created_at',
  'n.subject_type',
  'n.subject_id',
  'n.subject_title',
  'n.subject_path',
  'n.community_id',
] as const;

/** A page of the reader's notifications, newest first (index notifications_account). */
export async function listNotifications(
  db: Db,
  reader: NotificationReader,
  filter: NotificationFilter,
  page: IdPage,
): Promise<NotificationRow[]> {
  const query = shown(db, reader, filter).select(COLUMNS);
  return finishIdPage(await applyIdPage(query, 'n.id', page).execute(), page);
}

export async function findNotification(
  db: Db,
  reader: NotificationReader,
  id: number,
): Promise<NotificationRow | undefined> {
  return shown(db, reader, {}).select(COLUMNS).where('n.id', '=', id).executeTakeFirst();
}

/** How many shown notifications are newer than `afterId`, counting no further than `limit`. */
export async function countNotifications(
  db: Db,
  reader: NotificationReader,
  filter: NotificationFilter,
  options: { afterId: number | undefined; limit: number },
): Promise<number> {
  let query = shown(db, reader, filter).select('n.id');
  if (options.afterId !== undefined) query = query.where('n.id', '>', options.afterId);
  const row = await db
    .selectFrom(query.orderBy('n.id', 'desc').limit(options.limit).as('unread'))
    .select((eb) => eb.fn.countAll<number | string>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Removes one of the account's notifications; false when it has no such notification. */
export async function deleteNotification(db: Db, accountId: number, id: number): Promise<boolean> {
  const result = await db
    .deleteFrom('notifications')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

export async function deleteAllNotifications(db: Db, accountId: number): Promise<void> {
  await db.deleteFrom('notifications').where('account_id', '=', accountId).execute();
}
