import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { HORIZON_DAYS } from './model';
import { recomputeRelationships } from './recompute';
import {
  type Checked,
  cold,
  type Line,
  type Person,
  recheckAll,
  runScenario,
  type Scenario,
  type Scene,
  scene,
  warm,
} from './scenarios.fixtures';

/**
 * The labelled scenarios that need time: history imported with dates months back (the
 * admin import), for the rules on spans (14 and 90 days), dormancy at each stage's horizon
 * and the one-stage drop after twice that. relationships.scenarios-api.test.ts holds the
 * scenarios built through the API.
 */

let t: TestApp;
let s: ReturnType<typeof scene>;
beforeAll(async () => {
  t = await startTestApp();
  s = scene(t, api(t.app, (await createAccountWithToken(t.ctx, { role: 'admin' })).token));
});
afterAll(() => t.close());

const H = HORIZON_DAYS;

/** Replies both ways `daysAgo`: each addressed the other. */
const exchangeAt = (a: Person, b: Person, daysAgo: number, context?: string): Line[] => [
  [a, b, 'reply', daysAgo, context],
  [b, a, 'reply', daysAgo, context],
];

/** Exchanges in posts `from` days ago and in messages `to` days ago: two channels. */
const twoChannels = (a: Person, b: Person, from: number, to: number): Line[] => [
  ...exchangeAt(a, b, from),
  [a, b, 'message', to],
  [b, a, 'message', to],
];

const imported = (lines: (s: Scene) => Line[]) => (scene: Scene) => scene.history(...lines(scene));

const SCENARIOS: Scenario[] = [
  {
    name: 'encounter: only co-presence (the same event)',
    build: imported(({ a, b }) => [[a, b, 'event_together', 3, 'Lisbon offsite']]),
    expected: cold('encounter'),
  },
  {
    name: 'encounter: only co-presence (the same small community)',
    build: imported(({ a, b }) => [[b, a, 'community_together', 3]]),
    expected: cold('encounter'),
  },
  {
    // Reactions are not exchanges: they never make a tie dormant, however old.
    name: 'encounter: a reblog and favourites one way, long ago, never dormant',
    build: imported(({ a, b }) => [
      [a, b, 'reblog', 300],
      [a, b, 'favourite', 250],
    ]),
    expected: cold('encounter'),
  },
  {
    name: 'recognition: a reply one way and a message back',
    build: imported(({ a, b }) => [
      [a, b, 'reply', 5],
      [b, a, 'message', 4],
    ]),
    expected: warm('recognition'),
  },
  {
    name: 'recognition: an accepted introduction',
    build: imported(({ a, b }) => [[a, b, 'introduction', 2]]),
    expected: { ...warm('recognition'), reciprocated: false },
  },
  {
    name: 'recognition: an accepted answer',
    build: imported(({ a, b }) => [
      [a, b, 'answer', 3],
      [b, a, 'accepted_answer', 2],
    ]),
    expected: warm('recognition'),
  },
  {
    name: 'collaboration: exchanges in #design and #ops spanning 14 days',
    build: imported(({ a, b }) => [
      ...exchangeAt(a, b, 15, '#design'),
      ...exchangeAt(a, b, 1, '#ops'),
    ]),
    expected: warm('collaboration'),
  },
  {
    name: 'recognition: exchanges in #design and #ops spanning only 13 days',
    build: imported(({ a, b }) => [
      ...exchangeAt(a, b, 14, '#design'),
      ...exchangeAt(a, b, 1, '#ops'),
    ]),
    expected: warm('recognition'),
  },
  {
    name: 'recognition: exchanges over 30 days in one context only',
    build: imported(({ a, b }) => [
      ...exchangeAt(a, b, 31, '#design'),
      ...exchangeAt(a, b, 1, '#design'),
    ]),
    expected: warm('recognition'),
  },
  {
    name: 'recognition: two contexts, but each only one way',
    build: imported(({ a, b }) => [
      [a, b, 'reply', 20, '#design'],
      [b, a, 'reply', 1, '#ops'],
    ]),
    expected: warm('recognition'),
  },
  {
    name: 'trusted: exchanges in posts and messages spanning 90 days',
    build: imported(({ a, b }) => twoChannels(a, b, 91, 1)),
    expected: warm('trusted'),
  },
  {
    name: 'recognition: posts and messages spanning only 89 days',
    build: imported(({ a, b }) => twoChannels(a, b, 90, 1)),
    expected: warm('recognition'),
  },
  {
    name: 'recognition: 120 days of exchanges in one channel (replies and mentions)',
    build: imported(({ a, b }) => [
      ...exchangeAt(a, b, 121),
      [a, b, 'mention', 1],
      [b, a, 'mention', 1],
    ]),
    expected: warm('recognition'),
  },
  {
    name: `encounter: a reply one way ${H.encounter - 1} days ago, not dormant`,
    build: imported(({ a, b }) => [[a, b, 'reply', H.encounter - 1]]),
    expected: cold('encounter'),
  },
  {
    name: `encounter: a reply one way ${H.encounter + 1} days ago, dormant`,
    build: imported(({ a, b }) => [[a, b, 'reply', H.encounter + 1]]),
    expected: cold('encounter', { dormant: true }),
  },
  {
    name: `encounter: a reply one way ${3 * H.encounter} days ago, dormant but no lower`,
    build: imported(({ a, b }) => [[a, b, 'reply', 3 * H.encounter]]),
    expected: cold('encounter', { dormant: true }),
  },
  {
    name: `recognition: last exchange ${H.recognition - 1} days ago, not dormant`,
    build: imported(({ a, b }) => exchangeAt(a, b, H.recognition - 1)),
    expected: warm('recognition'),
  },
  {
    name: `recognition: last exchange ${H.recognition + 1} days ago, dormant`,
    build: imported(({ a, b }) => exchangeAt(a, b, H.recognition + 1)),
    expected: warm('recognition', { dormant: true }),
  },
  {
    name: `recognition drops to encounter after ${2 * H.recognition + 1} days`,
    build: imported(({ a, b }) => exchangeAt(a, b, 2 * H.recognition + 1)),
    expected: { stage: 'encounter', dormant: true, reciprocated: true, tone: 'cold' },
  },
  {
    name: `collaboration: last exchange ${H.collaboration - 1} days ago, not dormant`,
    build: imported(({ a, b }) => [
      ...exchangeAt(a, b, H.collaboration - 1),
      [a, b, 'page_coauthor', H.collaboration - 1],
    ]),
    expected: warm('collaboration'),
  },
  {
    name: `collaboration: last exchange ${H.collaboration + 1} days ago, dormant`,
    build: imported(({ a, b }) => [
      ...exchangeAt(a, b, H.collaboration + 1),
      [a, b, 'page_coauthor', H.collaboration + 1],
    ]),
    expected: warm('collaboration', { dormant: true }),
  },
  {
    name: `collaboration drops to recognition after ${2 * H.collaboration + 1} days`,
    build: imported(({ a, b }) => [
      ...exchangeAt(a, b, 2 * H.collaboration + 1),
      [b, a, 'event_together', 2 * H.collaboration + 1],
    ]),
    expected: warm('recognition', { dormant: true }),
  },
  {
    name: `trusted: last exchange ${H.trusted - 1} days ago, not dormant`,
    build: imported(({ a, b }) => twoChannels(a, b, H.trusted + 90, H.trusted - 1)),
    expected: warm('trusted'),
  },
  {
    name: `trusted: last exchange ${H.trusted + 1} days ago, dormant`,
    build: imported(({ a, b }) => twoChannels(a, b, H.trusted + 91, H.trusted + 1)),
    expected: warm('trusted', { dormant: true }),
  },
  {
    name: `trusted drops to collaboration after ${2 * H.trusted + 1} days`,
    build: imported(({ a, b }) => twoChannels(a, b, 2 * H.trusted + 91, 2 * H.trusted + 1)),
    expected: warm('collaboration', { dormant: true }),
  },
  {
    name: `declared trusted never drops: ${2 * H.trusted + 40} days without an exchange`,
    build: async (scene) => {
      await scene.history(...exchangeAt(scene.a, scene.b, 2 * H.trusted + 40));
      await scene.mark(scene.a, scene.b, { trusted: true });
      await scene.mark(scene.b, scene.a, { trusted: true });
    },
    expected: warm('trusted', { dormant: true }),
  },
  {
    name: `declared close never drops: ${2 * H.close + 40} days without an exchange`,
    build: async (scene) => {
      await scene.history(...exchangeAt(scene.a, scene.b, 2 * H.close + 40));
      await scene.mark(scene.a, scene.b, { close: true });
      await scene.mark(scene.b, scene.a, { close: true });
    },
    expected: warm('close', { dormant: true }),
  },
  {
    name: 'none: imported history with someone who turned insights off',
    build: async (scene) => {
      await scene.optOut(scene.b);
      await scene.history(...twoChannels(scene.a, scene.b, 100, 1));
    },
    expected: cold('none'),
    reverse: 'insights off',
  },
];

const checked: Checked[] = [];

describe('relationship scenarios over time (imported history)', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, () => runScenario(s, scenario, checked));
  }

  it('strength halves every 90 days: an act 90 days ago weighs half', async () => {
    const [a, b, c, d] = [
      await s.person('a'),
      await s.person('b'),
      await s.person('c'),
      await s.person('d'),
    ];
    await s.history([a, b, 'reply', 0], [a, c, 'reply', 90], [a, d, 'reply', 180]);
    const strength = async (other: Person) =>
      (await a.api.get(`/api/rapport/v1/relationships/${other.account.id}`)).body.strength;
    expect(await strength(b)).toBe(3);
    expect(await strength(c)).toBe(1.5);
    expect(await strength(d)).toBe(0.75);
    // Both directions count: a reply back today adds its full weight.
    await s.history([c, a, 'reply', 0]);
    expect(await strength(c)).toBe(4.5);
    // My network lists the strongest first.
    const list = (await a.api.get('/api/rapport/v1/relationships')).body;
    expect(list.map((r: { account: { id: string } }) => r.account.id)).toEqual(
      [c, b, d].map((p) => String(p.account.id)),
    );
  });

  it('the full recomputation agrees with every scenario', async () => {
    expect(checked.length).toBe(SCENARIOS.length * 2);
    await recomputeRelationships(t.ctx.db);
    await recheckAll(checked);
  });
});
