import { describe, expect, it } from 'vitest';
import {
  busFactor,
  gini,
  LORENZ_STEPS,
  lorenz,
  personaOf,
  quantile,
  segmentOf,
  THRESHOLDS,
  topShare,
} from './stats';

describe('topShare', () => {
  it('takes the first ceil(k% x members) people, most contributions first', () => {
    // 40 members: the top 15% is 6 people, who wrote 17 of 20.
    const counts = [3, 3, 3, 3, 3, 2, 1, 1, 1, ...new Array<number>(31).fill(0)];
    expect(topShare(counts, 15)).toEqual({ share: 0.85, group: 6 });
    expect(topShare(counts, 10)).toEqual({ share: 0.6, group: 4 });
    // ceil(0.4) = 1: the top 1% of 40 is one person.
    expect(topShare(counts, 1)).toEqual({ share: 0.15, group: 1 });
    // The order of the input does not matter.
    expect(topShare([...counts].reverse(), 15)).toEqual({ share: 0.85, group: 6 });
  });

  it('is null when nobody contributed, and 1 when the top wrote everything', () => {
    expect(topShare([0, 0, 0], 15)).toEqual({ share: null, group: 1 });
    expect(topShare([], 15)).toEqual({ share: null, group: 0 });
    expect(topShare([0, 9, 0, 0], 25)).toEqual({ share: 1, group: 1 });
  });
});

describe('gini', () => {
  it('gives a known value', () => {
    // x ascending = 0, 0, 1, 2, 5; n = 5; total 8.
    // sum (2i - n - 1) x_i = 0 + 0 + 0 x 1 + 2 x 2 + 4 x 5 = 24; G = 24 / (5 x 8) = 0.6
    expect(gini([5, 0, 2, 0, 1])).toBe(0.6);
  });

  it('is 0 for equal shares, (n - 1) / n for one person making everything, null for nothing', () => {
    expect(gini([4, 4, 4, 4])).toBe(0);
    expect(gini([0, 0, 0, 7])).toBe(0.75);
    expect(gini([0, 0])).toBeNull();
    expect(gini([])).toBeNull();
  });
});

describe('lorenz', () => {
  it('runs from [0, 0] to [1, 1] through every 5% of members, poorest first', () => {
    const curve = lorenz([0, 0, 0, 4]);
    expect(curve).toHaveLength(LORENZ_STEPS + 1);
    expect(curve[0]).toEqual([0, 0]);
    expect(curve[15]).toEqual([0.75, 0]);
    // 80% of 4 people is 3.2: the three with nothing and a fifth of the one with 4.
    expect(curve[16]).toEqual([0.8, 0.2]);
    expect(curve[20]).toEqual([1, 1]);
  });

  it('is the diagonal for equal shares and for no contributions', () => {
    for (const counts of [
      [2, 2, 2, 2],
      [0, 0, 0],
    ]) {
      for (const [x, y] of lorenz(counts)) expect(y).toBeCloseTo(x, 10);
    }
  });
});

describe('quantile', () => {
  it('interpolates between the closest ranks', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10);
    expect(quantile([1, 2, 3, 4], 0)).toBe(1);
    expect(quantile([1, 2, 3, 4], 1)).toBe(4);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });
});

describe('busFactor', () => {
  it('is the fewest people who made at least half', () => {
    expect(busFactor([5, 1, 1, 1])).toBe(1);
    // Exactly half counts: 4 of 8.
    expect(busFactor([1, 4, 1, 1, 1])).toBe(1);
    // 3 of 10 is short of half; 3 + 3 is enough.
    expect(busFactor([3, 3, 2, 2])).toBe(2);
    expect(busFactor([1, 1, 1, 1])).toBe(2);
    expect(busFactor([])).toBe(0);
    expect(busFactor([0, 0])).toBe(0);
  });
});

describe('segmentOf', () => {
  it('tells inactive members from observers', () => {
    expect(segmentOf({ contributions: 0, active: false }, 12)).toBe('inactive');
    expect(segmentOf({ contributions: 0, active: true }, 12)).toBe('observers');
  });

  it('calls heavy those with one contribution a week on average, and at least three', () => {
    expect(THRESHOLDS.heavy_per_week).toBe(1);
    expect(THRESHOLDS.heavy_minimum).toBe(3);
    // Twelve weeks: 12 is heavy, 11 occasional.
    expect(segmentOf({ contributions: 11, active: true }, 12)).toBe('occasional');
    expect(segmentOf({ contributions: 12, active: true }, 12)).toBe('heavy');
    // A short period: the minimum of three decides.
    expect(segmentOf({ contributions: 2, active: true }, 0.5)).toBe('occasional');
    expect(segmentOf({ contributions: 3, active: true }, 0.5)).toBe('heavy');
    // Two and a half weeks still take the floor of three; three and a half take 3.5.
    expect(segmentOf({ contributions: 3, active: true }, 2.5)).toBe('heavy');
    expect(segmentOf({ contributions: 3, active: true }, 3.5)).toBe('occasional');
  });
});

describe('personaOf', () => {
  const none = {
    posts: 0,
    replies: 0,
    reactionsGiven: 0,
    repliesReceived: 0,
    reactionsReceived: 0,
  };

  it('is observer for someone who wrote nothing, however much they react or receive', () => {
    expect(personaOf(none)).toBe('observer');
    expect(personaOf({ ...none, reactionsGiven: 10, reactionsReceived: 5 })).toBe('observer');
  });

  it('weighs a reaction as half a written act, given or received', () => {
    expect(THRESHOLDS.reaction_weight).toBe(0.5);
    // 1 post, 3 reactions received: 1.5 responses per act given.
    expect(personaOf({ ...none, posts: 1, reactionsReceived: 3 })).toBe('catalyst');
    expect(personaOf({ ...none, posts: 1, reactionsReceived: 2 })).toBe('engager');
    // 1 post, 2 replies and 2 reactions given: 3 of 4 acts respond to others.
    expect(personaOf({ ...none, posts: 1, replies: 2, reactionsGiven: 2 })).toBe('responder');
    expect(personaOf({ ...none, posts: 1, replies: 2, reactionsGiven: 1 })).toBe('broadcaster');
  });

  it('is catalyst from one and a half responses per act given, having posted', () => {
    expect(THRESHOLDS.catalyst_ratio).toBe(1.5);
    expect(personaOf({ ...none, posts: 2, repliesReceived: 3 })).toBe('catalyst');
    expect(personaOf({ ...none, posts: 2, repliesReceived: 2, reactionsReceived: 1 })).toBe(
      'engager',
    );
    // Without a post of their own, much response still makes a responder.
    expect(personaOf({ ...none, replies: 1, repliesReceived: 5 })).toBe('responder');
  });

  it('is responder from 75% of what they give being replies and reactions', () => {
    expect(THRESHOLDS.responder_share).toBe(0.75);
    expect(personaOf({ ...none, posts: 1, replies: 3 })).toBe('responder');
    expect(personaOf({ ...none, posts: 1, replies: 2 })).toBe('broadcaster');
  });

  it('is broadcaster below half a response per act given, engager from half', () => {
    expect(THRESHOLDS.broadcaster_ratio).toBe(0.5);
    expect(personaOf({ ...none, posts: 3, repliesReceived: 1 })).toBe('broadcaster');
    expect(personaOf({ ...none, posts: 2, repliesReceived: 1 })).toBe('engager');
    expect(personaOf({ ...none, posts: 2, reactionsReceived: 1 })).toBe('broadcaster');
    expect(personaOf({ ...none, posts: 4 })).toBe('broadcaster');
  });
});
