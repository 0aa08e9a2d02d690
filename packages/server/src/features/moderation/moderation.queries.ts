import type { Selectable } from 'kysely';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import type { Db } from '../../db/tables';
import type { ReportStatusesTable, ReportsTable } from '../../db/tables/moderation.table';

export type ReportRow = Selectable<ReportsTable>;
export type ReportStatusRow = Selectable<ReportStatusesTable>;

export async function insertReport(
  db: Db,
  report: ReportRow,
  statuses: ReportStatusRow[],
): Promise<void> {
  await db.insertInto('reports').values(report).execute();
  if (statuses.length > 0) await db.insertInto('report_statuses').values(statuses).execute();
}

export async function findReport(db: Db, id: number): Promise<ReportRow | undefined> {
  return db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The communities this account owns or moderates: whose reports it may handle. */
export async function moderatedCommunityIds(db: Db, accountId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('community_members')
    .select('community_id')
    .where('account_id', '=', accountId)
    .where('state', '=', 'member')
    .where('role', 'in', ['owner', 'moderator'])
    .execute();
  return rows.map((row) => row.community_id);
}

/**
 * A page of the queue, newest first: every report (admins) or those about the given
 * communities (their moderators); open ones are those nobody acted on yet.
 */
export async function listReports(
  db: Db,
  filter: { communityIds: number[] | 'all'; state: 'open' | 'resolved' },
  page: IdPage,
): Promise<ReportRow[]> {
  if (filter.communityIds !== 'all' && filter.communityIds.length === 0) return [];
  let query = db.selectFrom('reports').selectAll();
  query =
    filter.state === 'open'
      ? query.where('action_taken_at', 'is', null)
      : query.where('action_taken_at', 'is not', null);
  if (filter.communityIds !== 'all') query = query.where('community_id', 'in', filter.communityIds);
  return finishIdPage(await applyIdPage(query, 'id', page).execute(), page);
}

export async function findReportStatuses(db: Db, reportIds: number[]): Promise<ReportStatusRow[]> {
  if (reportIds.length === 0) return [];
  return db
    .selectFrom('report_statuses')
    .selectAll()
    .where('report_id', 'in', reportIds)
    .orderBy('status_id')
    .execute();
}

/** Which of these statuses still exist, and whether each is hidden. */
export async function statusStates(
  db: Db,
  ids: number[],
): Promise<Map<number, { hidden: boolean }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('statuses')
    .select(['id', 'hidden_at'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((row) => [row.id, { hidden: row.hidden_at !== null }]));
}

/** Closes an open report; false when someone else closed it first. */
export async function resolveReport(
  db: Db,
  id: number,
  resolution: Pick<
    ReportRow,
    'action' | 'action_reason' | 'action_taken_by_id' | 'action_taken_at'
  >,
): Promise<boolean> {
  const result = await db
    .updateTable('reports')
    .set(resolution)
    .where('id', '=', id)
    .where('action_taken_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function hideStatuses(db: Db, ids: number[], reason: string, at: number) {
  if (ids.length === 0) return;
  await db
    .updateTable('statuses')
    .set({ hidden_at: at, hidden_reason: reason })
    .where('id', 'in', ids)
    .execute();
}

/** Active admins: everyone who hears of every report. */
export async function activeAdminIds(db: Db): Promise<number[]> {
  const rows = await db
    .selectFrom('accounts')
    .select('id')
    .where('role', '=', 'admin')
    .where('suspended', '=', 0)
    .execute();
  return rows.map((row) => row.id);
}

/** The owners and moderators of a community, who hear of reports about it. */
export async function communityModeratorIds(db: Db, communityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('community_members')
    .select('account_id')
    .where('community_id', '=', communityId)
    .where('state', '=', 'member')
    .where('role', 'in', ['owner', 'moderator'])
    .execute();
  return rows.map((row) => row.account_id);
}
