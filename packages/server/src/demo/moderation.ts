import type { AppContext } from '../context';
import { EventBus } from '../events';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { actOnReport, fileReport } from '../features/moderation/moderation.service';
import { createStatus } from '../features/statuses/statuses.service';
import { viewerFrom } from '../http/auth';
import { DAY_MS } from '../lib/time';
import { backdateReport, communityMembersByName } from './moderation.queries';

const HOUR_MS = 3600_000;

export interface ModerationSummary {
  open: number;
  resolved: number;
}

/**
 * A moderation queue with work in it, through the real services: an open report in the
 * Product Team (Ana moderates it), an open organisation-wide one for the admins, and two
 * decided ones (a status hidden with its reason told to the author, a dismissed report).
 */
export async function seedModeration(
  ctx: AppContext,
  s: { accounts: AccountRow[]; now: number; ana: string; admin: string },
): Promise<ModerationSummary> {
  const quiet: AppContext = { ...ctx, events: new EventBus(ctx.log) };
  const byId = new Map(s.accounts.map((row) => [row.id, row]));
  const admin = s.accounts.find((row) => row.username === s.admin) as AccountRow;
  const staff = s.accounts.filter(
    (row) => row.role === 'member' && row.suspended === 0 && row.username !== s.ana,
  );
  const post = (author: AccountRow, text: string, hoursAgo: number, communityId?: number) =>
    createStatus(
      quiet,
      viewerFrom(author),
      { status: text, ...(communityId ? { community_id: String(communityId) } : {}) },
      { applicationId: null, at: s.now - hoursAgo * HOUR_MS },
    );
  const report = async (
    by: AccountRow,
    statusAuthor: AccountRow,
    statusId: number,
    category: 'spam' | 'violation' | 'other',
    comment: string,
    hoursAgo: number,
  ) => {
    const row = await fileReport(quiet, viewerFrom(by), {
      account_id: String(statusAuthor.id),
      status_ids: [String(statusId)],
      category,
      comment,
    });
    await backdateReport(ctx.db, row.id, s.now - hoursAgo * HOUR_MS, null);
    return row;
  };

  // In the Product Team: a member's advert, reported by a colleague; Ana decides.
  const product = await communityMembersByName(ctx.db, 'Product Team');
  const productPeople = product
    .filter((m) => m.role === 'member')
    .map((m) => byId.get(m.accountId))
    .filter((row): row is AccountRow => row !== undefined && row.username !== s.ana);
  let open = 0;
  const [seller, reporter] = productPeople;
  const communityId = product[0]?.communityId;
  if (seller && reporter && communityId !== undefined) {
    const advert = await post(
      seller,
      'Selling two concert tickets for Saturday, half price! DM me, first come first served 🎟️',
      5,
      communityId,
    );
    await report(
      reporter,
      seller,
      advert.id,
      'spam',
      'This space is for product work; adverts go in the Social Club.',
      3,
    );
    open += 1;
  }

  // Organisation-wide, for the admins: a heated status, reported.
  const [heated, offended, chatter, reader, author] = staff.slice(7, 12);
  if (heated && offended && chatter && reader && author) {
    const rant = await post(
      heated,
      'Honestly whoever designed the new expense form should not be allowed near a keyboard again.',
      20,
    );
    await report(offended, heated, rant.id, 'violation', 'Personal attack on a colleague.', 18);
    open += 1;

    // Decided: a status hidden, its author told why; a report dismissed.
    const leak = await post(
      chatter,
      'Heard from a friend at Contoso that their renewal is at risk, numbers attached soon.',
      6 * 24,
    );
    const hidden = await report(reader, chatter, leak.id, 'other', 'Customer gossip.', 6 * 24 - 2);
    await actOnReport(quiet, viewerFrom(admin), hidden.id, {
      action: 'hide',
      reason: 'Rumours about a customer do not belong on the organisation timeline.',
    });
    await backdateReport(ctx.db, hidden.id, s.now - (6 * 24 - 2) * HOUR_MS, s.now - 5 * DAY_MS);

    const fine = await post(author, 'Reminder: the kitchen fridge is emptied on Fridays.', 9 * 24);
    const dismissed = await report(reader, author, fine.id, 'other', 'Off topic?', 9 * 24 - 1);
    await actOnReport(quiet, viewerFrom(admin), dismissed.id, {
      action: 'dismiss',
      reason: 'Practical office news is welcome here.',
    });
    await backdateReport(ctx.db, dismissed.id, s.now - (9 * 24 - 1) * HOUR_MS, s.now - 8 * DAY_MS);
  }
  return { open, resolved: 2 };
}
