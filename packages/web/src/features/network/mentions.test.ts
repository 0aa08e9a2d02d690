import { describe, expect, it } from 'vitest';
import { mentionedUsernames } from './mentions';

describe('mentionedUsernames', () => {
  it('finds each mention once, lower-cased, in order', () => {
    expect(mentionedUsernames('@Bruno can you and @carla_m check? cc @bruno.')).toEqual([
      'bruno',
      'carla_m',
    ]);
    expect(mentionedUsernames('(@ana) "@dan"')).toEqual(['ana', 'dan']);
  });

  it('ignores email addresses, remote handles and a lone @', () => {
    expect(mentionedUsernames('write to ana@example.com')).toEqual([]);
    expect(mentionedUsernames('@ana@other.social says hi')).toEqual([]);
    expect(mentionedUsernames('meet @ 3pm')).toEqual([]);
    expect(mentionedUsernames('')).toEqual([]);
  });
});
