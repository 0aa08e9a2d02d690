import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountWithToken } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { SMALL_COMMUNITY } from '../communities/membership-places';
import { SMALL_EVENT } from '../events/rsvps.service';
import { recomputeRelationships } from './recompute';
import {
  type Checked,
  cold,
  expectRelationship,
  type Person,
  recheckAll,
  runScenario,
  type Scenario,
  type Scene,
  scene,
  warm,
} from './scenarios.fixtures';

/**
 * The labelled scenarios built through the real API: statuses, favourites, questions,
 * pages, events, communities, conversations and the person card's marks. Each names what
 * `a` then reads about `b` (and `b` about `a`, the same unless said otherwise).
 */

let t: TestApp;
let s: ReturnType<typeof scene>;
let fillers: Person[] = [];
beforeAll(async () => {
  t = await startTestApp();
  s = scene(t, api(t.app, (await createAccountWithToken(t.ctx, { role: 'admin' })).token));
  fillers = await s.people(SMALL_EVENT);
});
afterAll(() => t.close());

/** Replies both ways: each addressed the other. */
async function exchange({ a, b, post, reply }: Scene) {
  const first = await post(b, 'Draft of the #design principles is up');
  const answer = await reply(a, first, `@${b.account.username} looks good`);
  await reply(b, answer, `@${a.account.username} thanks!`);
}

const SCENARIOS: Scenario[] = [
  { name: 'none: never crossed paths', build: async () => {}, expected: cold('none') },
  {
    name: 'encounter: a favourite one way',
    build: async ({ a, b, post, favourite }) => favourite(a, await post(b, 'Shipped!')),
    expected: cold('encounter'),
  },
  {
    name: 'encounter: a reply that got no answer',
    build: async ({ a, b, post, reply }) => {
      await reply(a, await post(b, 'Anyone tried the new build?'), 'Yes, it works');
    },
    expected: cold('encounter'),
  },
  {
    name: 'encounter: a mention one way',
    build: async ({ a, b, mention }) => {
      await mention(a, b);
    },
    expected: cold('encounter'),
  },
  {
    name: 'encounter: an answer to a question, not accepted',
    build: ({ a, b, answer }) => answer(b, a, false),
    expected: cold('encounter'),
  },
  {
    name: 'encounter: a direct message one way',
    build: async ({ a, b, direct }) => {
      await direct(a, b);
    },
    expected: cold('encounter'),
  },
  {
    name: 'encounter: chat messages one way',
    build: ({ a, b, chat }) => chat(a, b, [a, a]),
    expected: cold('encounter'),
  },
  {
    name: 'encounter: co-authored a page, nothing said (co-presence only)',
    build: ({ a, b, coauthor }) => coauthor(b, a),
    expected: cold('encounter'),
  },
  {
    name: 'encounter: going to the same small event, nothing said',
    build: ({ a, b, event }) => event(b, [a]),
    expected: cold('encounter'),
  },
  {
    name: `encounter: joined a community of ${SMALL_COMMUNITY} (small), nothing said`,
    build: ({ a, b, joinCommunity }) =>
      joinCommunity([b, ...fillers.slice(0, SMALL_COMMUNITY - 2)], a),
    expected: cold('encounter'),
  },
  {
    name: `none: joined a community of ${SMALL_COMMUNITY + 1} (not small)`,
    build: ({ a, b, joinCommunity }) =>
      joinCommunity([b, ...fillers.slice(0, SMALL_COMMUNITY - 1)], a),
    expected: cold('none'),
  },
  { name: 'recognition: replies both ways', build: exchange, expected: warm('recognition') },
  {
    name: 'recognition: mentions both ways',
    build: async ({ a, b, mention }) => {
      await mention(a, b);
      await mention(b, a, 'thanks for the pointer');
    },
    expected: warm('recognition'),
  },
  {
    name: 'recognition: direct statuses both ways',
    build: async ({ a, b, direct }) => {
      await direct(a, b);
      await direct(b, a, 'sure, tomorrow');
    },
    expected: warm('recognition'),
  },
  {
    name: 'recognition: chat messages both ways',
    build: ({ a, b, chat }) => chat(a, b, [a, b]),
    expected: warm('recognition'),
  },
  {
    // The answer is addressed one way; its acceptance is recognition for both.
    name: 'recognition: an accepted answer',
    build: ({ a, b, answer }) => answer(b, a, true),
    expected: { ...warm('recognition'), reciprocated: true },
  },
  {
    name: 'collaboration: a co-authored page and replies both ways',
    build: async (scene) => {
      await scene.coauthor(scene.b, scene.a);
      await exchange(scene);
    },
    expected: warm('collaboration'),
  },
  {
    name: `collaboration: the same event with ${SMALL_EVENT} going, and replies both ways`,
    build: async (scene) => {
      await scene.event(scene.b, [...fillers.slice(0, SMALL_EVENT - 2), scene.a]);
      await exchange(scene);
    },
    expected: warm('collaboration'),
  },
  {
    name: `recognition: the same event with ${SMALL_EVENT + 1} going (a crowd), and replies`,
    build: async (scene) => {
      await scene.event(scene.b, [...fillers.slice(0, SMALL_EVENT - 1), scene.a]);
      await exchange(scene);
    },
    expected: warm('recognition'),
  },
  {
    name: `collaboration: joined a community of ${SMALL_COMMUNITY}, and replies both ways`,
    build: async (scene) => {
      await scene.joinCommunity([scene.b, ...fillers.slice(0, SMALL_COMMUNITY - 2)], scene.a);
      await exchange(scene);
    },
    expected: warm('collaboration'),
  },
  {
    name: `recognition: joined a community of ${SMALL_COMMUNITY + 1}, and replies both ways`,
    build: async (scene) => {
      await scene.joinCommunity([scene.b, ...fillers.slice(0, SMALL_COMMUNITY - 1)], scene.a);
      await exchange(scene);
    },
    expected: warm('recognition'),
  },
  {
    name: 'trusted: both marked trusted (declared)',
    build: async (scene) => {
      await exchange(scene);
      await scene.mark(scene.a, scene.b, { trusted: true });
      await scene.mark(scene.b, scene.a, { trusted: true });
    },
    expected: warm('trusted'),
  },
  {
    name: 'recognition: one trusted mark alone changes nothing',
    build: async (scene) => {
      await exchange(scene);
      await scene.mark(scene.a, scene.b, { trusted: true });
    },
    expected: warm('recognition'),
  },
  {
    name: 'trusted: both marked trusted, only one close',
    build: async (scene) => {
      await scene.mark(scene.a, scene.b, { trusted: true, close: true });
      await scene.mark(scene.b, scene.a, { trusted: true });
    },
    // Declared with no history: reciprocated says no act went either way.
    expected: { ...warm('trusted'), reciprocated: false },
  },
  {
    name: 'close: both marked close',
    build: async (scene) => {
      await exchange(scene);
      await scene.mark(scene.a, scene.b, { close: true });
      await scene.mark(scene.b, scene.a, { close: true });
    },
    expected: warm('close'),
  },
  {
    name: 'none: someone who turned insights off is left out of everything',
    build: async (scene) => {
      await scene.optOut(scene.b);
      await exchange(scene);
      await scene.coauthor(scene.a, scene.b);
    },
    expected: cold('none'),
    reverse: 'insights off',
  },
];

const checked: Checked[] = [];

describe('relationship scenarios through the API', () => {
  for (const scenario of SCENARIOS) {
    it(scenario.name, () => runScenario(s, scenario, checked, () => t.ctx.events.settled()));
  }

  it('tells nobody about a mark until both set it', async () => {
    const a = await s.person('a');
    const b = await s.person('b');
    await exchange({ ...s, a, b });
    await s.mark(a, b, { trusted: true, close: true });
    const mine = await expectRelationship(a, b, warm('recognition'));
    if (!mine) throw new Error('a card');
    expect(mine).toMatchObject({ trusted: true, close: true, mutual_trusted: false });
    const theirs = await expectRelationship(b, a, warm('recognition'));
    if (!theirs) throw new Error('a card');
    expect(theirs).toMatchObject({
      trusted: false,
      close: false,
      mutual_trusted: false,
      mutual_close: false,
    });
    await s.mark(b, a, { trusted: true });
    expect((await b.api.get(`/api/rapport/v1/relationships/${a.account.id}`)).body).toMatchObject({
      stage: 'trusted',
      trusted: true,
      mutual_trusted: true,
      close: false,
      mutual_close: false,
    });
  });

  it('the full recomputation agrees with every scenario', async () => {
    expect(checked.length).toBe(SCENARIOS.length * 2);
    await recomputeRelationships(t.ctx.db);
    await recheckAll(checked);
  });
});
