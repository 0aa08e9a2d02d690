import type { RelationshipPrivacy } from '@rapport/schema';
import type { AppContext } from '../../context';
import { HttpError } from '../../errors';
import type { Viewer } from '../../http/auth';
import { rebuildPairs } from './model.queries';
import { isOptedOut, optIn, optOut, partnersOf } from './privacy.queries';

/** Pairs rebuilt per transaction when someone turns insights back on. */
const REBUILD_BATCH = 50;

/**
 * Someone who turned relationship insights off gets none of their own either: their
 * network, cards, advice, nudges and people to meet answer 409 until they turn them on.
 * Their preference and their export stay open.
 */
export async function requireInsights(ctx: AppContext, viewer: Viewer): Promise<void> {
  if (await isOptedOut(ctx.db, viewer.id)) {
    throw new HttpError(
      409,
      'conflict',
      'Relationship insights are off for you; turn them on in Settings',
    );
  }
}

export async function relationshipPrivacy(
  ctx: AppContext,
  viewer: Viewer,
): Promise<RelationshipPrivacy> {
  return { enabled: !(await isOptedOut(ctx.db, viewer.id)) };
}

/**
 * Off: the opt-out and the removal of everything derived about them, in one transaction
 * (privacy.queries.ts `optOut`); from then on the model skips their acts. On: the opt-out
 * goes, and their pairs are rebuilt from the ledger after the response, in the background
 * (`registerPrivacyRebuild`), a batch of pairs per transaction, so a long history never
 * holds a request or a lock for long.
 */
export async function setRelationshipPrivacy(
  ctx: AppContext,
  viewer: Viewer,
  input: RelationshipPrivacy,
): Promise<RelationshipPrivacy> {
  const now = Date.now();
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const off = await isOptedOut(trx, viewer.id);
    if (off === !input.enabled) return false;
    if (input.enabled) return optIn(trx, viewer.id);
    await optOut(trx, viewer.id, now);
    return true;
  });
  if (changed) {
    ctx.events.emit({
      type: 'relationship.privacy_changed',
      account_id: String(viewer.id),
      enabled: input.enabled,
    });
  }
  return { enabled: input.enabled };
}

/** Rebuilds every pair of someone who turned insights back on, unless they turned them off again. */
export async function rebuildAfterOptIn(ctx: AppContext, accountId: number): Promise<void> {
  const partners = await partnersOf(ctx.db, accountId);
  for (let i = 0; i < partners.length; i += REBUILD_BATCH) {
    if (await isOptedOut(ctx.db, accountId)) return;
    const batch = partners.slice(i, i + REBUILD_BATCH);
    await ctx.db.transaction().execute(async (trx) => {
      await rebuildPairs(
        trx,
        batch.map((other) => [accountId, other]),
      );
    });
  }
}

export function registerPrivacyRebuild(ctx: AppContext): void {
  ctx.events.on('relationship.privacy_changed', async (event) => {
    if (event.enabled) await rebuildAfterOptIn(ctx, Number(event.account_id));
  });
}
