import type { Poll } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';

/** The poll of each status that has one, with the viewer's own votes. (Stub.) */
export async function pollsByStatus(
  _ctx: AppContext,
  _db: Db,
  _viewerId: number,
  _statusIds: number[],
): Promise<Map<number, Poll>> {
  return new Map();
}
