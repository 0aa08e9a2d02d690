import Database from 'better-sqlite3';
import { idFor } from '../packages/server/src/db/ids';
import { Random } from '../packages/server/src/demo/random';
import type { Scenario } from './results';

/**
 * The inbox and the unread counts of people with 100,000 notifications: written straight
 * into the running server's SQLite file (after its migrations), a few seconds, not cached.
 * One person read all but the newest 300 (and opened a few of those from the inbox); the
 * other never read any, the worst case for an unread count.
 */

export const NOTIFICATIONS = 100_000;
const UNREAD = 300;
const DAYS = 180;
const HOUR_MS = 60 * 60 * 1000;
const TARGET = { p99: 5 };

export interface InboxPerson {
  id: number;
  token: string;
}

export interface InboxBench {
  scenarios: Scenario[];
  note: string;
}

/** Names of the rows, so `--only=` can pick them before anything is seeded. */
export function inboxRowNames(): string[] {
  return rows({ id: 0, token: '' }, { id: 0, token: '' }).map((scenario) => scenario.name);
}

function rows(reading: InboxPerson, never: InboxPerson): Scenario[] {
  const n = NOTIFICATIONS.toLocaleString('en');
  const read = `${n} notifications, ${UNREAD} unread`;
  const unread = `${n} notifications, none read`;
  const get = (person: InboxPerson, path: string) => () => ({ path, token: person.token });
  return [
    {
      name: `GET /api/rapport/v1/inbox (${read})`,
      request: get(reading, '/api/rapport/v1/inbox'),
    },
    {
      name: `GET /api/v2/notifications (grouped; ${read})`,
      request: get(reading, '/api/v2/notifications'),
    },
    {
      name: `GET /api/rapport/v1/inbox/unread_count (${read}; 2 connections)`,
      connections: 2,
      request: get(reading, '/api/rapport/v1/inbox/unread_count'),
      target: TARGET,
    },
    {
      name: `GET /api/v1/notifications/unread_count (${read}; 2 connections)`,
      connections: 2,
      request: get(reading, '/api/v1/notifications/unread_count'),
      target: TARGET,
    },
    {
      name: `GET /api/rapport/v1/inbox/unread_count (${unread}: counts to 100; 2 connections)`,
      connections: 2,
      request: get(never, '/api/rapport/v1/inbox/unread_count'),
      target: TARGET,
    },
    {
      name: `GET /api/v1/notifications/unread_count (${unread}: counts to 100; 2 connections)`,
      connections: 2,
      request: get(never, '/api/v1/notifications/unread_count'),
      target: TARGET,
    },
  ];
}

/**
 * One person's notifications over half a year: 60% favourites, 15% boosts, 5% follows and
 * 20% mentions (of which 30% replies and 10% answers), from random colleagues, about the
 * newest public statuses; ten in a row share a status, so favourites form groups.
 */
function writeNotifications(
  db: Database.Database,
  person: number,
  from: number[],
  statuses: number[],
  random: Random,
  now: number,
): number[] {
  const insert = db.prepare(`insert into notifications
    (id, account_id, type, from_account_id, status_id, created_at, subject_type, subject_id,
     subject_title, subject_path, community_id, group_key, inbox_kind)
    values (?, ?, ?, ?, ?, ?, null, null, null, null, null, ?, ?)`);
  const ids: number[] = [];
  const start = now - DAYS * 24 * HOUR_MS;
  const step = (DAYS * 24 * HOUR_MS) / NOTIFICATIONS;
  for (let i = 0; i < NOTIFICATIONS; i++) {
    const at = Math.floor(start + i * step + random.next() * step);
    const roll = random.next();
    const type =
      roll < 0.6 ? 'favourite' : roll < 0.75 ? 'reblog' : roll < 0.8 ? 'follow' : 'mention';
    const statusId =
      type === 'follow' ? null : (statuses[Math.floor(i / 10) % statuses.length] ?? null);
    const hour = Math.floor(at / HOUR_MS);
    const groupKey = type === 'mention' ? null : `${type}-${statusId ?? ''}-${hour - (hour % 12)}`;
    const kindRoll = random.next();
    const inboxKind =
      type !== 'mention' ? null : kindRoll < 0.6 ? 'mention' : kindRoll < 0.9 ? 'reply' : 'answer';
    const id = idFor(at);
    insert.run(id, person, type, random.pick(from), statusId, at, groupKey, inboxKind);
    ids.push(id);
  }
  return ids;
}

export function seedInbox(
  dbFile: string,
  people: { reading: InboxPerson; never: InboxPerson },
  accountIds: number[],
): InboxBench {
  const started = Date.now();
  const random = new Random(55);
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 10000');
  try {
    const statuses = (
      db
        .prepare(
          `select id from statuses where visibility = 'public' and reblog_of_id is null
           and community_id is null order by id desc limit 5000`,
        )
        .all() as Array<{ id: number }>
    ).map((row) => row.id);
    const now = Date.now();
    const write = db.transaction(() => {
      for (const person of [people.reading, people.never]) {
        const from = accountIds.filter((id) => id !== person.id);
        const ids = writeNotifications(db, person.id, from, statuses, random, now);
        if (person !== people.reading) continue;
        const markerId = ids[ids.length - UNREAD - 1] as number;
        db.prepare(
          `insert into markers (account_id, timeline, last_read_id, version, updated_at)
           values (?, 'notifications', ?, 0, ?)
           on conflict (account_id, timeline) do update set last_read_id = excluded.last_read_id`,
        ).run(person.id, markerId, now);
        // A few of the unread ones opened one by one from the inbox.
        const read = db.prepare(
          'insert or ignore into notification_reads (account_id, notification_id, created_at) values (?, ?, ?)',
        );
        for (const id of random.sample(ids.slice(-UNREAD), 20)) read.run(person.id, id, now);
      }
    });
    write();
  } finally {
    db.close();
  }
  const seconds = (Date.now() - started) / 1000;
  return {
    scenarios: rows(people.reading, people.never),
    note: `Inbox: two members with ${NOTIFICATIONS.toLocaleString('en')} notifications each over ${DAYS} days (60% favourites, 15% boosts, 5% follows, 20% mentions, replies and answers), written in ${seconds.toFixed(1)} s after the server's migrations. One has read all but the newest ${UNREAD} (20 of those opened one by one); the other never read any, so its counts stop at Mastodon's limit of 100.`,
  };
}
