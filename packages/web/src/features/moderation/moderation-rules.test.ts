import type { ModerationReport } from '@rapport/schema';
import { describe, expect, it } from 'vitest';
import {
  charactersLeft,
  needsConfirmation,
  offeredActions,
  reasonRequired,
  reportState,
  withoutFinalStop,
} from './moderation-rules';

type Statuses = ModerationReport['statuses'];
const status = (exists: boolean): Statuses[number] => ({
  id: '1',
  content: '<p>Hi</p>',
  spoiler_text: '',
  created_at: '2026-03-01T12:00:00.000Z',
  exists,
  hidden: false,
});

describe('what a moderator is offered', () => {
  const everything = ['hide', 'remove', 'dismiss', 'suspend'] as const;

  it('offers what the server allows, mildest first', () => {
    const offered = offeredActions({
      allowed_actions: ['suspend', 'dismiss', 'remove', 'hide'],
      statuses: [status(true)],
    });
    expect(offered).toEqual(['hide', 'remove', 'dismiss', 'suspend']);
  });

  it('keeps suspension from community moderators, as the server does', () => {
    expect(
      offeredActions({ allowed_actions: ['hide', 'remove', 'dismiss'], statuses: [status(true)] }),
    ).toEqual(['hide', 'remove', 'dismiss']);
  });

  it('does not offer hiding or removing when no reported status is left', () => {
    expect(offeredActions({ allowed_actions: [...everything], statuses: [] })).toEqual([
      'dismiss',
      'suspend',
    ]);
    expect(offeredActions({ allowed_actions: [...everything], statuses: [status(false)] })).toEqual(
      ['dismiss', 'suspend'],
    );
  });

  it('offers nothing on a handled report', () => {
    expect(offeredActions({ allowed_actions: [], statuses: [status(true)] })).toEqual([]);
  });
});

describe('the rules of an action', () => {
  it('asks a reason for everything the author is told about', () => {
    expect(reasonRequired('hide')).toBe(true);
    expect(reasonRequired('remove')).toBe(true);
    expect(reasonRequired('suspend')).toBe(true);
    expect(reasonRequired('dismiss')).toBe(false);
  });

  it('asks twice before what cannot be undone', () => {
    expect(needsConfirmation('remove')).toBe(true);
    expect(needsConfirmation('suspend')).toBe(true);
    expect(needsConfirmation('hide')).toBe(false);
    expect(needsConfirmation('dismiss')).toBe(false);
  });

  it('tells open reports from handled ones', () => {
    expect(reportState({ action: null, action_taken_at: null })).toBe('open');
    expect(reportState({ action: 'hide', action_taken_at: '2026-03-01T12:00:00.000Z' })).toBe(
      'hide',
    );
  });
});

describe('texts', () => {
  it('counts characters as the server does', () => {
    expect(charactersLeft('', 1000)).toBe(1000);
    expect(charactersLeft('abc', 1000)).toBe(997);
    // An emoji outside the basic plane is two UTF-16 code units, as zod's max() counts it.
    expect(charactersLeft('👍', 10)).toBe(8);
  });

  it('drops a final full stop from a reason placed inside a sentence', () => {
    expect(withoutFinalStop('Off topic.')).toBe('Off topic');
    expect(withoutFinalStop('  Off topic  ')).toBe('Off topic');
    expect(withoutFinalStop('Really?')).toBe('Really?');
  });
});
