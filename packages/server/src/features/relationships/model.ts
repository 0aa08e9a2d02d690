import type { RelationshipStage } from '@rapport/schema';
import type { InteractionKind } from '../../db/tables/communities.table';

/**
 * The relationship model of DESIGN.md section 3, as pure functions over tallies (the ledger
 * summed per direction, kind and context). Nothing here reads the database or the clock:
 * the same tallies always give the same stage, which the scenario tests rely on.
 */

export const DAY_MS = 86_400_000;
/** Strength halves every 90 days without new acts. */
export const HALF_LIFE_DAYS = 90;
/** Scores are stored relative to this instant so they never need rewriting as time passes. */
const SCORE_EPOCH = Date.UTC(2020, 0, 1);

/**
 * How much one act says about a relationship. Reactions (a favourite, a boost, a vote on
 * an answer) cost one click and weigh least; co-presence (the same small community or
 * event) says people met; addressing someone (a reply, a mention, a message) is an
 * exchange; answering a question, having an answer accepted, an accepted introduction and
 * co-authoring a page are joint work and weigh most.
 */
export const WEIGHTS: Record<InteractionKind, number> = {
  favourite: 1,
  answer_vote: 1,
  boost: 1.5,
  same_community: 2,
  mention: 3,
  reply: 3,
  direct: 3,
  same_event: 4,
  answer: 4,
  introduction: 5,
  accepted_answer: 6,
  co_authored: 6,
};

/**
 * Bump whenever WEIGHTS or the stage rules change: a server that starts with another stored
 * version recomputes every relationship in a worker thread (recompute.ts) and then stores it.
 */
export const MODEL_VERSION = 1;

/** Acts in which one person addressed the other: the basis of a reciprocated exchange. */
const ADDRESSING = new Set<InteractionKind>(['reply', 'mention', 'direct', 'answer']);
/** Acts that are an exchange or joint work, not a reaction or mere co-presence. */
const SUBSTANTIVE = new Set<InteractionKind>([
  'reply',
  'mention',
  'direct',
  'answer',
  'accepted_answer',
  'co_authored',
  'introduction',
]);
/** Being in the same place or working on the same thing: recorded one way, true both ways. */
export const CO_PRESENCE = new Set<InteractionKind>([
  'same_event',
  'same_community',
  'co_authored',
]);
/** A joint initiative: a co-authored page or file, a small event, a small working community. */
const JOINT = new Set<InteractionKind>(['co_authored', 'same_event', 'same_community']);

/** The channel an act went through, for "across two or more channels". */
const CHANNEL: Partial<Record<InteractionKind, string>> = {
  reply: 'posts',
  mention: 'posts',
  direct: 'messages',
  answer: 'questions',
  accepted_answer: 'questions',
  co_authored: 'pages',
  introduction: 'introductions',
};

/** Reciprocated exchanges in 2+ contexts over this span are a joint initiative. */
const SUSTAINED_DAYS = 14;
/** Reciprocated substantive exchanges over this span, in 2+ channels, are trust. */
const TRUST_DAYS = 90;

/**
 * After this long without a substantive exchange a relationship is dormant; after twice
 * as long it shows one stage lower (never below encounter; declared stages never drop).
 */
export const HORIZON_DAYS: Record<Exclude<RelationshipStage, 'none'>, number> = {
  encounter: 60,
  recognition: 90,
  collaboration: 120,
  trusted: 180,
  close: 365,
};

export const STAGES: RelationshipStage[] = [
  'none',
  'encounter',
  'recognition',
  'collaboration',
  'trusted',
  'close',
];

export interface Tally {
  actor_id: number;
  target_id: number;
  kind: InteractionKind;
  context: string;
  count: number;
  first_at: number;
  last_at: number;
  score: number;
}

export interface Marks {
  ownerTrusted: boolean;
  otherTrusted: boolean;
  ownerClose: boolean;
  otherClose: boolean;
}

/** What the pair's tallies add up to; the same for both people. */
export interface PairSummary {
  stage: RelationshipStage;
  declared: boolean;
  score: number;
  reciprocated: boolean;
  firstInteractionAt: number | null;
  lastInteractionAt: number | null;
  lastSubstantiveAt: number | null;
}

/** One act's contribution to a stored score. */
export function scoreOf(kind: InteractionKind, at: number): number {
  return WEIGHTS[kind] * 2 ** ((at - SCORE_EPOCH) / DAY_MS / HALF_LIFE_DAYS);
}

/** A stored score as strength at `now`: each act's weight halved every 90 days since. */
export function strengthAt(score: number, now: number): number {
  const strength = score * 2 ** (-(now - SCORE_EPOCH) / DAY_MS / HALF_LIFE_DAYS);
  return Math.round(strength * 100) / 100;
}

export function isSubstantive(kind: InteractionKind): boolean {
  return SUBSTANTIVE.has(kind);
}

function spanDays(tallies: Tally[]): number {
  if (tallies.length === 0) return 0;
  const first = Math.min(...tallies.map((t) => t.first_at));
  const last = Math.max(...tallies.map((t) => t.last_at));
  return (last - first) / DAY_MS;
}

/**
 * The stage from the tallies between owner and other (both directions) and both marks.
 * Rules (each tested in relationships.scenarios.test.ts):
 * - encounter: any act, in one direction only, or only co-presence;
 * - recognition: each addressed the other (reply, mention, message or answer), or an
 *   accepted answer, or an accepted introduction;
 * - collaboration: recognition and a joint initiative, or reciprocated exchanges in two or
 *   more contexts spanning 14 days or more;
 * - trusted: recognition and substantive acts both ways spanning 90 days or more in two or
 *   more channels, or both marked trusted;
 * - close: both marked close, never inferred.
 */
export function summarisePair(ownerId: number, tallies: Tally[], marks: Marks): PairSummary {
  const outgoing = tallies.filter((t) => t.actor_id === ownerId);
  const incoming = tallies.filter((t) => t.actor_id !== ownerId);
  const addressedOut = outgoing.filter((t) => ADDRESSING.has(t.kind));
  const addressedIn = incoming.filter((t) => ADDRESSING.has(t.kind));
  const recognition =
    (addressedOut.length > 0 && addressedIn.length > 0) ||
    tallies.some((t) => t.kind === 'accepted_answer' || t.kind === 'introduction');

  const sharedContexts = new Set(
    addressedOut.map((t) => t.context).filter((c) => addressedIn.some((i) => i.context === c)),
  );
  const sustained =
    sharedContexts.size >= 2 &&
    spanDays([...addressedOut, ...addressedIn].filter((t) => sharedContexts.has(t.context))) >=
      SUSTAINED_DAYS;
  // An event is joint work only when small: large ones are recorded as `crowd:` contexts.
  const joint =
    sustained || tallies.some((t) => JOINT.has(t.kind) && !t.context.startsWith('crowd:'));

  const substantive = tallies.filter((t) => SUBSTANTIVE.has(t.kind));
  const channels = new Set(substantive.map((t) => CHANNEL[t.kind]));
  const trusted =
    recognition &&
    substantive.some((t) => t.actor_id === ownerId) &&
    substantive.some((t) => t.actor_id !== ownerId) &&
    channels.size >= 2 &&
    spanDays(substantive) >= TRUST_DAYS;

  const bothClose = marks.ownerClose && marks.otherClose;
  const bothTrusted = marks.ownerTrusted && marks.otherTrusted;
  let stage: RelationshipStage = 'none';
  if (bothClose) stage = 'close';
  else if (bothTrusted || trusted) stage = 'trusted';
  else if (recognition && joint) stage = 'collaboration';
  else if (recognition) stage = 'recognition';
  else if (tallies.length > 0) stage = 'encounter';

  const directed = (list: Tally[]) => list.some((t) => !CO_PRESENCE.has(t.kind));
  const latest = (list: Tally[]) =>
    list.length === 0 ? null : Math.max(...list.map((t) => t.last_at));
  return {
    stage,
    declared: bothClose || (bothTrusted && !trusted),
    score: tallies.reduce((sum, t) => sum + t.score, 0),
    reciprocated: directed(outgoing) && directed(incoming),
    firstInteractionAt: tallies.length === 0 ? null : Math.min(...tallies.map((t) => t.first_at)),
    lastInteractionAt: latest(tallies),
    lastSubstantiveAt: latest(substantive),
  };
}

export interface Standing {
  /** The stage to show: one lower after twice the horizon of silence. */
  stage: RelationshipStage;
  dormant: boolean;
}

/** Where a stored stage stands at `now`, given the last substantive exchange. */
export function standingAt(
  stored: RelationshipStage,
  declared: boolean,
  lastSubstantiveAt: number | null,
  now: number,
): Standing {
  if (stored === 'none' || lastSubstantiveAt === null) return { stage: stored, dormant: false };
  const silentDays = (now - lastSubstantiveAt) / DAY_MS;
  const horizon = HORIZON_DAYS[stored];
  const dormant = silentDays > horizon;
  const drops = dormant && !declared && stored !== 'encounter' && silentDays > 2 * horizon;
  return { stage: drops ? lowerStage(stored) : stored, dormant };
}

export function lowerStage(stage: RelationshipStage): RelationshipStage {
  return STAGES[Math.max(1, STAGES.indexOf(stage) - 1)] as RelationshipStage;
}

export function stageAtLeast(stage: RelationshipStage, floor: RelationshipStage): boolean {
  return STAGES.indexOf(stage) >= STAGES.indexOf(floor);
}
