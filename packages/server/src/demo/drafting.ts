import { DAY_MS } from '../lib/time';
import type { Member } from './cast';
import type { Kind } from './occasions';
import { type Draft, gaussian, type Plan } from './plan';
import type { Random } from './random';
import type { Writer } from './writing';

/** How far back statuses go. */
export const ACTIVITY_DAYS = 90;

/** How much a kind of status draws reactions, before the author's pull and chance. */
const APPEAL: Record<Kind, number> = {
  update: 1.2,
  question: 0.8,
  learnt: 1.1,
  kudos: 2.2,
  wiki: 1.3,
  conference: 1.4,
  office: 1.3,
  security: 1,
  planning: 0.9,
  launch: 2.6,
  bookclub: 1,
  poll: 1,
  private: 1,
  direct: 0.3,
  welcome: 1.8,
  intro: 2,
};

/** Where the planned history starts. */
export function windowStart(plan: Plan): number {
  return plan.now - ACTIVITY_DAYS * DAY_MS;
}

/** Noise around a kind's appeal, scaled by how much the author is followed and liked. */
export function appealOf(random: Random, kind: Kind, author: Member): number {
  return (
    APPEAL[kind] * (0.7 + Math.min(author.popularity, 12) / 8) * Math.exp(0.6 * gaussian(random))
  );
}

export function draft(
  plan: Plan,
  author: Member,
  at: number,
  kind: Kind,
  write: (w: Writer) => string | { text: string; spoiler?: string },
  extra: Partial<Draft> = {},
): Draft {
  const w = plan.writer(author, at);
  const written = write(w);
  const { text, spoiler } = typeof written === 'string' ? { text: written } : written;
  return plan.post({
    kind,
    author,
    at,
    text,
    visibility: 'public',
    mentioned: w.mentioned,
    appeal: appealOf(plan.random, kind, author),
    ...(spoiler ? { spoiler } : {}),
    ...extra,
  });
}

export function daysAgo(plan: Plan, days: number): number {
  return plan.now - days * DAY_MS;
}
