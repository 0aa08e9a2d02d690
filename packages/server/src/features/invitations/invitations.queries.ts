import type { InvitationState } from '@rapport/schema';
import type { Selectable } from 'kysely';
import { sql } from 'kysely';
import { applyIdPage, finishIdPage, type IdPage } from '../../db/pagination';
import type { Db, InvitationsTable } from '../../db/tables';

export type InvitationRow = Selectable<InvitationsTable>;

export async function insertInvitation(db: Db, row: InvitationRow): Promise<void> {
  await db.insertInto('invitations').values(row).execute();
}

export async function findInvitationById(db: Db, id: number): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findInvitationByCode(
  db: Db,
  code: string,
): Promise<InvitationRow | undefined> {
  return db.selectFrom('invitations').selectAll().where('code', '=', code).executeTakeFirst();
}

/** One place for what each state means; invitationState() says the same for one row. */
export async function listInvitations(
  db: Db,
  options: { state?: InvitationState | undefined; page: IdPage; now: number },
): Promise<InvitationRow[]> {
  let query = db.selectFrom('invitations').selectAll();
  const { now } = options;
  switch (options.state) {
    case 'revoked':
      query = query.where('revoked_at', 'is not', null);
      break;
    case 'expired':
      query = query.where('revoked_at', 'is', null).where('expires_at', '<=', now);
      break;
    case 'used_up':
      query = query
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .where(sql<boolean>`max_uses is not null and uses >= max_uses`);
      break;
    case 'active':
      query = query
        .where('revoked_at', 'is', null)
        .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
        .where(sql<boolean>`(max_uses is null or uses < max_uses)`);
      break;
  }
  return finishIdPage(
    await applyIdPage(query, 'invitations.id', options.page).execute(),
    options.page,
  );
}

/** Takes one use of an invitation if it still has one; false when it was used up meanwhile. */
export async function claimInvitationUse(db: Db, id: number, now: number): Promise<boolean> {
  const result = await db
    .updateTable('invitations')
    .set((eb) => ({ uses: eb('uses', '+', 1) }))
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .where(sql<boolean>`(max_uses is null or uses < max_uses)`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function revokeInvitationRow(db: Db, id: number, now: number): Promise<void> {
  await db
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
