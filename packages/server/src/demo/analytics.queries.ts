import { sql } from 'kysely';
import type { Db } from '../db/tables';

/** The demo's communities by name, with their members (state member). */
export async function communityMembersByName(db: Db, names: string[]) {
  const rows = await db
    .selectFrom('communities as c')
    .innerJoin('community_members as m', 'm.community_id', 'c.id')
    .select(['c.id', 'c.name', 'm.account_id'])
    .where('c.name', 'in', names)
    .where('m.state', '=', 'member')
    .orderBy('m.account_id')
    .execute();
  const byName = new Map<string, { id: number; members: number[] }>();
  for (const row of rows) {
    const entry = byName.get(row.name) ?? { id: Number(row.id), members: [] };
    entry.members.push(Number(row.account_id));
    byName.set(row.name, entry);
  }
  return byName;
}

/** The UTC days on which each person wrote or reacted (`wrote` tells which): they were active then. */
export async function daysWithActs(db: Db, since: number) {
  const day = sql<number>`created_at / 86400000`;
  const [statuses, favourites] = await Promise.all([
    db
      .selectFrom('statuses')
      .select(['account_id', day.as('day')])
      .distinct()
      .where('created_at', '>=', since)
      .execute(),
    db
      .selectFrom('favourites')
      .select(['account_id', day.as('day')])
      .distinct()
      .where('created_at', '>=', since)
      .execute(),
  ]);
  const days = (rows: typeof statuses, wrote: boolean) =>
    rows.map((row) => ({
      account_id: Number(row.account_id),
      day: Math.floor(Number(row.day)),
      wrote,
    }));
  return [...days(statuses, true), ...days(favourites, false)];
}

/** People who have written at least one status (askers come mostly from them). */
export async function writers(db: Db): Promise<Set<number>> {
  const rows = await db
    .selectFrom('statuses')
    .select('account_id')
    .distinct()
    .where('reblog_of_id', 'is', null)
    .execute();
  return new Set(rows.map((row) => Number(row.account_id)));
}
