import { HOME_FEED_LENGTH } from '../packages/server/src/features/statuses/statuses.queries';
import { BOOST, DIRECT, REPLY, type SocialModel } from './social-model';

/**
 * What fan-out on write (statuses.queries.ts `homeRecipients`, reactions.service.ts
 * `reblog`) and follow backfill leave in each home feed, trimmed to the newest
 * HOME_FEED_LENGTH: the author; followers, except that a reply to someone else reaches
 * only followers who also follow that person; a direct status only the people it mentions;
 * a boost only followers who did not already get the original.
 */
export function buildFeeds(
  n: number,
  s: SocialModel['s'],
  followerStart: Int32Array,
  followerList: Int32Array,
  followsTarget: (a: number, t: number) => boolean,
): { feed: Int32Array; feedSize: Int32Array } {
  const length = HOME_FEED_LENGTH;
  const feed = new Int32Array(n * length);
  const pushed = new Int32Array(n);
  const push = (a: number, i: number) => {
    const p = pushed[a] as number;
    feed[a * length + (p % length)] = i;
    pushed[a] = p + 1;
  };
  // Whether follower f gets status i (not a boost) through following its author.
  const reaches = (f: number, i: number) => {
    if (s.kind[i] !== REPLY) return true;
    const to = s.author[s.parent[i] as number] as number;
    return to === s.author[i] || f === to || followsTarget(f, to);
  };
  for (let i = 0; i < s.count; i++) {
    const a = s.author[i] as number;
    push(a, i);
    const from = followerStart[a] as number;
    const to = followerStart[a + 1] as number;
    if (s.visibility[i] === DIRECT) {
      for (let m = s.mentionStart[i] as number; m < (s.mentionStart[i + 1] as number); m++) {
        push(s.mentions[m] as number, i);
      }
    } else if (s.kind[i] === BOOST) {
      const original = s.parent[i] as number;
      const originalAuthor = s.author[original] as number;
      for (let j = from; j < to; j++) {
        const f = followerList[j] as number;
        const had =
          f === originalAuthor || (followsTarget(f, originalAuthor) && reaches(f, original));
        if (!had) push(f, i);
      }
    } else if (s.kind[i] === REPLY && s.author[s.parent[i] as number] !== a) {
      for (let j = from; j < to; j++) {
        const f = followerList[j] as number;
        if (reaches(f, i)) push(f, i);
      }
    } else {
      for (let j = from; j < to; j++) push(followerList[j] as number, i);
    }
  }
  const feedSize = pushed.map((p) => Math.min(p, length));
  return { feed, feedSize };
}
