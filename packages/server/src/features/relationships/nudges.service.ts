import type { Nudge, RelationshipStage } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { accountScope } from '../visibility/visibility';
import { DAY_MS, HORIZON_DAYS } from './model';
import { presentNudge } from './nudges.presenter';
import { reminderRows } from './nudges.queries';
import { requireInsights } from './privacy.service';
import { reconnectReasons } from './reconnect.service';
import { listRelationshipRows, type RelationshipRow } from './relationships.queries';

/** At most this many reminders that fell due, and this many quiet ties, per answer. */
const REMINDER_NUDGES = 20;
const DORMANT_NUDGES = 5;
/** Quiet ties worth a nudge: people one had come to know, not mere encounters. */
const KNOWN: RelationshipStage[] = ['recognition', 'collaboration', 'trusted', 'close'];

/**
 * When a reminder falls due: its interval after the last substantive exchange, or after
 * it was set when the two never exchanged.
 */
export function reminderDueAt(row: RelationshipRow): number {
  const from = row.last_substantive_at ?? row.remind_set_at ?? row.updated_at;
  return from + (row.remind_every_days ?? 0) * DAY_MS;
}

/**
 * Who to get back in touch with: first the reminders that fell due, most overdue first;
 * then up to five ties at recognition or above gone quiet (past their stage's horizon),
 * strongest first. Each with a reason to reconnect when there is one.
 */
export async function listNudges(ctx: AppContext, viewer: Viewer): Promise<Nudge[]> {
  await requireInsights(ctx, viewer);
  const now = Date.now();
  const scope = accountScope(viewer);
  const due = (await reminderRows(ctx.db, viewer.id, scope))
    .map((row) => ({ row, dueSince: reminderDueAt(row), reason: 'reminder' as const }))
    .filter((nudge) => nudge.dueSince <= now)
    .sort((a, b) => a.dueSince - b.dueSince)
    .slice(0, REMINDER_NUDGES);
  const reminded = new Set(due.map((nudge) => nudge.row.other_id));
  const quiet = (
    await listRelationshipRows(ctx.db, {
      ownerId: viewer.id,
      scope,
      dormant: true,
      storedStages: KNOWN,
      limit: DORMANT_NUDGES + reminded.size,
      now,
    })
  )
    .filter((row) => !reminded.has(row.other_id))
    .slice(0, DORMANT_NUDGES)
    .map((row) => ({
      row,
      dueSince:
        (row.last_substantive_at ?? now) +
        HORIZON_DAYS[row.stage as Exclude<RelationshipStage, 'none'>] * DAY_MS,
      reason: 'dormant' as const,
    }));
  const nudges = [...due, ...quiet];
  const accounts = await findAccountsByIds(
    ctx.db,
    nudges.map((nudge) => nudge.row.other_id),
  );
  const byId = new Map(accounts.map((account) => [account.id, account]));
  const reasons = await reconnectReasons(ctx, viewer, accounts, now);
  return nudges.flatMap((nudge) => {
    const account = byId.get(nudge.row.other_id);
    if (!account) return [];
    return [
      presentNudge({
        ...nudge,
        account: presentAccount(ctx, account),
        reconnect: reasons.get(account.id) ?? null,
        now,
      }),
    ];
  });
}
