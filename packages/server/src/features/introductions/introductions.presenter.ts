import type { Account, Introduction } from '@rapport/schema';
import type { AppContext } from '../../context';
import { toIso } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import type { AccountRow } from '../accounts/accounts.queries';
import type { IntroductionRow } from './introductions.queries';
import { roleOf } from './introductions.rules';

/** Introductions as the viewer sees them; rows whose people are not all given are left out. */
export function presentIntroductions(
  ctx: AppContext,
  viewerId: number,
  rows: IntroductionRow[],
  accounts: AccountRow[],
): Introduction[] {
  const presented = new Map<number, Account>(accounts.map((a) => [a.id, presentAccount(ctx, a)]));
  return rows.flatMap((row) => {
    const role = roleOf(row, viewerId);
    const requester = presented.get(row.requester_id);
    const introducer = presented.get(row.introducer_id);
    const target = presented.get(row.target_id);
    if (!role || !requester || !introducer || !target) return [];
    return [
      {
        id: String(row.id),
        state: row.state,
        declined_by: row.declined_by,
        role,
        requester,
        introducer,
        target,
        message: row.message,
        note: row.note,
        created_at: toIso(row.created_at),
        updated_at: toIso(row.updated_at),
      },
    ];
  });
}
