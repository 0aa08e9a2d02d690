import type { PreviewCard } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';

/** Ready link previews by id. (Stub: the cards feature fills it in.) */
export async function cardsByIds(
  _ctx: AppContext,
  _db: Db,
  _cardIds: number[],
): Promise<Map<number, PreviewCard>> {
  return new Map();
}
