import type { Db } from '../../db/tables';
import type { Viewer } from '../../http/auth';
import { loadSharedCommunities } from './community-facts';
import { canSee } from './visibility';

type AccountLike = { id: number; role: 'admin' | 'member' | 'guest' };

/**
 * The accounts among `rows` the viewer may see, in their order: the role rule first, and
 * for those it hides, whether the viewer shares a community with them (one query, asked
 * only when needed: a member looking at members never asks).
 */
export async function visibleAccounts<T extends AccountLike>(
  db: Db,
  viewer: Viewer,
  rows: T[],
): Promise<T[]> {
  const hidden = rows.filter((row) => !canSee(viewer, { kind: 'account', account: row }));
  if (hidden.length === 0) return rows;
  const shared = await loadSharedCommunities(
    db,
    viewer.id,
    hidden.map((row) => row.id),
  );
  return rows.filter((row) =>
    canSee(viewer, { kind: 'account', account: row, sharesCommunity: shared.has(row.id) }),
  );
}

export async function canSeeAccount(db: Db, viewer: Viewer, row: AccountLike): Promise<boolean> {
  return (await visibleAccounts(db, viewer, [row])).length === 1;
}
