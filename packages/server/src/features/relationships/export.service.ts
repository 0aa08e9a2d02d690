import type { RelationshipExport } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { type AccountRow, findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { contextLabels } from './context-labels.queries';
import { knownToViewer, presentExport } from './export.presenter';
import type { Tally } from './model';
import { optedOutAmong } from './model.queries';
import { actsOf, introductionsOf, isOptedOut, ownRelationshipRows } from './privacy.queries';
import { marksTowards, talliesWith } from './relationships.queries';

/** Ids per query, well under every driver's limit on bound parameters. */
const CHUNK = 500;

async function inChunks<T>(ids: number[], load: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

/**
 * Everything about the viewer's own relationships, for them alone: each row of theirs
 * with its evidence, their notes, reminders and marks (the other side's only as mutual),
 * the introductions they took part in (as a target, once forwarded) and the acts of the
 * ledger they took part in. People the viewer may no longer see are left out; so are the
 * acts with people who turned insights off, whose marks count for nobody, though the
 * viewer's own note about them stays. Works while the viewer's own insights are off.
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
  const visible = await visibleAccounts(
    ctx.db,
    viewer,
    await inChunks(ids, (chunk) => findAccountsByIds(ctx.db, chunk)),
  );
  const accounts = new Map<number, AccountRow>([...me, ...visible].map((a) => [a.id, a]));
  const optedOut = await optedOutAmong(ctx.db, [...accounts.keys()]);

  const shownRows = rows.filter((row) => accounts.has(row.other_id));
  const otherIds = shownRows.map((row) => row.other_id);
  const [tallyList, marks] = await Promise.all([
    inChunks(otherIds, (chunk) => talliesWith(ctx.db, viewer.id, chunk)),
    inChunks(otherIds, async (chunk) => [...(await marksTowards(ctx.db, viewer.id, chunk))]),
  ]);
  const tallies = new Map<number, Tally[]>();
  for (const tally of tallyList) {
    const other = otherOf({ actor_id: tally.actor_id, target_id: tally.target_id });
    tallies.set(other, [...(tallies.get(other) ?? []), tally]);
  }
  const keptActs = acts.filter((act) => accounts.has(otherOf(act)) && !optedOut.has(otherOf(act)));
  const labels = await contextLabels(ctx.db, viewer.id, [
    ...new Set([
      ...tallyList.map((t) => t.context),
      ...keptActs.map((act) => act.context ?? 'timeline'),
    ]),
  ]);
  return presentExport(ctx, {
    viewerId: viewer.id,
    enabled: !off,
    now,
    accounts,
    rows: shownRows,
    tallies,
    // Someone who turned insights off has marks that count for nobody.
    marks: new Map(marks.filter(([id]) => !optedOut.has(id))),
    labels,
    introductions: introductions.filter(
      (row) =>
        [row.requester_id, row.introducer_id, row.target_id].every((id) => accounts.has(id)) &&
        knownToViewer(viewer.id, row),
    ),
    acts: keptActs,
  });
}
