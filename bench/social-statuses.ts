import { idAt } from '../packages/server/src/db/ids';
import type { Random } from '../packages/server/src/demo/random';
import { DAY_MS } from '../packages/server/src/lib/time';
import {
  BOOST,
  DIRECT,
  HOUR_MS,
  type ModelOptions,
  PRIVATE,
  PUBLIC,
  REPLY,
  type SocialModel,
  UNLISTED,
} from './social-model';
import { AliasSampler, zipfWeights } from './vocabulary';

/** Who posted what when in the bench organisation's history (see social-model.ts). */

/**
 * Office rhythm: most statuses on weekday working hours, some evenings, few nights and
 * weekends. Hours count from the start of the history, not the clock, so the same seed
 * gives the same history whenever it runs.
 */
function acceptTime(sinceStart: number, random: Random): boolean {
  const hour = Math.floor(sinceStart / HOUR_MS) % 24;
  const day = Math.floor(sinceStart / DAY_MS) % 7;
  const weekend = day === 5 || day === 6;
  const rate =
    (hour >= 8 && hour < 18 ? 1 : hour >= 18 && hour < 23 ? 0.3 : 0.08) * (weekend ? 0.15 : 1);
  return random.next() < rate;
}

export const TAG_COUNT = 600;

export function buildStatuses(
  options: ModelOptions,
  random: Random,
  activity: Float64Array,
  isStale: Uint8Array,
  popular: AliasSampler,
  followersCount: Int32Array,
  start: number,
  end: number,
): SocialModel['s'] {
  const count = options.statuses;
  const authors = new AliasSampler(activity);
  const staleEnd = start + 42 * DAY_MS;
  // Time and author packed in one number so a native numeric sort orders them by time.
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const a = authors.sample(random);
    const until = isStale[a] ? staleEnd : end;
    let at: number;
    do at = Math.floor(start + random.next() * (until - start));
    while (!acceptTime(at - start, random));
    keys[i] = (at - start) * 16384 + a;
  }
  keys.sort();

  const id = new Float64Array(count);
  const author = new Int32Array(count);
  const time = new Float64Array(count);
  const kind = new Uint8Array(count);
  const parent = new Int32Array(count).fill(-1);
  const root = new Int32Array(count);
  const visibility = new Uint8Array(count);
  const spoiler = new Uint8Array(count);
  const replies = new Int32Array(count);
  const reblogs = new Int32Array(count);
  const mentionStart = new Int32Array(count + 1);
  const tagStart = new Int32Array(count + 1);
  const mentions: number[] = [];
  const tags: number[] = [];
  const tagSampler = new AliasSampler(zipfWeights(TAG_COUNT, 1.1));
  const boosted = new Set<number>();

  // Recent statuses people reply to and boost, and recent replies (conversations go on).
  const window = Math.max(100, Math.min(2000, Math.round(count / 500)));
  const recent = new Int32Array(window);
  const recentReplies = new Int32Array(window);
  let recentCount = 0;
  let repliesCount = 0;
  const pickRecent = () =>
    recent[Math.floor(random.next() * Math.min(recentCount, window))] as number;
  const mention = (i: number, a: number) => {
    for (let m = mentionStart[i] as number; m < mentions.length; m++) if (mentions[m] === a) return;
    mentions.push(a);
  };

  let lastId = -1;
  for (let i = 0; i < count; i++) {
    const key = keys[i] as number;
    const a = key % 16384;
    const at = (key - a) / 16384 + start;
    author[i] = a;
    time[i] = at;
    lastId = Math.max(lastId + 1, idAt(at));
    id[i] = lastId;
    root[i] = i;
    mentionStart[i] = mentions.length;
    tagStart[i] = tags.length;

    const roll = random.next();
    if (roll < 0.05 && recentCount > 0) {
      // A boost of a recent public status, preferring the better-known of two authors.
      const x = pickRecent();
      const y = pickRecent();
      const original =
        (followersCount[author[x] as number] as number) >=
        (followersCount[author[y] as number] as number)
          ? x
          : y;
      const pair = original * 16384 + a;
      if (author[original] !== a && !boosted.has(pair)) {
        boosted.add(pair);
        kind[i] = BOOST;
        parent[i] = original;
        root[i] = root[original] as number;
        visibility[i] = PUBLIC;
        (reblogs[original] as number)++;
        continue;
      }
    }
    if (roll < 0.25 && recentCount > 0) {
      const continues = repliesCount > 0 && random.chance(0.5);
      const to = continues
        ? (recentReplies[Math.floor(random.next() * Math.min(repliesCount, window))] as number)
        : pickRecent();
      kind[i] = REPLY;
      parent[i] = to;
      root[i] = root[to] as number;
      visibility[i] = visibility[to] as number;
      (replies[to] as number)++;
      if (author[to] !== a) mention(i, author[to] as number);
      if (random.chance(0.05)) {
        const m = popular.sample(random);
        if (m !== a) mention(i, m);
      }
      recentReplies[repliesCount % window] = i;
      repliesCount++;
    } else {
      const v = random.next();
      visibility[i] = v < 0.88 ? PUBLIC : v < 0.94 ? UNLISTED : v < 0.98 ? PRIVATE : DIRECT;
      const others =
        visibility[i] === DIRECT ? 1 : random.chance(0.08) ? 1 + Math.floor(random.next() * 2) : 0;
      for (let k = 0, tries = 0; k < others && tries < 20; tries++) {
        const m = popular.sample(random);
        if (m === a) continue;
        mention(i, m);
        k++;
      }
      if (visibility[i] === DIRECT && mentions.length === mentionStart[i]) visibility[i] = PRIVATE;
      spoiler[i] = random.chance(0.02) ? 1 : 0;
    }
    if (random.chance(0.15)) {
      const first = tagSampler.sample(random);
      tags.push(first);
      if (random.chance(0.3)) {
        const second = tagSampler.sample(random);
        if (second !== first) tags.push(second);
      }
    }
    if (visibility[i] === PUBLIC || visibility[i] === UNLISTED) {
      recent[recentCount % window] = i;
      recentCount++;
    }
  }
  mentionStart[count] = mentions.length;
  tagStart[count] = tags.length;
  return {
    count,
    id,
    author,
    time,
    kind,
    parent,
    root,
    visibility,
    spoiler,
    replies,
    reblogs,
    favourites: new Int32Array(count),
    mentionStart,
    mentions: Int32Array.from(mentions),
    tagStart,
    tags: Int32Array.from(tags),
  };
}
