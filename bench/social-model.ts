import { idAt } from '../packages/server/src/db/ids';
import { Random } from '../packages/server/src/demo/random';
import { DAY_MS } from '../packages/server/src/lib/time';
import { buildFeeds } from './home-feeds';
import { buildStatuses, TAG_COUNT } from './social-statuses';
import { AliasSampler } from './vocabulary';

/**
 * The social history of the bench organisation, built in memory (typed arrays, indexes
 * into the account list) before it is written: who follows whom, who posted what when,
 * replies, boosts, mentions, tags, favourites, and the home feeds that fan-out on write
 * and follow backfill would have left. Everything is drawn from one seeded generator.
 */

export const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'] as const;
export const PUBLIC = 0;
export const UNLISTED = 1;
export const PRIVATE = 2;
export const DIRECT = 3;

export const ORIGINAL = 0;
export const REPLY = 1;
export const BOOST = 2;

export interface ModelAccount {
  id: number;
  createdAt: number;
}

export interface ModelOptions {
  statuses: number;
  /** Statuses are spread over this many days before `now`. */
  days: number;
  now: number;
  seed: number;
  /** Index of the account that follows 2,000 others (fewer in small organisations). */
  wideViewer: number;
  wideFollows: number;
  /** Index of the account that follows only people who stopped posting months ago. */
  staleViewer: number;
}

export interface SocialModel {
  accounts: ModelAccount[];
  follows: { follower: Int32Array; target: Int32Array; createdAt: Float64Array; count: number };
  followersCount: Int32Array;
  followingCount: Int32Array;
  statusesCount: Int32Array;
  lastStatusAt: Float64Array;
  /** Per status, in id (= time) order. */
  s: {
    count: number;
    id: Float64Array;
    author: Int32Array;
    time: Float64Array;
    kind: Uint8Array;
    /** Status index replied to or boosted, or -1. */
    parent: Int32Array;
    /** Index of the thread's root (itself for a root). */
    root: Int32Array;
    visibility: Uint8Array;
    spoiler: Uint8Array;
    replies: Int32Array;
    reblogs: Int32Array;
    favourites: Int32Array;
    mentionStart: Int32Array;
    mentions: Int32Array;
    tagStart: Int32Array;
    tags: Int32Array;
  };
  favourites: { status: Int32Array; account: Int32Array; time: Float64Array; count: number };
  /** Home feed of account a: statuses feed[a * HOME_FEED_LENGTH ...], `feedSize[a]` of them, any order. */
  feed: Int32Array;
  feedSize: Int32Array;
  /** Accounts whose last status is months old (what the stale viewer follows). */
  stale: number[];
  tagCount: number;
}

export const HOUR_MS = 60 * 60 * 1000;

/** Snowflake ids for past times (as db/ids.ts `idFor`), unique within one minter. */
export class IdMinter {
  private readonly used = new Set<number>();

  mint(at: number): number {
    let id = idAt(Math.floor(at));
    while (this.used.has(id)) id++;
    this.used.add(id);
    return id;
  }
}

/** Normal draw (Box-Muller). */
function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

export function buildSocialModel(accounts: ModelAccount[], options: ModelOptions): SocialModel {
  const random = new Random(options.seed);
  const n = accounts.length;
  if (n >= 16384) throw new Error('the bench model packs account indexes in 14 bits');
  const end = options.now - HOUR_MS;
  const start = end - options.days * DAY_MS;

  // Who posts: a random order of accounts; a fifth never post. Weights 1 / (rank + n/100)^1.5
  // make about 15% of the accounts write about 85% of the statuses.
  const order = random.sample(
    accounts.map((_, i) => i),
    n,
  );
  const activityRank = new Int32Array(n);
  order.forEach((account, rank) => {
    activityRank[account] = rank;
  });
  const posters = Math.round(n * 0.8);
  const activity = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const rank = activityRank[a] as number;
    if (rank < posters) activity[a] = 1 / (rank + n / 100) ** 1.5;
  }
  activity[options.wideViewer] = 0;
  activity[options.staleViewer] = 0;

  // Accounts that stopped posting months ago: moderate posters, active only in the first six weeks.
  const isStale = new Uint8Array(n);
  const stale: number[] = [];
  const staleCount = Math.max(10, Math.round(n * 0.015));
  for (const a of order.slice(Math.round(n * 0.02), Math.round(n * 0.5))) {
    if (stale.length >= staleCount) break;
    if ((activity[a] as number) > 0 && random.chance(0.1)) {
      isStale[a] = 1;
      stale.push(a);
    }
  }

  // Who is followed: popularity follows activity loosely (log rank plus noise), with weights
  // 1 / (rank + 0.006 n)^0.9, so the best-known people have thousands of followers.
  const popularityKey = accounts.map(
    (_, a) => Math.log((activityRank[a] as number) + 1) + 1.2 * gaussian(random),
  );
  const byPopularity = accounts
    .map((_, a) => a)
    .sort((x, y) => (popularityKey[x] as number) - (popularityKey[y] as number));
  const popularityWeight = new Float64Array(n);
  byPopularity.forEach((a, rank) => {
    popularityWeight[a] = 1 / (rank + 0.006 * n) ** 0.9;
  });
  const popular = new AliasSampler(popularityWeight);

  const follows = buildFollows(accounts, options, random, popular, stale, start);
  const followingCount = new Int32Array(n);
  const followersCount = new Int32Array(n);
  const bits = new Uint32Array(Math.ceil((n * n) / 32));
  for (let f = 0; f < follows.count; f++) {
    const a = follows.follower[f] as number;
    const t = follows.target[f] as number;
    (followingCount[a] as number)++;
    (followersCount[t] as number)++;
    const bit = a * n + t;
    bits[bit >>> 5] = (bits[bit >>> 5] as number) | (1 << (bit & 31));
  }
  const followsTarget = (a: number, t: number) => {
    const bit = a * n + t;
    return ((bits[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
  };
  // Followers of each account, contiguous (compressed sparse rows).
  const followerStart = new Int32Array(n + 1);
  for (let a = 0; a < n; a++)
    followerStart[a + 1] = (followerStart[a] as number) + (followersCount[a] as number);
  const followerList = new Int32Array(follows.count);
  const fill = followerStart.slice(0, n);
  for (let f = 0; f < follows.count; f++) {
    const t = follows.target[f] as number;
    followerList[fill[t] as number] = follows.follower[f] as number;
    fill[t] = (fill[t] as number) + 1;
  }

  const s = buildStatuses(options, random, activity, isStale, popular, followersCount, start, end);
  const favourites = buildFavourites(s, random, followersCount, followerStart, followerList, end);

  const statusesCount = new Int32Array(n);
  const lastStatusAt = new Float64Array(n);
  for (let i = 0; i < s.count; i++) {
    const a = s.author[i] as number;
    (statusesCount[a] as number)++;
    lastStatusAt[a] = s.time[i] as number;
  }

  const { feed, feedSize } = buildFeeds(n, s, followerStart, followerList, followsTarget);
  return {
    accounts,
    follows,
    followersCount,
    followingCount,
    statusesCount,
    lastStatusAt,
    s,
    favourites,
    feed,
    feedSize,
    stale,
    tagCount: TAG_COUNT,
  };
}

function buildFollows(
  accounts: ModelAccount[],
  options: ModelOptions,
  random: Random,
  popular: AliasSampler,
  stale: number[],
  start: number,
): SocialModel['follows'] {
  const n = accounts.length;
  const capacity = n * 400 + options.wideFollows + stale.length;
  const follower = new Int32Array(capacity);
  const target = new Int32Array(capacity);
  const createdAt = new Float64Array(capacity);
  const mark = new Int32Array(n).fill(-1);
  let count = 0;
  const add = (a: number, t: number) => {
    follower[count] = a;
    target[count] = t;
    const from = Math.max(accounts[a]?.createdAt ?? 0, accounts[t]?.createdAt ?? 0);
    // Before the statuses begin, so every feed holds what fan-out and backfill would put there.
    createdAt[count] = from + random.next() * Math.max(0, start - DAY_MS - from);
    count++;
  };
  for (let a = 0; a < n; a++) {
    if (a === options.staleViewer) {
      for (const t of stale) add(a, t);
      continue;
    }
    // About 150 each: log-normal around 125, between 10 and 380.
    const wanted =
      a === options.wideViewer
        ? options.wideFollows
        : Math.min(380, Math.max(10, Math.round(125 * Math.exp(0.6 * gaussian(random)))));
    const k = Math.min(wanted, n - 1);
    let made = 0;
    for (let attempts = 0; made < k && attempts < k * 50; attempts++) {
      const t = popular.sample(random);
      if (t === a || mark[t] === a) continue;
      mark[t] = a;
      add(a, t);
      made++;
    }
  }
  return {
    follower: follower.subarray(0, count),
    target: target.subarray(0, count),
    createdAt: createdAt.subarray(0, count),
    count,
  };
}

/** A few favourites, from the author's followers, more for better-known authors. */
function buildFavourites(
  s: SocialModel['s'],
  random: Random,
  followersCount: Int32Array,
  followerStart: Int32Array,
  followerList: Int32Array,
  end: number,
): SocialModel['favourites'] {
  let mean = 0;
  for (let a = 0; a < followersCount.length; a++) mean += followersCount[a] as number;
  mean /= followersCount.length;
  const status: number[] = [];
  const account: number[] = [];
  const time: number[] = [];
  const chosen = new Set<number>();
  for (let i = 0; i < s.count; i++) {
    if (s.kind[i] === BOOST || s.visibility[i] === DIRECT) continue;
    const a = s.author[i] as number;
    const followers = followersCount[a] as number;
    if (followers === 0) continue;
    const expected = 0.25 * Math.min(4, (followers + 10) / (mean + 10));
    // Poisson draw by inversion (small means).
    let k = 0;
    for (let p = Math.exp(-expected), u = random.next(), sum = p; u > sum && k < 30; ) {
      k++;
      p *= expected / k;
      sum += p;
    }
    chosen.clear();
    const from = followerStart[a] as number;
    for (let j = 0; j < k && j < followers; j++) {
      const f = followerList[from + Math.floor(random.next() * followers)] as number;
      if (chosen.has(f)) continue;
      chosen.add(f);
      status.push(i);
      account.push(f);
      time.push(Math.min(end, (s.time[i] as number) + -Math.log(1 - random.next()) * 3 * HOUR_MS));
      (s.favourites[i] as number)++;
    }
  }
  return {
    status: Int32Array.from(status),
    account: Int32Array.from(account),
    time: Float64Array.from(time),
    count: status.length,
  };
}
