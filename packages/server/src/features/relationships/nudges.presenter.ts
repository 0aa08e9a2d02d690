import type { Account, Nudge, ReconnectReason, RelationshipStage } from '@rapport/schema';
import { standingAt } from './model';
import type { RelationshipRow } from './relationships.queries';
import { durationText, nameOf } from './words';

/** How a tie reads in a sentence, by the stage it had reached. */
const TIE: Partial<Record<RelationshipStage, string>> = {
  recognition: 'know each other',
  collaboration: 'have worked together',
  trusted: 'trust each other',
  close: 'are close',
};

export interface NudgeFacts {
  row: RelationshipRow;
  account: Account;
  reason: Nudge['reason'];
  dueSince: number;
  reconnect: ReconnectReason | null;
  now: number;
}

/** A nudge in plain words: why now, and how long it has been. */
export function presentNudge(facts: NudgeFacts): Nudge {
  const { row, account, now } = facts;
  const name = nameOf(account);
  const last = row.last_substantive_at;
  const days = row.remind_every_days;
  let text: string;
  if (facts.reason === 'reminder') {
    const every = days === 1 ? 'every day' : `every ${days} days`;
    text =
      last === null
        ? `You wanted to keep in touch with ${name} ${every}; you have not been in touch since you set the reminder ${durationText(now - (row.remind_set_at ?? row.updated_at))} ago`
        : `You wanted to keep in touch with ${name} ${every}; your last exchange was ${durationText(now - last)} ago`;
  } else {
    text = `You and ${name} ${TIE[row.stage] ?? 'know each other'}, but your last exchange was ${durationText(now - (last ?? now))} ago`;
  }
  return {
    account,
    reason: facts.reason,
    stage: standingAt(row.stage, row.declared === 1, last, now).stage,
    due_since: new Date(facts.dueSince).toISOString(),
    last_substantive_at: last === null ? null : new Date(last).toISOString(),
    remind_every_days: days,
    reconnect: facts.reconnect,
    text,
  };
}
