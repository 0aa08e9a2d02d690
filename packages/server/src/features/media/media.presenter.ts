import type { MediaAttachment } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { findMediaOfStatuses, type MediaRow } from './media.queries';

/** Mastodon's size block: "WxH" and the aspect ratio. */
function size(width: number, height: number) {
  return { width, height, size: `${width}x${height}`, aspect: height === 0 ? 1 : width / height };
}

/** Focal points keep two decimals, as Mastodon's do (PostgreSQL stores them as `real`). */
const focusValue = (value: number) => Math.round(value * 100) / 100;

export function presentMedia(ctx: AppContext, row: MediaRow): MediaAttachment {
  return {
    id: String(row.id),
    type: row.type,
    url: ctx.media.url(row.file),
    preview_url: ctx.media.url(row.preview_file),
    remote_url: null,
    meta: {
      original: size(row.width, row.height),
      small: size(row.preview_width, row.preview_height),
      focus: { x: focusValue(row.focus_x), y: focusValue(row.focus_y) },
    },
    description: row.description === '' ? null : row.description,
    blurhash: row.blurhash,
  };
}

/** The attachments of each status, in their order. */
export async function mediaByStatus(
  ctx: AppContext,
  db: Db,
  statusIds: number[],
): Promise<Map<number, MediaAttachment[]>> {
  const byStatus = new Map<number, MediaAttachment[]>();
  for (const row of await findMediaOfStatuses(db, statusIds)) {
    const statusId = row.status_id as number;
    const list = byStatus.get(statusId) ?? [];
    list.push(presentMedia(ctx, row));
    byStatus.set(statusId, list);
  }
  return byStatus;
}
