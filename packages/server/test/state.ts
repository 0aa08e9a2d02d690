import type { AppContext } from '../src/context';
import type { Tables } from '../src/db/tables';

type Counted = keyof Tables | 'live_tokens';

const TABLES: Array<keyof Tables> = [
  'accounts',
  'account_terms',
  'oauth_applications',
  'oauth_authorization_codes',
  'access_tokens',
  'invitations',
  'server_settings',
];

/**
 * Row counts of every table plus the number of live (unrevoked) tokens: taken before and
 * after a refused request, they show that nothing changed.
 */
export async function rowCounts(ctx: AppContext): Promise<Record<Counted, number>> {
  const counts = {} as Record<Counted, number>;
  for (const table of TABLES) {
    const row = await ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  const live = await ctx.db
    .selectFrom('access_tokens')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('revoked_at', 'is', null)
    .executeTakeFirstOrThrow();
  counts.live_tokens = Number(live.n);
  return counts;
}

/** The stored row of an account, to compare before and after a refused change. */
export async function accountRow(ctx: AppContext, id: number) {
  return ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}
