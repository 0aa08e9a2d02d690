import { DAY_MS } from '../lib/time';
import { type Member, weightedSample } from './cast';
import { HOUR_MS, MINUTE_MS, reactionDelay } from './clock';
import type { Plan } from './plan';
import type { Random } from './random';

/** The demo's main character follows this many colleagues. */
const ANA_FOLLOWS = 40;

/**
 * Each person follows 15 to 60 colleagues, mostly in their own department, with leaders
 * and communicators followed by many; some follow back. Most follows happen in the first
 * days after joining (onboarding suggests people), the rest over time.
 */
export function planFollows(plan: Plan, ana: Member) {
  const { random, members, now } = plan;
  // Ana is a product manager everyone works with at some point: widely followed.
  ana.popularity = Math.max(ana.popularity, 9);
  const wanted = new Map<Member, number>();
  for (const person of members) {
    if (person.segment === 'dormant') continue;
    const count =
      person === ana
        ? ANA_FOLLOWS
        : person.segment === 'heavy'
          ? random.int(30, 55)
          : person.segment === 'occasional'
            ? random.int(18, 40)
            : random.int(12, 30);
    wanted.set(person, count);
    const chosen = weightedSample(
      random,
      members.filter((m) => m !== person),
      count,
      (m) => {
        const base =
          m.popularity * (m.department === person.department ? 6 : 1) * (m.writes > 0 ? 1.5 : 0.6);
        if (person !== ana) return base;
        // Ana follows the people she works with: product, design and engineering, and writers.
        const near = { Product: 3, Design: 2, Engineering: 1.5 }[m.department] ?? 0.6;
        return base * near * (m.writes > 0 ? 3 : 0.3);
      },
    );
    for (const target of chosen) {
      plan.follow(person, target, followMoment(random, person, target, now));
    }
  }
  // Some follow back, as long as that keeps them within about 60 people followed.
  const following = new Map<Member, number>([...wanted].map(([m, n]) => [m, Math.min(n, 60)]));
  for (const action of [...plan.actions]) {
    if (action.type !== 'follow') continue;
    const { from, to } = action;
    const count = following.get(to) ?? 60;
    if (to.segment === 'dormant' || to === ana || count >= 60) continue;
    if (random.chance(from.department === to.department ? 0.45 : 0.2)) {
      const at = Math.min(now - MINUTE_MS, action.at + reactionDelay(random, 4));
      if (plan.follow(to, from, at)) following.set(to, count + 1);
    }
  }
  // A few people found Ana in the last days: fresh follow notifications for her.
  const newFollowers = members
    .filter((m) => m !== ana && m.segment !== 'dormant' && plan.followedAt(m, ana) === undefined)
    .sort((a, b) => b.joinedAt - a.joinedAt)
    .slice(0, 4);
  for (const follower of newFollowers) {
    const at = now - random.int(2 * HOUR_MS, 60 * HOUR_MS);
    plan.follow(follower, ana, Math.max(at, follower.joinedAt + 10 * MINUTE_MS));
  }
}

function followMoment(random: Random, a: Member, b: Member, now: number): number {
  const since = Math.max(a.joinedAt, b.joinedAt);
  const latest = now - 5 * MINUTE_MS;
  const onboarding = Math.min(
    since + random.int(10 * MINUTE_MS, 3 * DAY_MS),
    since + (latest - since) * 0.8,
  );
  if (random.chance(0.65)) return onboarding;
  return onboarding + Math.floor(random.next() * (latest - onboarding));
}
