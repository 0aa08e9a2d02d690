import type { Role } from '@rapport/schema';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { zoneOf } from './clock';
import { DEPARTMENTS } from './organisation';
import type { Random } from './random';

/**
 * How much someone takes part, after the usual participation inequality: a small group
 * writes most of what is posted, many only read and react, and a few never do anything.
 */
export type Segment = 'heavy' | 'occasional' | 'reader' | 'dormant';

/** A colleague as the activity generator sees them. */
export interface Member {
  id: number;
  username: string;
  displayName: string;
  firstName: string;
  role: Role;
  department: string;
  title: string;
  skills: string[];
  location: string;
  zone: string;
  joinedAt: number;
  segment: Segment;
  /** Share of everything written in the organisation (0 for readers and dormant people). */
  writes: number;
  /** How readily they favourite, boost and vote (0 to 1). */
  reacts: number;
  /** How many people want to follow them (leaders and communicators most). */
  popularity: number;
  lead: boolean;
  communicator: boolean;
}

/** Share of the organisation in each segment, and of all statuses the writing segments write. */
export const SEGMENTS = {
  heavy: { people: 0.15, statuses: 0.9 },
  occasional: { people: 0.3, statuses: 0.1 },
  dormant: { people: 0.16 },
} as const;

/**
 * The department that keeps to itself, so the silos view has one to show: its people
 * react and reply almost only to each other, and others rarely to them.
 */
export const SILOED_DEPARTMENT = 'Engineering';

/**
 * How much likelier a colleague is to respond to an author: `same` times for the same
 * department, almost never across the siloed department's border, else once.
 */
export function departmentAffinity(
  m: { department: string },
  author: { department: string },
  same: number,
): number {
  if (m.department === author.department) return same;
  if (m.department === SILOED_DEPARTMENT || author.department === SILOED_DEPARTMENT) return 0.01;
  return 1;
}

const LEAD_TITLES = new Set(DEPARTMENTS.flatMap((department) => department.leads));
const COMMUNICATOR_DEPARTMENTS = new Set(['Marketing', 'People & Culture']);

/**
 * Members and admins who can take part (guests only see their communities, suspended
 * people nothing), each given a segment. Leaders and communicators are likelier to be
 * heavy contributors; `heavyRanks` places a few people (the demo's own characters) among
 * the heavy ones at a given rank.
 */
export function castMembers(
  random: Random,
  accounts: AccountRow[],
  heavyRanks: Map<string, number>,
): Member[] {
  const members = accounts
    .filter((account) => account.role !== 'guest' && account.suspended === 0)
    .map((account): Member => {
      const lead = LEAD_TITLES.has(account.title);
      const communicator =
        COMMUNICATOR_DEPARTMENTS.has(account.department) ||
        /Events|Content|Learning|Writer/.test(account.title);
      return {
        id: account.id,
        username: account.username,
        displayName: account.display_name,
        firstName: account.display_name.split(' ')[0] ?? account.display_name,
        role: account.role,
        department: account.department,
        title: account.title,
        skills: JSON.parse(account.skills) as string[],
        location: account.location,
        zone: zoneOf(account.location),
        joinedAt: account.created_at,
        segment: 'reader',
        writes: 0,
        reacts: 0,
        popularity: 1,
        lead,
        communicator,
      };
    });

  // Rank everyone for "how much do they write": leaders and communicators first more often.
  const scored = members
    .filter((member) => !heavyRanks.has(member.username))
    .map((member) => ({
      member,
      score: random.next() * (member.lead ? 2.2 : 1) * (member.communicator ? 1.7 : 1),
    }))
    .sort((a, b) => b.score - a.score)
    .map((entry) => entry.member);
  const heavyCount = Math.round(members.length * SEGMENTS.heavy.people);
  const occasionalCount = Math.round(members.length * SEGMENTS.occasional.people);
  const dormantCount = Math.round(members.length * SEGMENTS.dormant.people);
  const heavy = scored.slice(0, heavyCount - heavyRanks.size);
  for (const [username, rank] of [...heavyRanks].sort((a, b) => a[1] - b[1])) {
    const member = members.find((m) => m.username === username);
    if (member) heavy.splice(Math.min(rank, heavy.length), 0, member);
  }
  const rest = scored.slice(heavyCount - heavyRanks.size);
  const occasional = rest.slice(0, occasionalCount);
  const others = random.sample(rest.slice(occasionalCount), rest.length - occasionalCount);
  const dormant = new Set(others.slice(0, dormantCount));

  // Within the heavy group writing is itself skewed (Zipf, exponent 0.7): the most prolific
  // few write several times what the least prolific heavy contributors do.
  const zipf = heavy.map((_, rank) => 1 / (rank + 1) ** 0.7);
  const zipfTotal = zipf.reduce((sum, weight) => sum + weight, 0);
  heavy.forEach((member, rank) => {
    member.segment = 'heavy';
    member.writes = (SEGMENTS.heavy.statuses * (zipf[rank] ?? 0)) / zipfTotal;
    member.reacts = 0.7 + random.next() * 0.3;
  });
  const occasionalWeights = occasional.map(() => 0.4 + random.next() * 1.2);
  const occasionalTotal = occasionalWeights.reduce((sum, weight) => sum + weight, 0);
  occasional.forEach((member, index) => {
    member.segment = 'occasional';
    member.writes =
      (SEGMENTS.occasional.statuses * (occasionalWeights[index] ?? 0)) / occasionalTotal;
    member.reacts = 0.4 + random.next() * 0.5;
  });
  for (const member of others) {
    if (dormant.has(member)) {
      member.segment = 'dormant';
    } else {
      // Readers: some favourite nearly everything they read, most now and then.
      member.reacts = random.chance(0.2) ? 0.8 + random.next() * 0.2 : 0.2 + random.next() * 0.5;
    }
  }
  for (const member of members) {
    member.popularity =
      (member.lead ? 5 : 1) *
      (member.communicator ? 2.5 : 1) *
      (member.role === 'admin' ? 3 : 1) *
      (member.segment === 'heavy' ? 1.8 : 1) *
      (0.6 + random.next() * 0.8);
  }
  return members;
}

/** Picks one item with probability proportional to its weight (undefined when all are 0). */
export function weightedPick<T>(
  random: Random,
  items: readonly T[],
  weight: (item: T) => number,
): T | undefined {
  let total = 0;
  const weights = items.map((item) => {
    const w = Math.max(0, weight(item));
    total += w;
    return w;
  });
  if (total <= 0) return undefined;
  let left = random.next() * total;
  for (let i = 0; i < items.length; i++) {
    left -= weights[i] ?? 0;
    if (left < 0) return items[i];
  }
  return items.at(-1);
}

/** `count` distinct items, each draw proportional to weight (Efraimidis-Spirakis keys). */
export function weightedSample<T>(
  random: Random,
  items: readonly T[],
  count: number,
  weight: (item: T) => number,
): T[] {
  return items
    .map((item) => ({ item, w: weight(item) }))
    .filter((entry) => entry.w > 0)
    .map((entry) => ({ item: entry.item, key: random.next() ** (1 / entry.w) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map((entry) => entry.item);
}
