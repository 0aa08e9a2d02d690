import type { Db } from '../db/tables';

/** The members of a community (by name) with their role, for choosing who reports whom. */
export async function communityMembersByName(
  db: Db,
  name: string,
): Promise<Array<{ communityId: number; accountId: number; role: string }>> {
  const rows = await db
    .selectFrom('community_members')
    .innerJoin('communities', 'communities.id', 'community_members.community_id')
    .select([
      'community_members.community_id as communityId',
      'community_members.account_id as accountId',
      'community_members.role as role',
    ])
    .where('communities.name_key', '=', name.toLowerCase())
    .where('community_members.state', '=', 'member')
    .orderBy('community_members.account_id')
    .execute();
  return rows.map((row) => ({
    ...row,
    communityId: Number(row.communityId),
    accountId: Number(row.accountId),
  }));
}

/** Reports are filed "now" by the service; the demo dates them back among the history. */
export async function backdateReport(
  db: Db,
  reportId: number,
  at: number,
  resolvedAt: number | null,
) {
  await db
    .updateTable('reports')
    .set({ created_at: at, ...(resolvedAt === null ? {} : { action_taken_at: resolvedAt }) })
    .where('id', '=', reportId)
    .execute();
}
