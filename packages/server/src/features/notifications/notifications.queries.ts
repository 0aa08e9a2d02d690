import { newId } from '../../db/ids';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import { prepared } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { NotificationType } from '../../db/tables/graph.table';
import { groupKeyFor, inboxKindOf } from './notification-keys.queries';
import {
  COLUMNS,
  type NotificationFilter,
  type NotificationReader,
  type NotificationRow,
  shown,
} from './shown.queries';

export type { NotificationFilter, NotificationReader, NotificationRow };

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
  const now = Date.now();
  await db
    .insertInto('notifications')
    .values({
      id,
      account_id: n.accountId,
      type: n.type,
      from_account_id: n.fromAccountId,
      status_id: n.statusId,
      created_at: now,
      group_key: await groupKeyFor(db, n.accountId, n.type, n.statusId, now),
      inbox_kind: await inboxKindOf(db, n.accountId, n.type, n.statusId),
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

function countQuery(
  db: Db,
  reader: NotificationReader,
  filter: NotificationFilter,
  limit: number,
  now: number,
) {
  const query = shown(db, reader, filter, now).select('n.id');
  return db
    .selectFrom(query.orderBy('n.id', 'desc').limit(limit).as('counted'))
    .select((eb) => eb.fn.countAll<number | string>().as('count'));
}

/**
 * How many shown notifications the filter matches, newest first, counting no further than
 * `limit`: an index range from the newest down, stopping at the limit or the marker.
 */
export async function countNotifications(
  db: Db,
  reader: NotificationReader,
  filter: NotificationFilter,
  limit: number,
): Promise<number> {
  const row = await countQuery(db, reader, filter, limit, Date.now()).executeTakeFirstOrThrow();
  return Number(row.count);
}

type UnreadCounter = (
  db: Db,
  readerId: number,
  hidden: readonly string[],
  markerId: number | undefined,
  limit: number,
  now: number,
) => Promise<Array<{ count: number | string }>>;

const unreadCounters = new Map<string, UnreadCounter>();

/**
 * The unread count behind the badges, asked on every page: built once per reader scope
 * and shape (db/prepared.ts), since building and compiling it costs as much as running it.
 * `inbox`: only what the inbox holds (notifications_inbox); otherwise every notification.
 */
export async function countUnread(
  db: Db,
  reader: NotificationReader,
  markerId: number | undefined,
  options: { inbox: boolean; limit: number },
): Promise<number> {
  const key = `${reader.scope}:${options.inbox}`;
  let counter = unreadCounters.get(key);
  if (!counter) {
    const scope = reader.scope;
    const inbox = options.inbox ? ('all' as const) : undefined;
    counter = prepared(
      (
        db,
        readerId: number,
        hidden: readonly string[],
        marker: number | undefined,
        limit: number,
        now: number,
      ) =>
        countQuery(
          db,
          { id: readerId, scope, hidden: hidden as NotificationType[] },
          { inbox, unread: { markerId: marker } },
          limit,
          now,
        ),
    );
    unreadCounters.set(key, counter);
  }
  const [row] = await counter(db, reader.id, reader.hidden, markerId, options.limit, Date.now());
  return Number(row?.count ?? 0);
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
