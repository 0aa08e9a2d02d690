import type { Role } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { HttpError, notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import {
  type AccountRow,
  findAccountById,
  lockActiveAdminIds,
  updateAccount,
} from '../accounts/accounts.queries';
import { revokeAccountTokens } from '../oauth/tokens.queries';

async function targetOf(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  action: string,
): Promise<AccountRow> {
  const row = await findAccountById(ctx.db, id);
  if (!row) throw notFound('Account');
  if (row.id === viewer.id)
    throw new HttpError(422, 'validation_failed', `You cannot ${action} your own account`);
  return row;
}

/**
 * An organisation must keep at least one active admin, or nobody can govern it. Runs in the
 * transaction that makes the change, with the admins' rows locked: two admins demoting each
 * other at the same moment must not both succeed.
 */
async function assertNotLastAdmin(trx: Db, row: AccountRow, action: string): Promise<void> {
  if (row.role !== 'admin' || row.suspended === 1) return;
  if ((await lockActiveAdminIds(trx)).length <= 1) {
    throw new HttpError(422, 'validation_failed', `You cannot ${action} the last active admin`);
  }
}

export async function changeRole(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  role: Role,
): Promise<AccountRow> {
  const row = await targetOf(ctx, viewer, id, 'change the role of');
  if (row.role === role) return row;
  const updated = await ctx.db.transaction().execute(async (trx) => {
    if (role !== 'admin') await assertNotLastAdmin(trx, row, 'demote');
    return updateAccount(trx, id, { role, updated_at: Date.now() });
  });
  ctx.events.emit({
    type: 'account.role_changed',
    account_id: String(id),
    role,
    by_id: String(viewer.id),
  });
  return updated;
}

/** Suspension signs the person out everywhere and hides their profile; nothing is deleted. */
export async function suspendAccount(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<AccountRow> {
  const row = await targetOf(ctx, viewer, id, 'suspend');
  if (row.suspended === 1) return row;
  const now = Date.now();
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await assertNotLastAdmin(trx, row, 'suspend');
    const changed = await updateAccount(trx, id, {
      suspended: 1,
      suspended_at: now,
      updated_at: now,
    });
    await revokeAccountTokens(trx, id);
    return changed;
  });
  ctx.events.emit({ type: 'account.suspended', account_id: String(id), by_id: String(viewer.id) });
  return updated;
}

export async function unsuspendAccount(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<AccountRow> {
  const row = await targetOf(ctx, viewer, id, 'unsuspend');
  if (row.suspended === 0) return row;
  const updated = await updateAccount(ctx.db, id, {
    suspended: 0,
    suspended_at: null,
    updated_at: Date.now(),
  });
  ctx.events.emit({
    type: 'account.unsuspended',
    account_id: String(id),
    by_id: String(viewer.id),
  });
  return updated;
}
