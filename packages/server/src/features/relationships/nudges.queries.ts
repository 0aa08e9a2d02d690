import { sql } from 'kysely';
import type { Db } from '../../db/tables';
import { visibleAccountSql } from '../visibility/account-scope.queries';
import type { AccountScope } from '../visibility/visibility';
import type { RelationshipRow } from './relationships.queries';

/** Reminders read per request: a person keeps a handful, this only bounds a runaway. */
const MAX_REMINDERS = 500;

/**
 * The owner's rows with a stay-in-touch reminder (the partial index relationships_reminders),
 * about people they may still see, not suspended and not opted out.
 */
export async function reminderRows(
  db: Db,
  ownerId: number,
  scope: AccountScope,
): Promise<RelationshipRow[]> {
  return db
    .selectFrom('relationships as r')
    .innerJoin('accounts as a', 'a.id', 'r.other_id')
    .selectAll('r')
    .where('r.owner_id', '=', ownerId)
    .where('r.remind_every_days', 'is not', null)
    .where('a.suspended', '=', 0)
    .where(visibleAccountSql('a', scope, ownerId))
    .where(
      sql<boolean>`not exists (select 1 from relationship_opt_outs o where o.account_id = r.other_id)`,
    )
    .orderBy('r.id')
    .limit(MAX_REMINDERS)
    .execute();
}
