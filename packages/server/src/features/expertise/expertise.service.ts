import type { EvidenceKind, Expert } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { DAY_MS, toIsoOrNull } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { EVIDENCE_SOURCES, type EvidenceItem, type EvidenceSource } from './expertise.sources';
import { type Topic, topicOf } from './topics';

/**
 * THE EXPERTISE SCORE. For one topic, a person's score is the sum over the evidence that
 * counts for them of
 *
 *     weight(kind) x 0.5 ^ (age in days / 180)
 *
 * with weight: accepted answer 5, page written 4, skill on the profile 3, answer 2,
 * status 1; skills do not age (factor 1). At most 5 pieces of each kind count per person
 * (the best ones), so volume alone cannot outrank proven knowledge: 5 recent statuses
 * weigh as much as one recent accepted answer. A status counts once, as its strongest
 * kind (an accepted answer is not also an answer and a status).
 *
 * Several topics (a question's words): each is scored as above and weighed by its rarity,
 * 1 / log2(2 + n), n being how many pieces of evidence the topic found for anyone, so a
 * specific word ("cronjob") counts for more than a common one ("deploy"). The final score
 * is the weighted sum, rounded to two decimals.
 */
export const EVIDENCE_WEIGHTS: Record<EvidenceKind, number> = {
  accepted_answer: 5,
  page: 4,
  skill: 3,
  answer: 2,
  status: 1,
};
export const HALF_LIFE_DAYS = 180;
export const COUNTED_PER_KIND = 5;

const STRENGTH: EvidenceKind[] = ['accepted_answer', 'page', 'answer', 'status', 'skill'];

/** What one piece of evidence adds to a score at `now`. */
export function contribution(item: Pick<EvidenceItem, 'kind' | 'at'>, now: number): number {
  const weight = EVIDENCE_WEIGHTS[item.kind];
  if (item.at === null) return weight;
  const ageDays = Math.max(0, now - item.at) / DAY_MS;
  return weight * 0.5 ** (ageDays / HALF_LIFE_DAYS);
}

interface Scored {
  score: number;
  evidence: Array<EvidenceItem & { value: number }>;
}

/** One topic's scores: evidence deduplicated, the best COUNTED_PER_KIND of each kind kept. */
function scoreTopic(items: EvidenceItem[], now: number): Map<number, Scored> {
  const unique = new Map<string, EvidenceItem>();
  for (const item of items) {
    // The same status may come from two sources (an answer on the topic): keep its strongest kind.
    // Pages and statuses are numbered separately, and each co-author of a page has a piece.
    const key =
      item.id === null
        ? `${item.kind}:${item.accountId}:${item.title}`
        : `${item.kind === 'page' ? 'page' : 'status'}:${item.accountId}:${item.id}`;
    const known = unique.get(key);
    if (!known || STRENGTH.indexOf(item.kind) < STRENGTH.indexOf(known.kind)) {
      unique.set(key, item);
    }
  }
  const byPerson = new Map<number, Array<EvidenceItem & { value: number }>>();
  for (const item of unique.values()) {
    const list = byPerson.get(item.accountId) ?? [];
    list.push({ ...item, value: contribution(item, now) });
    byPerson.set(item.accountId, list);
  }
  const scores = new Map<number, Scored>();
  for (const [accountId, list] of byPerson) {
    list.sort((a, b) => b.value - a.value);
    const counted = STRENGTH.flatMap((kind) =>
      list.filter((item) => item.kind === kind).slice(0, COUNTED_PER_KIND),
    ).sort((a, b) => b.value - a.value);
    scores.set(accountId, {
      score: counted.reduce((sum, item) => sum + item.value, 0),
      evidence: counted,
    });
  }
  return scores;
}

export interface RankOptions {
  limit: number;
  /** People never ranked (the asker, those who already answered). */
  exclude?: ReadonlySet<number>;
  /** A further say on who may be ranked (e.g. who may see a question), after the viewer's. */
  admit?: (rows: AccountRow[]) => Promise<AccountRow[]>;
  sources?: readonly EvidenceSource[];
  now?: number;
}

/**
 * People ranked by the evidence that they know about the topics, as the viewer may see
 * it: only evidence the viewer may see counts, and only people the viewer may see (and
 * not suspended) are ranked. Each comes with the evidence that counted, strongest first.
 */
export async function rankExperts(
  ctx: AppContext,
  viewer: Viewer,
  topics: Topic[],
  options: RankOptions,
): Promise<Expert[]> {
  const now = options.now ?? Date.now();
  const sources = options.sources ?? EVIDENCE_SOURCES;
  const total = new Map<number, Scored>();
  for (const topic of topics) {
    const found: EvidenceItem[] = [];
    for (const source of sources) found.push(...(await source(ctx, viewer, topic)));
    const kept = found.filter((item) => !options.exclude?.has(item.accountId));
    const scores = scoreTopic(kept, now);
    const weight = topics.length > 1 ? 1 / Math.log2(2 + kept.length) : 1;
    for (const [accountId, scored] of scores) {
      const sum = total.get(accountId) ?? { score: 0, evidence: [] };
      sum.score += weight * scored.score;
      sum.evidence.push(...scored.evidence);
      total.set(accountId, sum);
    }
  }
  const rows = await rankable(ctx, viewer, total, options);
  const byName = (row: AccountRow) => row.sort_name;
  const ranked = rows
    .map((row) => ({ row, scored: total.get(row.id) as Scored }))
    .sort((a, b) => b.scored.score - a.scored.score || byName(a.row).localeCompare(byName(b.row)))
    .slice(0, options.limit);
  return ranked.map(({ row, scored }) => ({
    account: presentAccount(ctx, row),
    score: Math.round(scored.score * 100) / 100,
    evidence: dedupe(scored.evidence)
      .sort((a, b) => b.value - a.value)
      .map((item) => ({
        kind: item.kind,
        id: item.id === null ? null : String(item.id),
        title: item.title,
        at: toIsoOrNull(item.at),
        url: `${ctx.config.publicUrl}${item.path}`,
      })),
  }));
}

/**
 * The people who may be ranked, read best-scored first and only as far as the page needs:
 * a common topic has hundreds of candidates, and most of them would be read for nothing.
 * Everyone scoring as much as the last one read is read too, so ties order by name.
 */
async function rankable(
  ctx: AppContext,
  viewer: Viewer,
  total: Map<number, Scored>,
  options: Pick<RankOptions, 'limit' | 'admit'>,
): Promise<AccountRow[]> {
  const order = [...total.entries()].sort((a, b) => b[1].score - a[1].score);
  const kept: AccountRow[] = [];
  let from = 0;
  while (from < order.length && kept.length < options.limit) {
    let to = Math.min(order.length, from + options.limit * 2);
    const edge = order[to - 1]?.[1].score;
    while (to < order.length && order[to]?.[1].score === edge) to++;
    const ids = order.slice(from, to).map(([id]) => id);
    let rows = (await findAccountsByIds(ctx.db, ids)).filter((row) => row.suspended === 0);
    rows = await visibleAccounts(ctx.db, viewer, rows);
    if (options.admit) rows = await options.admit(rows);
    kept.push(...rows);
    from = to;
  }
  return kept;
}

/** Several topics can count the same piece of evidence; it is listed once. */
function dedupe<T extends EvidenceItem>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = `${item.kind}:${item.id ?? item.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `GET /api/rapport/v1/experts?topic=`: who knows about what the viewer typed. */
export function findExperts(
  ctx: AppContext,
  viewer: Viewer,
  topic: string,
  limit: number,
): Promise<Expert[]> {
  return rankExperts(ctx, viewer, [topicOf(topic)], { limit });
}
