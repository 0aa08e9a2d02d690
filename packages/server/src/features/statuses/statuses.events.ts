import type { AppContext } from '../../context';
import { findStatusById, loadAudience } from './statuses.queries';

/**
 * Tells streams that a status changed (an edit, a poll result, a link preview arriving).
 * Call after the change committed.
 */
export async function announceStatusUpdated(ctx: AppContext, statusId: number): Promise<void> {
  const status = await findStatusById(ctx.db, statusId);
  if (!status) return;
  ctx.events.emit({ type: 'status.updated', audience: await loadAudience(ctx.db, status) });
}
