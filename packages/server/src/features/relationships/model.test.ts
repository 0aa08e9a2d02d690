import { describe, expect, it } from 'vitest';
import type { InteractionKind } from '../../db/tables/communities.table';
import {
  DAY_MS,
  HALF_LIFE_DAYS,
  HORIZON_DAYS,
  isSubstantive,
  lowerStage,
  type Marks,
  scoreOf,
  stageAtLeast,
  standingAt,
  strengthAt,
  summarisePair,
  type Tally,
  WEIGHTS,
} from './model';

/** The pure model on hand-made tallies: owner 1, other 2. */

const NOW = Date.UTC(2026, 5, 1);
const NO_MARKS: Marks = {
  ownerTrusted: false,
  otherTrusted: false,
  ownerClose: false,
  otherClose: false,
};

function tally(
  actor: 1 | 2,
  kind: InteractionKind,
  daysAgo: number,
  context = 'timeline',
  lastDaysAgo = daysAgo,
): Tally {
  return {
    actor_id: actor,
    target_id: actor === 1 ? 2 : 1,
    kind,
    context,
    count: 1,
    first_at: NOW - daysAgo * DAY_MS,
    last_at: NOW - lastDaysAgo * DAY_MS,
    score: scoreOf(kind, NOW - daysAgo * DAY_MS),
  };
}

const stageOf = (tallies: Tally[], marks: Partial<Marks> = {}) =>
  summarisePair(1, tallies, { ...NO_MARKS, ...marks }).stage;

describe('strength', () => {
  it('is the sum of weights, each halved every 90 days', () => {
    expect(strengthAt(scoreOf('reply', NOW), NOW)).toBe(WEIGHTS.reply);
    expect(strengthAt(scoreOf('reply', NOW - HALF_LIFE_DAYS * DAY_MS), NOW)).toBe(
      WEIGHTS.reply / 2,
    );
    expect(strengthAt(scoreOf('co_authored', NOW), NOW + 2 * HALF_LIFE_DAYS * DAY_MS)).toBe(
      WEIGHTS.co_authored / 4,
    );
    const pair = summarisePair(1, [tally(1, 'reply', 0), tally(2, 'favourite', 90)], NO_MARKS);
    expect(strengthAt(pair.score, NOW)).toBe(WEIGHTS.reply + WEIGHTS.favourite / 2);
  });

  it('weighs reactions least and joint work most', () => {
    const reactions = [WEIGHTS.favourite, WEIGHTS.boost, WEIGHTS.answer_vote];
    const exchanges = [WEIGHTS.reply, WEIGHTS.mention, WEIGHTS.direct];
    const joint = [WEIGHTS.co_authored, WEIGHTS.accepted_answer];
    expect(Math.max(...reactions)).toBeLessThan(Math.min(...exchanges));
    expect(Math.max(...exchanges)).toBeLessThan(Math.min(...joint));
  });
});

describe('the stage rules', () => {
  it('none without acts, encounter one way or co-presence only', () => {
    expect(stageOf([])).toBe('none');
    expect(stageOf([tally(1, 'reply', 1), tally(1, 'mention', 1)])).toBe('encounter');
    expect(stageOf([tally(2, 'favourite', 1), tally(2, 'direct', 1)])).toBe('encounter');
    expect(stageOf([tally(1, 'same_event', 1, 'event:1')])).toBe('encounter');
    expect(stageOf([tally(1, 'same_community', 1), tally(2, 'favourite', 1)])).toBe('encounter');
    // Reactions both ways are not an exchange.
    expect(stageOf([tally(1, 'favourite', 1), tally(2, 'boost', 1)])).toBe('encounter');
  });

  it('recognition: each addressed the other, an accepted answer or an introduction', () => {
    expect(stageOf([tally(1, 'reply', 2), tally(2, 'mention', 1)])).toBe('recognition');
    expect(stageOf([tally(1, 'direct', 2), tally(2, 'answer', 1)])).toBe('recognition');
    expect(stageOf([tally(2, 'accepted_answer', 1)])).toBe('recognition');
    expect(stageOf([tally(1, 'introduction', 1)])).toBe('recognition');
  });

  it('collaboration: recognition and joint work, small events only', () => {
    const known = [tally(1, 'reply', 2), tally(2, 'reply', 1)];
    expect(stageOf([...known, tally(2, 'co_authored', 1, 'page:1')])).toBe('collaboration');
    expect(stageOf([...known, tally(1, 'same_event', 1, 'event:1')])).toBe('collaboration');
    expect(stageOf([...known, tally(1, 'same_event', 1, 'crowd:1')])).toBe('recognition');
    expect(stageOf([...known, tally(1, 'same_community', 1, 'community:1')])).toBe('collaboration');
    // Joint work without recognition stays an encounter.
    expect(stageOf([tally(2, 'co_authored', 1, 'page:1')])).toBe('encounter');
  });

  it('collaboration: exchanges both ways in two contexts spanning 14 days', () => {
    const both = (context: string, daysAgo: number) => [
      tally(1, 'reply', daysAgo, context),
      tally(2, 'reply', daysAgo, context),
    ];
    expect(stageOf([...both('tag:design', 15), ...both('tag:ops', 1)])).toBe('collaboration');
    expect(stageOf([...both('tag:design', 14), ...both('tag:ops', 1)])).toBe('recognition');
    expect(stageOf([...both('tag:design', 30), ...both('tag:design', 1)])).toBe('recognition');
    // A context counts only when both addressed the other there.
    expect(
      stageOf([
        ...both('tag:design', 30),
        tally(1, 'reply', 1, 'tag:ops'),
        tally(2, 'reply', 1, 'x'),
      ]),
    ).toBe('recognition');
  });

  it('trusted: substantive both ways over 90 days in two channels, or both marks', () => {
    const posts = (daysAgo: number) => [tally(1, 'reply', daysAgo), tally(2, 'mention', daysAgo)];
    const messages = (daysAgo: number) => [
      tally(1, 'direct', daysAgo),
      tally(2, 'direct', daysAgo),
    ];
    expect(stageOf([...posts(91), ...messages(1)])).toBe('trusted');
    expect(stageOf([...posts(90), ...messages(1)])).toBe('recognition');
    expect(stageOf([...posts(120), ...posts(1)])).toBe('recognition');
    expect(stageOf(posts(1), { ownerTrusted: true })).toBe('recognition');
    expect(stageOf(posts(1), { ownerTrusted: true, otherTrusted: true })).toBe('trusted');
    expect(stageOf([], { ownerTrusted: true, otherTrusted: true })).toBe('trusted');
  });

  it('close: only both marks, never inferred', () => {
    const trusted = [
      tally(1, 'reply', 200),
      tally(2, 'reply', 200),
      tally(1, 'direct', 1),
      tally(2, 'direct', 1),
    ];
    expect(stageOf(trusted)).toBe('trusted');
    expect(stageOf(trusted, { ownerClose: true })).toBe('trusted');
    expect(stageOf(trusted, { ownerClose: true, otherClose: true })).toBe('close');
  });

  it('summarises reciprocity, first and last acts and whether the stage was declared', () => {
    const summary = summarisePair(
      1,
      [tally(1, 'favourite', 10), tally(2, 'same_event', 5, 'event:1'), tally(2, 'reply', 3)],
      NO_MARKS,
    );
    expect(summary).toMatchObject({
      reciprocated: true,
      firstInteractionAt: NOW - 10 * DAY_MS,
      lastInteractionAt: NOW - 3 * DAY_MS,
      lastSubstantiveAt: NOW - 3 * DAY_MS,
      declared: false,
    });
    // Co-presence is not an act towards someone.
    expect(
      summarisePair(1, [tally(1, 'reply', 1), tally(2, 'co_authored', 1)], NO_MARKS).reciprocated,
    ).toBe(false);
    expect(
      summarisePair(1, [], { ...NO_MARKS, ownerTrusted: true, otherTrusted: true }).declared,
    ).toBe(true);
    expect(isSubstantive('favourite')).toBe(false);
    expect(isSubstantive('co_authored')).toBe(true);
  });
});

describe('dormancy', () => {
  const at = (daysAgo: number) => NOW - daysAgo * DAY_MS;

  it('is dormant past the stage horizon and shows one stage lower past twice the horizon', () => {
    for (const stage of ['recognition', 'collaboration', 'trusted', 'close'] as const) {
      const horizon = HORIZON_DAYS[stage];
      expect(standingAt(stage, false, at(horizon), NOW)).toEqual({ stage, dormant: false });
      expect(standingAt(stage, false, at(horizon + 0.01), NOW)).toEqual({ stage, dormant: true });
      expect(standingAt(stage, false, at(2 * horizon), NOW)).toEqual({ stage, dormant: true });
      expect(standingAt(stage, false, at(2 * horizon + 0.01), NOW)).toEqual({
        stage: lowerStage(stage),
        dormant: true,
      });
      // Declared stages never drop.
      expect(standingAt(stage, true, at(3 * horizon), NOW)).toEqual({ stage, dormant: true });
    }
  });

  it('never drops below encounter, and needs a substantive exchange to fade', () => {
    expect(standingAt('encounter', false, at(HORIZON_DAYS.encounter + 1), NOW)).toEqual({
      stage: 'encounter',
      dormant: true,
    });
    expect(standingAt('encounter', false, at(1000), NOW).stage).toBe('encounter');
    expect(standingAt('encounter', false, null, NOW)).toEqual({
      stage: 'encounter',
      dormant: false,
    });
    expect(standingAt('none', false, null, NOW)).toEqual({ stage: 'none', dormant: false });
    expect(lowerStage('recognition')).toBe('encounter');
    expect(lowerStage('encounter')).toBe('encounter');
    expect(stageAtLeast('collaboration', 'recognition')).toBe(true);
    expect(stageAtLeast('encounter', 'recognition')).toBe(false);
  });
});
