import type { Account, Introduction } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import { stateKey } from './people-text';

const person = { id: '1', username: 'ana', display_name: 'Ana' } as Account;
const base: Introduction = {
  id: '9',
  state: 'requested',
  declined_by: null,
  role: 'requester',
  requester: person,
  introducer: person,
  target: person,
  message: 'Hi',
  note: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('where an introduction stands, from each side', () => {
  it.each([
    ['requester', 'requested', null, 'introductions.state.waitingForIntroducer'],
    ['introducer', 'requested', null, null],
    ['requester', 'forwarded', null, 'introductions.state.waitingForTarget'],
    ['introducer', 'forwarded', null, 'introductions.state.youPassedOn'],
    ['target', 'forwarded', null, null],
    ['requester', 'accepted', null, 'introductions.state.youWereIntroduced'],
    ['introducer', 'accepted', null, 'introductions.state.accepted'],
    ['target', 'accepted', null, 'introductions.state.youAccepted'],
    ['requester', 'declined', 'introducer', 'introductions.state.declinedByIntroducer'],
    ['introducer', 'declined', 'introducer', 'introductions.state.youDeclined'],
    ['requester', 'declined', 'target', 'introductions.state.declinedByTarget'],
    ['introducer', 'declined', 'target', 'introductions.state.declinedByTarget'],
    ['target', 'declined', 'target', 'introductions.state.youDeclined'],
  ] as const)('%s, %s (declined by %s)', (role, state, declinedBy, expected) => {
    expect(stateKey({ ...base, role, state, declined_by: declinedBy })).toBe(expected);
  });
});
