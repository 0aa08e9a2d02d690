import type { Db } from '../../db/tables';
import type { NotificationType } from '../../db/tables/graph.table';

/**
 * Which of `accountIds` this sender already invited to this subject. The notification is
 * the invitation (no table of its own), so a repeat is found by its type, subject and
 * sender; index notifications_account narrows it to the invitees' own rows.
 */
export async function findAlreadyInvited(
  db: Db,
  invite: { type: NotificationType; subjectType: string; subjectId: number; fromId: number },
  accountIds: number[],
): Promise<Set<number>> {
  if (accountIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('notifications')
    .select('account_id')
    .where('account_id', 'in', accountIds)
    .where('type', '=', invite.type)
    .where('subject_type', '=', invite.subjectType)
    .where('subject_id', '=', invite.subjectId)
    .where('from_account_id', '=', invite.fromId)
    .execute();
  return new Set(rows.map((row) => row.account_id));
}
