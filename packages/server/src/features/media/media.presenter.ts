import type { MediaAttachment } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';

/** The attachments of each status, in their order. (Stub: filled in by the media feature.) */
export async function mediaByStatus(
  _ctx: AppContext,
  _db: Db,
  _statusIds: number[],
): Promise<Map<number, MediaAttachment[]>> {
  return new Map();
}
