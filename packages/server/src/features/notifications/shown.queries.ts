import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/tables';
import type { NotificationsTable, NotificationType } from '../../db/tables/graph.table';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import type { AccountScope } from '../visibility/visibility';

export type NotificationRow = Selectable<NotificationsTable>;

export type InboxNotificationKind = NonNullable<NotificationsTable['inbox_kind']>;

export interface NotificationFilter {
  types?: NotificationType[] | undefined;
  excludeTypes?: NotificationType[] | undefined;
  fromAccountId?: number | undefined;
  /** Only unread ones: newer than the marker (all without one) and not opened on their own. */
  unread?: { markerId: number | undefined } | undefined;
  /** Only mentions as the inbox sees them: of these kinds, or of any (`all`). */
  inbox?: InboxNotificationKind[] | 'all' | undefined;
  groupKey?: string | undefined;
}

export interface NotificationReader {
  id: number;
  scope: AccountScope;
  /** Types the reader turned off in the app: kept for email and push, never shown. */
  hidden: NotificationType[];
}

/**
 * The reader's notifications worth showing, as SQL: not from a suspended account, nor from
 * one they block, are blocked by or mute with notifications hidden, nor from someone the
 * account rule hides; and about a status the reader can still see. It mirrors `canSee` so
 * pages stay full and counts are right; the presenter still applies `canSee` itself.
 */
export function shown(
  db: Db,
  reader: NotificationReader,
  filter: NotificationFilter,
  now: number = Date.now(),
) {
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
  if (reader.hidden.length > 0) query = query.where('n.type', 'not in', reader.hidden);
  // Partial indexes: notifications_inbox (account_id, id) and notifications_inbox_kind.
  if (filter.inbox === 'all') query = query.where('n.inbox_kind', 'is not', null);
  else if (filter.inbox) query = query.where('n.inbox_kind', 'in', filter.inbox);
  if (filter.groupKey !== undefined) query = query.where('n.group_key', '=', filter.groupKey);
  if (filter.unread) {
    const { markerId } = filter.unread;
    if (markerId !== undefined) query = query.where('n.id', '>', markerId);
    query = query.where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('notification_reads as nr')
            .select('nr.notification_id')
            .where('nr.account_id', '=', reader.id)
            .whereRef('nr.notification_id', '=', 'n.id'),
        ),
      ),
    );
  }
  return query;
}

/** Every column of a notification row, as the list queries select them. */
export const COLUMNS = [
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
  'n.group_key',
  'n.inbox_kind',
] as const;
