import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { EventBus } from '../events';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { listVisibleEvents } from '../features/events/events.service';
import { inviteToEvent } from '../features/invites/invites.service';
import { viewerFrom } from '../http/auth';

/**
 * Ana has one invitation to an event, from the colleague organising it, through the real
 * service (so the visibility rule holds). Returns whether it was sent.
 */
export async function seedInvites(
  ctx: AppContext,
  s: { accounts: AccountRow[]; ana: string },
): Promise<boolean> {
  const quiet: AppContext = { ...ctx, events: new EventBus(ctx.log) };
  const ana = s.accounts.find((row) => row.username === s.ana);
  if (!ana) return false;
  const byId = new Map(s.accounts.map((row) => [String(row.id), row]));
  const { events } = await listVisibleEvents(quiet, viewerFrom(ana), { upcoming: true, limit: 20 });
  for (const event of events) {
    const organiser = byId.get(event.organiser.id);
    if (!organiser || organiser.id === ana.id || organiser.suspended !== 0) continue;
    try {
      await inviteToEvent(quiet, viewerFrom(organiser), Number(event.id), {
        account_ids: [String(ana.id)],
        note: 'I think you would enjoy this one',
      });
      return true;
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
    }
  }
  return false;
}
