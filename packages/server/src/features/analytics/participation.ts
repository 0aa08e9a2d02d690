import type {
  Participation,
  ParticipationReport,
  ParticipationWeek,
  PersonaCounts,
  Segments,
} from '@rapport/schema';
import type { Db } from '../../db/tables';
import { DAY_MS, toIso } from '../../lib/time';
import { frameOf, type ReportInput, suppressedReport } from './analytics.service';
import {
  activityWeeks,
  contributedBefore,
  favouriteWeeks,
  responsesReceived,
  revisionWeeks,
  statusWeeks,
} from './participation.queries';
import { periodWeeks, weekStarts } from './period';
import { groupShare, peopleCount } from './privacy';
import { scopeMembers } from './scope.queries';
import { gini, lorenz, personaOf, segmentOf, sum, THRESHOLDS, topShare } from './stats';

/**
 * The participation dashboard (issue 7, DESIGN.md section 4), for the members of a scope
 * over the period [from, to). The definitions, as the page shows them:
 * - members: `scopeMembers` (accounts not suspended, members and admins, guests only in
 *   their communities, created before the period ends; opted-out people in organisation
 *   totals only). A scope with fewer than `min_group_size` members is withheld whole.
 * - contributions: statuses written in the period (replies, questions and answers
 *   included; boosts and direct messages not; hidden statuses still count, they were
 *   written) plus page revisions saved. For a community: statuses posted in it and
 *   revisions of its pages.
 * - reactions: favourites and boosts given (for a community: on its statuses), counted
 *   apart as light participation.
 * - contributors: members with at least one contribution.
 * - top k% share, Gini and Lorenz curve: over every member's contributions, zeros
 *   included (stats.ts). A top share is withheld when its top group is fewer than
 *   `min_group_size` people.
 * - active: used Rapport on a day of the period (`account_activity_days`), reacted or
 *   contributed. Segments split members into inactive, observers, occasional and heavy
 *   contributors (`segmentOf`).
 * - first-time contributors: members whose first contribution ever (in the community, for
 *   a community) falls in the period; returning ones contributed again on a later UTC day
 *   before the period ends.
 * - personas: for active members only (an inactive member has no persona), from what they
 *   gave (posts and page revisions, replies to others, reactions) against the replies and
 *   reactions others gave to their statuses in the period (`personaOf`). A page revision
 *   counts as a post: it starts something others can build on.
 * Every count of people goes through `peopleCount`, every share through `groupShare`.
 */
export async function computeParticipation(
  db: Db,
  input: ReportInput,
): Promise<ParticipationReport> {
  const { scope, period, minGroupSize } = input;
  const members = await scopeMembers(db, scope, period.to);
  if (members.length < minGroupSize) return suppressedReport(input);
  // The reads keep to the scope's content or people; `Tally` then keeps its members only.
  const community = scope.kind === 'community' ? scope.id : null;
  const narrow = { community, department: scope.kind === 'department' ? scope.name : null };
  const weeks = weekStarts(period);
  const tally = new Tally(members, weeks.length);

  const [statuses, revisions, favourites, visits, received] = await Promise.all([
    statusWeeks(db, period, narrow),
    revisionWeeks(db, period, narrow),
    favouriteWeeks(db, period, narrow),
    activityWeeks(db, period, narrow),
    responsesReceived(db, period, narrow),
  ]);
  for (const row of statuses) {
    const at = tally.cell(row.account_id, row.week);
    if (at === null) continue;
    tally.contribute(at, row.contributions, row.first_at, row.last_at);
    tally.react(at, row.boosts);
    tally.add(tally.posts, at.person, row.posts);
    tally.add(tally.replies, at.person, row.replies);
  }
  for (const row of revisions) {
    const at = tally.cell(row.account_id, row.week);
    if (at === null) continue;
    tally.contribute(at, row.revisions, row.first_at, row.last_at);
    tally.add(tally.posts, at.person, row.revisions);
  }
  for (const row of favourites) {
    const at = tally.cell(row.account_id, row.week);
    if (at !== null) tally.react(at, row.count);
  }
  for (const row of visits) {
    const at = tally.cell(row.account_id, row.week);
    if (at !== null) tally.visit(at);
  }
  for (const row of received) {
    const person = tally.index.get(row.account_id);
    if (person !== undefined) {
      tally.add(
        row.kind === 'reply' ? tally.repliesReceived : tally.reactionsReceived,
        person,
        row.count,
      );
    }
  }

  const contributorIds = members.filter((_, person) => (tally.contributions[person] ?? 0) > 0);
  const earlier = new Set(await contributedBefore(db, contributorIds, period.from, community));
  const firstTimers = contributorIds
    .filter((id) => !earlier.has(id))
    .map((id) => tally.index.get(id) as number);

  return participationReport(input, tally, weeks, firstTimers);
}

function participationReport(
  input: ReportInput,
  tally: Tally,
  weeks: number[],
  firstTimers: number[],
): Participation {
  const min = input.minGroupSize;
  const counts = Array.from(tally.contributions);
  const share = (values: number[], percent: number) => {
    const top = topShare(values, percent);
    return groupShare(top.share, top.group, min);
  };
  const segments = { inactive: 0, observers: 0, occasional: 0, heavy: 0 };
  const personas = { observer: 0, broadcaster: 0, responder: 0, catalyst: 0, engager: 0 };
  const span = periodWeeks(input.period);
  for (let person = 0; person < tally.size; person += 1) {
    const active = tally.isActive(person);
    segments[segmentOf({ contributions: counts[person] ?? 0, active }, span)] += 1;
    if (!active) continue;
    personas[
      personaOf({
        posts: tally.posts[person] ?? 0,
        replies: tally.replies[person] ?? 0,
        reactionsGiven: tally.reactions[person] ?? 0,
        repliesReceived: tally.repliesReceived[person] ?? 0,
        reactionsReceived: tally.reactionsReceived[person] ?? 0,
      })
    ] += 1;
  }
  // Came back: a contribution on a later UTC day than their first one.
  const returning = firstTimers.filter(
    (person) =>
      Math.floor((tally.last[person] ?? 0) / DAY_MS) >
      Math.floor((tally.first[person] ?? 0) / DAY_MS),
  ).length;
  const firstWeeks = new Array<number>(weeks.length).fill(0);
  for (const person of firstTimers) {
    const week = tally.firstWeek(person);
    if (week !== null) firstWeeks[week] = (firstWeeks[week] ?? 0) + 1;
  }

  const weekly: ParticipationWeek[] = weeks.map((start, week) => {
    const inWeek = tally.weekCounts(week);
    return {
      week_start: toIso(start),
      contributors: peopleCount(inWeek.filter((n) => n > 0).length, min),
      contributions: sum(inWeek),
      reactions: tally.weekReactions[week] ?? 0,
      active: peopleCount(tally.activeIn(week), min),
      first_time_contributors: peopleCount(firstWeeks[week] ?? 0, min),
      top15_share: share(inWeek, 15),
      gini: gini(inWeek),
    };
  });

  return {
    ...frameOf(input),
    suppressed: false,
    members: tally.size,
    contributors: peopleCount(counts.filter((n) => n > 0).length, min),
    contributions: sum(counts),
    reactions: sum(Array.from(tally.reactions)),
    top1_share: share(counts, 1),
    top10_share: share(counts, 10),
    top15_share: share(counts, 15),
    gini: gini(counts),
    lorenz: lorenz(counts),
    segments: withheld(segments, min) as Segments,
    first_time_contributors: peopleCount(firstTimers.length, min),
    returning_first_time_contributors: peopleCount(returning, min),
    personas: withheld(personas, min) as PersonaCounts,
    thresholds: THRESHOLDS,
    weekly,
  };
}

/**
 * Each member's figures, by position in the member list and week of the period. Rows
 * about people who are not members of the scope (guests, suspended, opted out of a
 * department) are dropped here.
 */
class Tally {
  readonly index = new Map<number, number>();
  readonly size: number;
  /** Per person: contributions, reactions given, posts, replies to others, responses received. */
  readonly contributions: Int32Array;
  readonly reactions: Int32Array;
  readonly posts: Int32Array;
  readonly replies: Int32Array;
  readonly repliesReceived: Int32Array;
  readonly reactionsReceived: Int32Array;
  /** Per person: when their first and last contribution of the period were (epoch ms). */
  readonly first: Float64Array;
  readonly last: Float64Array;
  /** Per person and week (person x weeks + week): contributions, and whether active. */
  private readonly weekly: Int32Array;
  private readonly activeWeeks: Uint8Array;
  readonly weekReactions: Int32Array;

  constructor(
    members: number[],
    private readonly weeks: number,
  ) {
    members.forEach((id, person) => {
      this.index.set(id, person);
    });
    this.size = members.length;
    this.contributions = new Int32Array(this.size);
    this.reactions = new Int32Array(this.size);
    this.posts = new Int32Array(this.size);
    this.replies = new Int32Array(this.size);
    this.repliesReceived = new Int32Array(this.size);
    this.reactionsReceived = new Int32Array(this.size);
    this.first = new Float64Array(this.size).fill(Number.POSITIVE_INFINITY);
    this.last = new Float64Array(this.size).fill(Number.NEGATIVE_INFINITY);
    this.weekly = new Int32Array(this.size * weeks);
    this.activeWeeks = new Uint8Array(this.size * weeks);
    this.weekReactions = new Int32Array(weeks);
  }

  /** Where a member's week is kept; null for someone outside the scope. */
  cell(accountId: number, week: number): { person: number; week: number } | null {
    const person = this.index.get(accountId);
    if (person === undefined || week < 0 || week >= this.weeks) return null;
    return { person, week };
  }

  contribute(
    at: { person: number; week: number },
    count: number,
    first: number | null,
    last: number | null,
  ): void {
    if (count === 0) return;
    const { person, week } = at;
    this.add(this.contributions, person, count);
    this.add(this.weekly, person * this.weeks + week, count);
    this.activeWeeks[person * this.weeks + week] = 1;
    if (first !== null) this.first[person] = Math.min(this.first[person] ?? first, first);
    if (last !== null) this.last[person] = Math.max(this.last[person] ?? last, last);
  }

  add(figures: Int32Array, person: number, count: number): void {
    figures[person] = (figures[person] ?? 0) + count;
  }

  react(at: { person: number; week: number }, count: number): void {
    if (count === 0) return;
    this.add(this.reactions, at.person, count);
    this.add(this.weekReactions, at.week, count);
    this.activeWeeks[at.person * this.weeks + at.week] = 1;
  }

  visit(at: { person: number; week: number }): void {
    this.activeWeeks[at.person * this.weeks + at.week] = 1;
  }

  isActive(person: number): boolean {
    for (let week = 0; week < this.weeks; week += 1) {
      if (this.activeWeeks[person * this.weeks + week]) return true;
    }
    return false;
  }

  activeIn(week: number): number {
    let active = 0;
    for (let person = 0; person < this.size; person += 1) {
      active += this.activeWeeks[person * this.weeks + week] ?? 0;
    }
    return active;
  }

  /** Every member's contributions in one week, zeros included. */
  weekCounts(week: number): number[] {
    const counts = new Array<number>(this.size);
    for (let person = 0; person < this.size; person += 1) {
      counts[person] = this.weekly[person * this.weeks + week] ?? 0;
    }
    return counts;
  }

  /** The first week in which the person contributed. */
  firstWeek(person: number): number | null {
    for (let week = 0; week < this.weeks; week += 1) {
      if ((this.weekly[person * this.weeks + week] ?? 0) > 0) return week;
    }
    return null;
  }
}

/** A set of counts of people, each withheld when it is about fewer than the minimum. */
function withheld<K extends string>(counts: Record<K, number>, min: number) {
  const shown = {} as Record<K, ReturnType<typeof peopleCount>>;
  for (const key of Object.keys(counts) as K[]) shown[key] = peopleCount(counts[key], min);
  return shown;
}
