import type { Status } from '@rapport/schema';

/** Deeper than this, replies stop moving right, so a long exchange still fits a phone. */
export const MAX_INDENT = 5;

/**
 * How deep each reply sits below the status a thread is about (1 = a direct reply). A
 * reply whose parent is not in the list (hidden or deleted) is treated as a direct reply.
 */
export function replyDepths(rootId: string, descendants: readonly Status[]): Map<string, number> {
  const depths = new Map<string, number>([[rootId, 0]]);
  // Mastodon lists descendants parents-first, so one pass sees each parent before its replies;
  // a second pass settles any that arrive out of order.
  for (let pass = 0; pass < 2; pass++) {
    for (const status of descendants) {
      const parent = status.in_reply_to_id ? depths.get(status.in_reply_to_id) : undefined;
      depths.set(status.id, parent === undefined ? 1 : parent + 1);
    }
  }
  depths.delete(rootId);
  return depths;
}
