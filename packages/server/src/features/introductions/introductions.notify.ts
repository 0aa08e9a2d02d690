import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import type { NotificationType } from '../../db/tables/graph.table';
import type { AccountRow } from '../accounts/accounts.queries';
import { insertNotification } from '../notifications/notifications.queries';
import type { IntroductionRow } from './introductions.queries';
import { nameOf } from './introductions.rules';

/** Where every introduction notification leads: the page with all three lists. */
export const INTRODUCTIONS_PATH = '/network/introductions';

export interface People {
  requester: AccountRow;
  introducer: AccountRow;
  target: AccountRow;
}

type Step = 'requested' | 'forwarded' | 'accepted' | 'declined';

interface Notice {
  to: AccountRow;
  from: AccountRow;
  type: NotificationType;
  /** The line under the notification, in the reader's words. */
  title: string;
}

/**
 * Who is told of each step, and what the subject line says to them: the introducer of a
 * request and of its acceptance, the target when it is passed on to them, the requester of
 * every answer. A decline by the introducer never reaches the target, who was not asked.
 */
function noticesFor(step: Step, people: People, by: AccountRow): Notice[] {
  const { requester, introducer, target } = people;
  const wants = `${nameOf(requester)} would like to meet ${nameOf(target)}`;
  const yours = `Your request to meet ${nameOf(target)}`;
  switch (step) {
    case 'requested':
      return [{ to: introducer, from: requester, type: 'introduction_requested', title: wants }];
    case 'forwarded':
      return [
        {
          to: target,
          from: introducer,
          type: 'introduction_forwarded',
          title: `${nameOf(requester)} would like to meet you`,
        },
        { to: requester, from: introducer, type: 'introduction_forwarded', title: yours },
      ];
    case 'accepted':
      return [
        {
          to: requester,
          from: target,
          type: 'introduction_accepted',
          title: `You and ${nameOf(target)} have been introduced`,
        },
        {
          to: introducer,
          from: target,
          type: 'introduction_accepted',
          title: `You introduced ${nameOf(requester)} to ${nameOf(target)}`,
        },
      ];
    case 'declined':
      return [{ to: requester, from: by, type: 'introduction_declined', title: yours }];
  }
}

export type Sent = Array<{ id: number; accountId: number }>;

/** Writes the step's notifications inside the caller's transaction. */
export async function notifyStep(
  trx: Db,
  step: Step,
  row: IntroductionRow,
  people: People,
  by: AccountRow,
): Promise<Sent> {
  const sent: Sent = [];
  for (const notice of noticesFor(step, people, by)) {
    const id = await insertNotification(trx, {
      accountId: notice.to.id,
      type: notice.type,
      fromAccountId: notice.from.id,
      statusId: null,
      subject: {
        type: 'introduction',
        id: row.id,
        title: notice.title,
        path: INTRODUCTIONS_PATH,
        communityId: null,
      },
    });
    if (id !== null) sent.push({ id, accountId: notice.to.id });
  }
  return sent;
}

/** After commit: the step's domain event, then each notification written. */
export function announceStep(
  ctx: AppContext,
  step: Step,
  row: IntroductionRow,
  byId: number,
  sent: Sent,
): void {
  ctx.events.emit({
    type: `introduction.${step}`,
    introduction_id: String(row.id),
    requester_id: String(row.requester_id),
    introducer_id: String(row.introducer_id),
    target_id: String(row.target_id),
    by_id: String(byId),
  });
  for (const notification of sent) {
    ctx.events.emit({
      type: 'notification.created',
      notification_id: String(notification.id),
      account_id: String(notification.accountId),
    });
  }
}
