import type {
  RelationshipCard,
  RelationshipListQuery,
  UpdateRelationship,
  WorkingRelationship,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { presentAccount } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountById, findAccountsByIds } from '../accounts/accounts.queries';
import { introducersFor } from '../introductions/introductions.service';
import { canSeeAccount } from '../visibility/account-visibility';
import { accountScope } from '../visibility/visibility';
import { stageAdvice } from './advice';
import { contextLabels } from './context-labels.queries';
import { optedOutAmong, refreshPair } from './model.queries';
import { requireInsights } from './privacy.service';
import { reconnectReasons } from './reconnect.service';
import { emptyRow, presentRelationship } from './relationships.presenter';
import {
  findRelationshipById,
  findRelationshipRow,
  listRelationshipRows,
  marksTowards,
  type RelationshipRow,
  savePrivateFields,
  talliesWith,
} from './relationships.queries';
import { sharedCommunities, topicsOf } from './shared.queries';

/** Presents the viewer's rows: accounts, tallies, context names and marks in a few queries. */
async function presentRows(
  ctx: AppContext,
  viewer: Viewer,
  rows: RelationshipRow[],
  accounts: AccountRow[],
  now: number,
  options: { theirMarks?: boolean } = {},
): Promise<WorkingRelationship[]> {
  const otherIds = rows.map((r) => r.other_id);
  const [tallies, theirs] = await Promise.all([
    talliesWith(ctx.db, viewer.id, otherIds),
    options.theirMarks === false ? new Map() : marksTowards(ctx.db, viewer.id, otherIds),
  ]);
  const labels = await contextLabels(ctx.db, viewer.id, [
    ...new Set(tallies.map((t) => t.context)),
  ]);
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return rows.flatMap((row) => {
    const account = byId.get(row.other_id);
    if (!account) return [];
    const name = account.display_name || account.username;
    return [
      presentRelationship(viewer.id, {
        row,
        account: presentAccount(ctx, account),
        tallies: tallies.filter((t) => t.actor_id === row.other_id || t.target_id === row.other_id),
        labels,
        theirs: theirs.get(row.other_id),
        now,
        advice: (stage) => stageAdvice(stage, name, null),
      }),
    ];
  });
}

/**
 * My network: the viewer's own relationships, strongest first, optionally one stage (as
 * shown now) or only the dormant ones. Pages continue after the `max_id` relationship.
 */
export async function listRelationships(
  ctx: AppContext,
  viewer: Viewer,
  query: RelationshipListQuery,
): Promise<{ items: WorkingRelationship[]; nextMaxId: string | undefined }> {
  await requireInsights(ctx, viewer);
  const limit = query.limit ?? 40;
  const now = Date.now();
  let after: { score: number; id: number } | undefined;
  if (query.max_id !== undefined) {
    const cursor = await findRelationshipById(ctx.db, viewer.id, Number(query.max_id));
    if (!cursor) {
      throw new HttpError(
        400,
        'bad_request',
        'max_id is not one of your relationships; start from the first page',
      );
    }
    after = { score: cursor.score, id: cursor.id };
  }
  const rows = await listRelationshipRows(ctx.db, {
    ownerId: viewer.id,
    scope: accountScope(viewer),
    stage: query.stage,
    dormant: query.dormant,
    after,
    limit,
    now,
  });
  const accounts = await findAccountsByIds(
    ctx.db,
    rows.map((r) => r.other_id),
  );
  let items = await presentRows(ctx, viewer, rows, accounts, now);
  // Ties gone quiet come with something to reconnect over (reconnect.service.ts).
  if (query.dormant === true) {
    const reasons = await reconnectReasons(ctx, viewer, accounts, now);
    items = items.map((item) => ({
      ...item,
      reconnect: reasons.get(Number(item.account.id)) ?? null,
    }));
  }
  return { items, nextMaxId: rows.length >= limit ? String(rows.at(-1)?.id) : undefined };
}

/** The other person, if the viewer may see them; never oneself. */
export async function otherPerson(
  ctx: AppContext,
  viewer: Viewer,
  accountId: number,
): Promise<AccountRow> {
  const account = await findAccountById(ctx.db, accountId);
  if (!account || account.suspended === 1 || !(await canSeeAccount(ctx.db, viewer, account))) {
    throw notFound('Account');
  }
  if (account.id === viewer.id) {
    throw validationFailed({ account_id: ['is you: Rapport keeps no relationship with yourself'] });
  }
  return account;
}

/** The person card: the viewer's relationship with one person and what they share. */
export async function relationshipCard(
  ctx: AppContext,
  viewer: Viewer,
  accountId: number,
): Promise<RelationshipCard> {
  await requireInsights(ctx, viewer);
  const account = await otherPerson(ctx, viewer, accountId);
  const now = Date.now();
  // Someone who turned insights off shows only what is public (shared communities) and the
  // viewer's own fields: their data is gone, and their marks count for nobody.
  if ((await optedOutAmong(ctx.db, [account.id])).size > 0) {
    const row =
      (await findRelationshipRow(ctx.db, viewer.id, account.id)) ??
      emptyRow(viewer.id, account.id, now);
    const [relationship] = await presentRows(ctx, viewer, [row], [account], now, {
      theirMarks: false,
    });
    const communities = await sharedCommunities(ctx.db, viewer.id, account.id);
    return {
      ...(relationship as WorkingRelationship),
      // As after the opt-out, even if an act recorded at that very moment left a trace.
      stage: 'none',
      strength: 0,
      reciprocated: false,
      first_interaction_at: null,
      last_substantive_at: null,
      dormant: false,
      evidence: [],
      advice: stageAdvice('none', account.display_name || account.username, null),
      shared_topics: [],
      shared_communities: communities.map((c) => ({ id: String(c.id), name: c.name })),
      mutual_contacts: [],
    };
  }
  const row =
    (await findRelationshipRow(ctx.db, viewer.id, account.id)) ??
    emptyRow(viewer.id, account.id, now);
  const [[relationship], mine, theirs, communities, mutuals] = await Promise.all([
    presentRows(ctx, viewer, [row], [account], now),
    topicsOf(ctx.db, viewer.id),
    topicsOf(ctx.db, account.id),
    sharedCommunities(ctx.db, viewer.id, account.id),
    introducersFor(ctx.db, viewer, account.id),
  ]);
  const theirTopics = new Set(theirs);
  return {
    ...(relationship as WorkingRelationship),
    shared_topics: mine.filter((topic) => theirTopics.has(topic)),
    shared_communities: communities.map((c) => ({ id: String(c.id), name: c.name })),
    mutual_contacts: mutuals.map((a) => presentAccount(ctx, a)),
  };
}

/**
 * The viewer's private note, reminder and marks. A mark changes the pair's stage only when
 * both set it, so the pair is re-summarised; the other person's row changes stage then too
 * but never says who marked first.
 */
export async function updateRelationship(
  ctx: AppContext,
  viewer: Viewer,
  accountId: number,
  input: UpdateRelationship,
): Promise<RelationshipCard> {
  await requireInsights(ctx, viewer);
  const account = await otherPerson(ctx, viewer, accountId);
  const now = Date.now();
  const marks = input.trusted !== undefined || input.close !== undefined;
  await ctx.db.transaction().execute(async (trx) => {
    await savePrivateFields(
      trx,
      viewer.id,
      account.id,
      {
        note: input.note,
        remind_every_days: input.remind_every_days,
        mark_trusted: input.trusted === undefined ? undefined : input.trusted ? 1 : 0,
        mark_close: input.close === undefined ? undefined : input.close ? 1 : 0,
      },
      now,
    );
    // Marks towards someone who turned insights off are kept but make no stage.
    if (marks && (await optedOutAmong(trx, [account.id])).size === 0) {
      await refreshPair(trx, viewer.id, account.id, now);
    }
  });
  ctx.events.emit({
    type: 'relationship.updated',
    account_id: String(viewer.id),
    other_id: String(account.id),
  });
  return relationshipCard(ctx, viewer, account.id);
}
