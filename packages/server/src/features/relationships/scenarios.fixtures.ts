import type { InteractionKindName, RelationshipCard, WorkingRelationship } from '@rapport/schema';
import { expect } from 'vitest';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import type { AccountRow } from '../accounts/accounts.queries';

/**
 * The labelled scenario suite's vocabulary: people, history written through the real API
 * (statuses, favourites, questions, pages, events, communities, conversations) or through
 * the admin import (for history spanning months), and what one person should then read
 * about another through the relationships API.
 */

export const DAY = 86_400_000;
const BASE = '/api/rapport/v1/relationships';

export interface Person {
  account: AccountRow;
  api: ReturnType<typeof api>;
}

/** What a person reads about another: the stage shown, dormancy, reciprocity and advice. */
export interface Expected {
  stage: WorkingRelationship['stage'];
  dormant: boolean;
  reciprocated: boolean;
  tone: 'cold' | 'warm';
}

export interface Scenario {
  name: string;
  /** Writes the history between `a` and `b` (and anyone else it needs). */
  build: (s: Scene) => Promise<void>;
  /** What `a` reads about `b`. */
  expected: Expected;
  /**
   * What `b` reads about `a`, when it differs (marks are each person's own); `insights off`
   * when `b` turned relationship insights off (their own views answer 409).
   */
  reverse?: Expected | 'insights off';
}

export type Line = [
  from: Person,
  to: Person,
  kind: InteractionKindName,
  daysAgo: number,
  context?: string,
];

export function scene(t: TestApp, admin: ReturnType<typeof api>) {
  async function person(name = 'person'): Promise<Person> {
    const suffix = Math.random().toString(36).slice(2, 7);
    const { account, token } = await createAccountWithToken(t.ctx, {
      username: `${name}_${suffix}`,
      displayName: name,
    });
    return { account, api: api(t.app, token) };
  }

  async function people(n: number, name = 'filler'): Promise<Person[]> {
    const list: Person[] = [];
    for (let i = 0; i < n; i++) list.push(await person(name));
    return list;
  }

  /** History through the admin import, `daysAgo` before now (fractions allowed). */
  async function history(...lines: Line[]): Promise<void> {
    const now = Date.now();
    const body = lines
      .map(([from, to, kind, daysAgo, context]) =>
        JSON.stringify({
          actor: from.account.username,
          target: to.account.username,
          kind,
          at: new Date(now - daysAgo * DAY).toISOString(),
          ...(context ? { context } : {}),
        }),
      )
      .join('\n');
    const res = await admin.post('/api/rapport/v1/admin/interactions/import', body, {
      'content-type': 'application/x-ndjson',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.errors).toEqual([]);
  }

  async function post(author: Person, status: string, extra: Record<string, unknown> = {}) {
    const res = await author.api.post('/api/v1/statuses', { status, ...extra });
    expect(res.status, res.text).toBe(200);
    return res.body.id as string;
  }

  const reply = (author: Person, to: string, status: string) =>
    post(author, status, { in_reply_to_id: to });

  async function favourite(who: Person, statusId: string) {
    expect((await who.api.post(`/api/v1/statuses/${statusId}/favourite`)).status).toBe(200);
  }

  const mention = (from: Person, to: Person, text = 'have a look') =>
    post(from, `@${to.account.username} ${text}`);

  const direct = (from: Person, to: Person, text = 'a word in private') =>
    post(from, `@${to.account.username} ${text}`, { visibility: 'direct' });

  /** Starts a conversation and has each person say something in turn. */
  async function chat(starter: Person, other: Person, speakers: Person[]) {
    const started = await starter.api.post('/api/rapport/v1/chats', {
      account_ids: [String(other.account.id)],
    });
    expect(started.status, started.text).toBe(200);
    for (const speaker of speakers) {
      const said = await speaker.api.post(`/api/rapport/v1/chats/${started.body.id}/messages`, {
        text: 'Hello!',
      });
      expect(said.status, said.text).toBe(200);
    }
  }

  /** `asker` asks, `answerer` answers, and the asker accepts the answer when `accept`. */
  async function answer(asker: Person, answerer: Person, accept: boolean) {
    const question = await post(asker, 'How do we rotate the signing keys?', { kind: 'question' });
    const given = await reply(answerer, question, 'With the runbook in the ops wiki.');
    if (!accept) return;
    const res = await asker.api.post(`/api/rapport/v1/questions/${question}/accept`, {
      answer_id: given,
    });
    expect(res.status, res.text).toBe(200);
  }

  /** `author` writes a page and `editor` edits it. */
  async function coauthor(author: Person, editor: Person) {
    const page = await author.api.post('/api/rapport/v1/pages', {
      title: 'Onboarding',
      body: 'Welcome aboard.',
    });
    expect(page.status, page.text).toBe(200);
    const edit = await editor.api.put(`/api/rapport/v1/pages/${page.body.id}`, {
      title: 'Onboarding',
      body: 'Welcome aboard. Start with the handbook.',
      base_revision: page.body.revision,
    });
    expect(edit.status, edit.text).toBe(200);
  }

  /** An event `organiser` runs; `going` say they go, in this order (the organiser is first). */
  async function event(organiser: Person, going: Person[]) {
    const created = await organiser.api.post('/api/rapport/v1/events', {
      title: 'Design review',
      starts_at: new Date(Math.ceil((Date.now() + DAY) / 60_000) * 60_000).toISOString(),
      ends_at: new Date(Math.ceil((Date.now() + DAY) / 60_000) * 60_000 + 3_600_000).toISOString(),
      time_zone: 'Europe/Lisbon',
    });
    expect(created.status, created.text).toBe(200);
    for (const who of going) {
      const rsvp = await who.api.post(`/api/rapport/v1/events/${created.body.id}/rsvp`, {
        status: 'going',
      });
      expect(rsvp.status, rsvp.text).toBe(200);
    }
  }

  /** A public community already holding `members`; `joiner` joins it through the API. */
  async function joinCommunity(members: Person[], joiner: Person) {
    const { id } = await insertCommunity(t.ctx, { privacy: 'public' });
    for (const [i, member] of members.entries()) {
      await addMember(t.ctx, id, member.account.id, i === 0 ? 'owner' : 'member');
    }
    const res = await joiner.api.post(`/api/rapport/v1/communities/${id}/join`);
    expect(res.status, res.text).toBe(200);
  }

  /** A private mark, set through the person card. */
  async function mark(who: Person, other: Person, marks: { trusted?: boolean; close?: boolean }) {
    const res = await who.api.put(`${BASE}/${other.account.id}`, marks);
    expect(res.status, res.text).toBe(200);
  }

  /** Turns relationship insights off, as the person does in Settings. */
  async function optOut(who: Person) {
    const res = await who.api.put('/api/rapport/v1/preferences/relationships', { enabled: false });
    expect(res.status, res.text).toBe(200);
  }

  return {
    person,
    people,
    history,
    post,
    reply,
    favourite,
    mention,
    direct,
    chat,
    answer,
    coauthor,
    event,
    joinCommunity,
    mark,
    optOut,
  };
}

export type Scene = ReturnType<typeof scene> & { a: Person; b: Person };

/** The card and My network say the same thing about `other`. */
export async function expectRelationship(
  viewer: Person,
  other: Person,
  expected: Expected | 'insights off',
): Promise<RelationshipCard | null> {
  const res = await viewer.api.get(`${BASE}/${other.account.id}`);
  if (expected === 'insights off') {
    expect(res.status, res.text).toBe(409);
    expect((await viewer.api.get(BASE)).status).toBe(409);
    return null;
  }
  expect(res.status, res.text).toBe(200);
  const card = res.body as RelationshipCard;
  const seen = (r: WorkingRelationship): Expected => ({
    stage: r.stage,
    dormant: r.dormant,
    reciprocated: r.reciprocated,
    tone: r.advice.tone,
  });
  expect(seen(card)).toEqual(expected);
  const list = (await viewer.api.get(`${BASE}?limit=200`)).body as WorkingRelationship[];
  const item = list.find((r) => r.account.id === String(other.account.id));
  if (expected.stage === 'none') {
    expect(item).toBeUndefined();
  } else {
    expect(item && seen(item)).toEqual(expected);
    const filtered = (await viewer.api.get(`${BASE}?limit=200&stage=${expected.stage}`)).body;
    expect(filtered.map((r: WorkingRelationship) => r.account.id)).toContain(
      String(other.account.id),
    );
    const dormant = (await viewer.api.get(`${BASE}?limit=200&dormant=${expected.dormant}`)).body;
    expect(dormant.map((r: WorkingRelationship) => r.account.id)).toContain(
      String(other.account.id),
    );
  }
  return card;
}

export const cold = (stage: 'none' | 'encounter', more: Partial<Expected> = {}): Expected => ({
  stage,
  dormant: false,
  reciprocated: false,
  tone: 'cold',
  ...more,
});

export const warm = (
  stage: Exclude<Expected['stage'], 'none' | 'encounter'>,
  more: Partial<Expected> = {},
): Expected => ({ stage, dormant: false, reciprocated: true, tone: 'warm', ...more });

/** A pair checked in a scenario, to check again after a full recomputation. */
export interface Checked {
  name: string;
  viewer: Person;
  other: Person;
  expected: Expected | 'insights off';
}

/**
 * Writes a scenario between two new people, checks what each reads about the other, and
 * remembers both checks in `checked`. `settle` runs between the history and the checks.
 */
export async function runScenario(
  s: ReturnType<typeof scene>,
  scenario: Scenario,
  checked: Checked[],
  settle: () => Promise<void> = async () => {},
): Promise<void> {
  const a = await s.person('a');
  const b = await s.person('b');
  await scenario.build({ ...s, a, b });
  await settle();
  const sides = [
    { name: scenario.name, viewer: a, other: b, expected: scenario.expected },
    {
      name: `${scenario.name} (reverse)`,
      viewer: b,
      other: a,
      expected: scenario.reverse ?? scenario.expected,
    },
  ];
  for (const side of sides) {
    await expectRelationship(side.viewer, side.other, side.expected);
    checked.push(side);
  }
}

/** Every remembered check, again: the recomputation must agree with the incremental path. */
export async function recheckAll(checked: Checked[]): Promise<void> {
  for (const { name, viewer, other, expected } of checked) {
    await expectRelationship(viewer, other, expected).catch((error: Error) => {
      throw new Error(`${name}: ${error.message}`);
    });
  }
}
