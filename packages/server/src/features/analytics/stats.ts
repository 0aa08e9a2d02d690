import type { AnalyticsThresholds, PersonaName } from '@rapport/schema';

/**
 * The arithmetic of organisation analytics, pure, with each definition the issue and
 * DESIGN.md section 4 give. The pages show the same words and thresholds.
 */

/**
 * Share of all contributions made by the top k% of members: sort members by
 * contributions (most first), take the first ceil(k/100 x members), divide their
 * contributions by the total. Null when nobody contributed. `group` is how many people
 * that top is (small groups are suppressed by the caller).
 */
export function topShare(
  counts: number[],
  percent: number,
): { share: number | null; group: number } {
  const group = Math.ceil((percent / 100) * counts.length);
  const total = sum(counts);
  if (total === 0) return { share: null, group };
  const sorted = [...counts].sort((a, b) => b - a);
  return { share: sum(sorted.slice(0, group)) / total, group };
}

/**
 * Gini coefficient over every member's contributions, zeros included: 0 when everyone
 * contributes alike, approaching 1 when one person makes everything. Null for no
 * contributions. G = sum_i (2i - n - 1) x_i / (n sum x), with x sorted ascending, i from 1.
 */
export function gini(counts: number[]): number | null {
  const n = counts.length;
  const total = sum(counts);
  if (n === 0 || total === 0) return null;
  const sorted = [...counts].sort((a, b) => a - b);
  let weighted = 0;
  sorted.forEach((x, i) => {
    weighted += (2 * (i + 1) - n - 1) * x;
  });
  return weighted / (n * total);
}

/** Points the Lorenz curve is drawn through: every 5% of members. */
export const LORENZ_STEPS = 20;

/**
 * The Lorenz curve: [share of members, share of contributions they made], members taken
 * from the fewest contributions up, at every 5% (interpolated between people), so the
 * curve never shows one person's count. The diagonal is perfect equality.
 */
export function lorenz(counts: number[]): [number, number][] {
  const n = counts.length;
  const total = sum(counts);
  const points: [number, number][] = [];
  if (n === 0 || total === 0) {
    for (let step = 0; step <= LORENZ_STEPS; step += 1) {
      const x = step / LORENZ_STEPS;
      points.push([x, x]);
    }
    return points;
  }
  const sorted = [...counts].sort((a, b) => a - b);
  const cumulative = [0];
  for (const x of sorted) cumulative.push((cumulative.at(-1) ?? 0) + x);
  for (let step = 0; step <= LORENZ_STEPS; step += 1) {
    const x = step / LORENZ_STEPS;
    const position = x * n;
    const whole = Math.floor(position);
    const below = cumulative[whole] ?? total;
    const next = cumulative[Math.min(whole + 1, n)] ?? total;
    const y = (below + (next - below) * (position - whole)) / total;
    points.push([round(x, 4), round(y, 4)]);
  }
  return points;
}

/** The q-quantile (0..1) by linear interpolation between closest ranks; null for none. */
export function quantile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  const a = sorted[lower] ?? 0;
  const b = sorted[upper] ?? a;
  return a + (b - a) * (position - lower);
}

/**
 * Bus factor: the fewest people whose answers and pages make up at least half of the
 * topic's answers and pages. 0 when the topic has none.
 */
export function busFactor(perPerson: number[]): number {
  const total = sum(perPerson);
  if (total === 0) return 0;
  const sorted = [...perPerson].sort((a, b) => b - a);
  let covered = 0;
  for (const [index, count] of sorted.entries()) {
    covered += count;
    if (covered * 2 >= total) return index + 1;
  }
  return sorted.length;
}

/** The segments' and personas' thresholds (shown on the pages and in docs/features/analytics.md). */
export const THRESHOLDS: AnalyticsThresholds = {
  heavy_per_week: 1,
  heavy_minimum: 3,
  reaction_weight: 0.5,
  catalyst_ratio: 1.5,
  responder_share: 0.75,
  broadcaster_ratio: 0.5,
};

export type Segment = 'inactive' | 'observers' | 'occasional' | 'heavy';

/**
 * A member's segment in a period of `weeks` weeks:
 * - inactive: no visit, reaction or contribution;
 * - observers: visited or reacted, contributed nothing;
 * - heavy: at least one contribution a week on average, and at least three;
 * - occasional: the other contributors.
 */
export function segmentOf(
  person: { contributions: number; active: boolean },
  weeks: number,
): Segment {
  if (person.contributions === 0) return person.active ? 'observers' : 'inactive';
  const heavyAt = Math.max(THRESHOLDS.heavy_minimum, THRESHOLDS.heavy_per_week * weeks);
  return person.contributions >= heavyAt ? 'heavy' : 'occasional';
}

/** What a person gave and received in a period, for their persona. */
export interface Exchange {
  /** Statuses they started (questions included), not replies, and page revisions. */
  posts: number;
  /** Replies (answers included) to others. */
  replies: number;
  /** Favourites and boosts they gave. */
  reactionsGiven: number;
  /** Replies others wrote to them. */
  repliesReceived: number;
  /** Favourites and boosts others gave what they wrote. */
  reactionsReceived: number;
}

/**
 * A person's persona, from what they give (posts, replies, reactions) against the
 * responses they receive (replies and reactions from others). A reaction is a light act:
 * it weighs `reaction_weight` of a written one on both sides, or a colleague who likes
 * freely would always read as a responder and a liked post outweigh a reply.
 * - observer: wrote nothing (no post, no reply): reads along, perhaps reacts;
 * - catalyst: receives at least `catalyst_ratio` responses per act given, having posted:
 *   what they start draws others in;
 * - responder: at least `responder_share` of what they give answers or reacts to others;
 * - broadcaster: mostly posts, and receives fewer than `broadcaster_ratio` responses per
 *   act given;
 * - engager: the rest, who both post and respond, and are responded to.
 */
export function personaOf(person: Exchange): PersonaName {
  const weight = THRESHOLDS.reaction_weight;
  if (person.posts + person.replies === 0) return 'observer';
  const given = person.posts + person.replies + person.reactionsGiven * weight;
  const received = person.repliesReceived + person.reactionsReceived * weight;
  const ratio = received / given;
  if (person.posts > 0 && ratio >= THRESHOLDS.catalyst_ratio) return 'catalyst';
  if ((person.replies + person.reactionsGiven * weight) / given >= THRESHOLDS.responder_share) {
    return 'responder';
  }
  if (ratio < THRESHOLDS.broadcaster_ratio) return 'broadcaster';
  return 'engager';
}

export function sum(values: number[]): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
