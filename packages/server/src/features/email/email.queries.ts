import type { Role } from '@rapport/schema';
import type { Db } from '../../db/tables';
import type { NotificationType } from '../../db/tables/graph.table';

/** The type of one of the account's notifications, or undefined when it is gone. */
export async function findNotificationType(
  db: Db,
  id: number,
  accountId: number,
): Promise<NotificationType | undefined> {
  const row = await db
    .selectFrom('notifications')
    .select('type')
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return row?.type;
}

export interface DigestCandidate {
  id: number;
  username: string;
  email: string;
  role: Role;
  /** Their stored notification choices (JSON), or null for the defaults. */
  preferences: string | null;
}

/** A page of the accounts that may get a digest (not suspended), by id. */
export async function listDigestCandidates(
  db: Db,
  afterId: number,
  limit: number,
): Promise<DigestCandidate[]> {
  return db
    .selectFrom('accounts as a')
    .leftJoin('notification_preferences as p', 'p.account_id', 'a.id')
    .select(['a.id', 'a.username', 'a.email', 'a.role', 'p.value as preferences'])
    .where('a.id', '>', afterId)
    .where('a.suspended', '=', 0)
    .orderBy('a.id')
    .limit(limit)
    .execute();
}

/** Which of these accounts already have a digest for their period, as `account:period`. */
export async function findDigestRuns(
  db: Db,
  wanted: Array<{ accountId: number; period: string }>,
): Promise<Set<string>> {
  if (wanted.length === 0) return new Set();
  const rows = await db
    .selectFrom('digest_runs')
    .select(['account_id', 'period'])
    .where(
      'account_id',
      'in',
      wanted.map((w) => w.accountId),
    )
    .where('period', 'in', [...new Set(wanted.map((w) => w.period))])
    .execute();
  return new Set(rows.map((row) => `${row.account_id}:${row.period}`));
}

/** When the person's last digest ran, and the newest notification any digest covered. */
export async function lastDigest(
  db: Db,
  accountId: number,
): Promise<{ at: number; untilId: number | null } | undefined> {
  const row = await db
    .selectFrom('digest_runs')
    .select((eb) => [eb.fn.max('until_id').as('until_id'), eb.fn.max('created_at').as('at')])
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  if (row?.at == null) return undefined;
  return { at: Number(row.at), untilId: row.until_id == null ? null : Number(row.until_id) };
}

/** Records a digest; false when this person's digest for the period exists already. */
export async function insertDigestRun(
  db: Db,
  run: { accountId: number; period: string; untilId: number | null; items: number; at: number },
): Promise<boolean> {
  const result = await db
    .insertInto('digest_runs')
    .values({
      account_id: run.accountId,
      period: run.period,
      until_id: run.untilId,
      items: run.items,
      created_at: run.at,
    })
    .onConflict((oc) => oc.columns(['account_id', 'period']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Old records go: a period long past can never be due again. */
export async function deleteDigestRunsBefore(db: Db, before: number): Promise<void> {
  await db.deleteFrom('digest_runs').where('created_at', '<', before).execute();
}

/** Records periods as done without sending (the demo, so its start does not mail everyone). */
export async function insertDigestRuns(
  db: Db,
  runs: Array<{ accountId: number; period: string; at: number }>,
): Promise<void> {
  if (runs.length === 0) return;
  await db
    .insertInto('digest_runs')
    .values(
      runs.map((run) => ({
        account_id: run.accountId,
        period: run.period,
        until_id: null,
        items: 0,
        created_at: run.at,
      })),
    )
    .onConflict((oc) => oc.columns(['account_id', 'period']).doNothing())
    .execute();
}
