import type { AccountRef, RelationshipExport } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { presentAccount, presentAccountRef } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { stageAdvice } from './advice';
import { contextLabels } from './context-labels.queries';
import { KIND_NAMES } from './evidence';
import { optedOutAmong } from './model.queries';
import { actsOf, introductionsOf, isOptedOut, ownRelationshipRows } from './privacy.queries';
import { presentRelationship } from './relationships.presenter';
import { marksTowards, talliesWith } from './relationships.queries';

const CHUNK = 500;
const iso = (ms: number) => new Date(ms).toISOString();

async function inChunks<T>(ids: number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * Everything about the viewer's own relationships, for them alone: each row of theirs
 * with its evidence, their notes, reminders and marks (the other side's only as mutual),
 * the introductions they took part in and the acts of the ledger they took part in. People
 * the viewer may no longer see, and people who turned insights off, are left out of the
 * ledger part; the viewer's own note about someone who turned them off stays, with
 * nothing computed beside it.
 */
export async function exportRelationships(
  ctx: AppContext,
  viewer: Viewer,
): Promise<RelationshipExport> {
  const now = Date.now();
  const [me, rows, acts, introductions, off] = await Promise.all([
    findAccountsByIds(ctx.db, [viewer.id]),
    ownRelationshipRows(ctx.db, viewer.id),
    actsOf(ctx.db, viewer.id),
    introductionsOf(ctx.db, viewer.id),
    isOptedOut(ctx.db, viewer.id),
  ]);
  const otherOf = (act: { actor_id: number; target_id: number }) =>
    act.actor_id === viewer.id ? act.target_id : act.actor_id;
  const ids = [
    ...new Set([
      ...rows.map((row) => row.other_id),
      ...acts.map(otherOf),
      ...introductions.flatMap((i) => [i.requester_id, i.introducer_id, i.target_id]),
    ]),
  ].filter((id) => id !== viewer.id);
  const accounts = await visibleAccounts(
    ctx.db,
    viewer,
    await inChunks(ids, (chunk) => findAccountsByIds(ctx.db, chunk)),
  );
  const byId = new Map<number, AccountRow>(accounts.map((a) => [a.id, a]));
  for (const row of me) byId.set(row.id, row);
  const optedOut = await optedOutAmong(ctx.db, [...byId.keys()]);
  const ref = (id: number) => presentAccountRef(byId.get(id)) as AccountRef;

  const shown = rows.filter((row) => byId.has(row.other_id));
  const otherIds = shown.map((row) => row.other_id);
  const [tallies, theirs] = await Promise.all([
    inChunks(otherIds, (chunk) => talliesWith(ctx.db, viewer.id, chunk)),
    inChunks(otherIds, async (chunk) => [...(await marksTowards(ctx.db, viewer.id, chunk))]),
  ]);
  const marks = new Map(theirs);
  const keptActs = acts.filter((act) => byId.has(otherOf(act)) && !optedOut.has(otherOf(act)));
  const labels = await contextLabels(ctx.db, viewer.id, [
    ...new Set([
      ...tallies.map((t) => t.context),
      ...keptActs.map((act) => act.context ?? 'timeline'),
    ]),
  ]);

  return {
    exported_at: iso(now),
    account: ref(viewer.id),
    enabled: !off,
    relationships: shown.map((row) => {
      const account = byId.get(row.other_id) as AccountRow;
      const relationship = presentRelationship(viewer.id, {
        row,
        account: presentAccount(ctx, account),
        tallies: tallies.filter((t) => t.actor_id === account.id || t.target_id === account.id),
        labels,
        // Someone who turned insights off has marks that count for nobody.
        theirs: optedOut.has(account.id) ? undefined : marks.get(account.id),
        now,
        advice: (stage) => stageAdvice(stage, account.username, null),
      });
      const { advice: _advice, account: _account, id: _id, reconnect: _r, ...rest } = relationship;
      return { ...rest, account: ref(account.id) };
    }),
    introductions: introductions
      .filter((i) => [i.requester_id, i.introducer_id, i.target_id].every((id) => byId.has(id)))
      .flatMap((i) => {
        const role =
          i.requester_id === viewer.id
            ? ('requester' as const)
            : i.introducer_id === viewer.id
              ? ('introducer' as const)
              : ('target' as const);
        // The person to be introduced learns of a request only once it is forwarded.
        const forwarded = i.state !== 'requested' && i.declined_by !== 'introducer';
        if (role === 'target' && !forwarded) return [];
        return [
          {
            id: String(i.id),
            role,
            state: i.state,
            declined_by: i.declined_by,
            requester: ref(i.requester_id),
            introducer: ref(i.introducer_id),
            target: ref(i.target_id),
            message: i.message,
            note: i.note,
            created_at: iso(i.created_at),
            updated_at: iso(i.updated_at),
          },
        ];
      }),
    interactions: keptActs.map((act) => ({
      kind: KIND_NAMES[act.kind],
      direction: act.actor_id === viewer.id ? ('outgoing' as const) : ('incoming' as const),
      account: ref(otherOf(act)),
      context: labels.get(act.context ?? 'timeline')?.name ?? null,
      at: iso(act.created_at),
    })),
  };
}
