import Database from 'better-sqlite3';
import { newId } from '../packages/server/src/db/ids';
import type { InteractionKind } from '../packages/server/src/db/tables/communities.table';
import { Random } from '../packages/server/src/demo/random';
import { TOPICS } from './seed-communities';

/**
 * The interaction ledger of a busy organisation, written straight into the running
 * server's SQLite file (like the inbox rows): most acts between people who work together
 * (each person's circle of about 80 neighbours in a shuffled order, as departments and
 * teams would make it), a fifth with anyone, over two years with recent months busier. One
 * person (`networkOf`) has crossed paths with `network` others, for the My network rows.
 */

const DAY_MS = 86_400_000;
const CIRCLE = 80;

/** Share of each kind among acts, roughly as a working organisation produces them. */
const KINDS: Array<[InteractionKind, number]> = [
  ['favourite', 0.38],
  ['reply', 0.18],
  ['mention', 0.1],
  ['direct', 0.12],
  ['boost', 0.07],
  ['answer', 0.04],
  ['answer_vote', 0.03],
  ['same_community', 0.03],
  ['same_event', 0.03],
  ['co_authored', 0.015],
  ['accepted_answer', 0.01],
  ['introduction', 0.005],
];

function pickKind(random: Random): InteractionKind {
  let roll = random.next();
  for (const [kind, share] of KINDS) {
    roll -= share;
    if (roll < 0) return kind;
  }
  return 'favourite';
}

/** Where such an act happens, from a handful of places per kind. */
function contextOf(kind: InteractionKind, random: Random): string {
  switch (kind) {
    case 'same_event':
      return random.chance(0.3) ? `crowd:${random.int(1, 50)}` : `event:${random.int(1, 2000)}`;
    case 'same_community':
      return `community:${random.int(1, 500)}`;
    case 'co_authored':
      return `page:${random.int(1, 3000)}`;
    case 'direct':
      return `chat:${random.int(1, 20000)}`;
    case 'introduction':
      return `introduction:${random.int(1, 1000)}`;
    default:
      return random.chance(0.4) ? `tag:${random.pick(TOPICS)}` : 'timeline';
  }
}

export interface LedgerSize {
  interactions: number;
  /** The people the My network viewer has crossed paths with. */
  network: number;
}

export function seedLedger(
  dbFile: string,
  accountIds: number[],
  networkOf: number,
  size: LedgerSize,
  now = Date.now(),
): { seconds: number; interactions: number } {
  const started = Date.now();
  const random = new Random(61);
  const order = random.sample(accountIds, accountIds.length);
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 10000');
  const insert = db.prepare(`insert into interactions
    (id, kind, actor_id, target_id, subject_type, subject_id, community_id, created_at, context, import_key)
    values (?, ?, ?, ?, 'bench', 0, null, ?, ?, null)`);
  // Recent months are busier: the square pulls the ages towards today.
  const when = () => now - Math.floor(random.next() ** 2 * 730 * DAY_MS) - 1;
  let written = 0;
  const act = (actor: number, target: number, kind: InteractionKind) => {
    insert.run(newId(), kind, actor, target, when(), contextOf(kind, random));
    written += 1;
  };
  try {
    db.transaction(() => {
      // The viewer of My network: a few acts with each of `network` people, half answered.
      const others = random.sample(
        accountIds.filter((id) => id !== networkOf),
        size.network,
      );
      for (const other of others) {
        act(networkOf, other, pickKind(random));
        if (random.chance(0.5)) act(other, networkOf, random.pick(['reply', 'mention', 'direct']));
        if (random.chance(0.2)) act(networkOf, other, random.pick(['reply', 'direct']));
      }
      while (written < size.interactions) {
        const i = random.int(0, order.length - 1);
        const near = i + random.int(-CIRCLE / 2, CIRCLE / 2);
        const target = random.chance(0.8)
          ? order[(near + order.length) % order.length]
          : random.pick(order);
        const actor = order[i] as number;
        // The My network viewer's relationships are exactly the `network` above.
        if (
          target === undefined ||
          target === actor ||
          networkOf === actor ||
          networkOf === target
        ) {
          continue;
        }
        act(actor, target, pickKind(random));
      }
    })();
  } finally {
    db.close();
  }
  return { seconds: (Date.now() - started) / 1000, interactions: written };
}

/**
 * The relationships rows time the full recomputation themselves: the server must not start
 * one of its own on start (the stored model version differs) under the other rows.
 */
export function markModelCurrent(dbFile: string, version: number): void {
  const db = new Database(dbFile);
  try {
    db.prepare(
      `insert into server_settings (key, value, updated_at) values ('relationship_model_version', ?, ?)
       on conflict (key) do update set value = excluded.value`,
    ).run(String(version), Date.now());
  } finally {
    db.close();
  }
}
