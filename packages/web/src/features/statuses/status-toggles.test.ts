import { describe, expect, it } from 'vitest';
import { makeAccount, makeStatus } from '../../test/fixtures';
import { pollResults } from './poll-results';
import { applyToggle, canBoost, takeServerToggle } from './status-toggles';

describe('applyToggle', () => {
  it('sets the flag and moves the count by one', () => {
    const status = makeStatus({ favourites_count: 2 });
    const liked = applyToggle(status, 'favourite', true);
    expect(liked).toMatchObject({ favourited: true, favourites_count: 3 });
    expect(applyToggle(liked, 'favourite', false)).toMatchObject({
      favourited: false,
      favourites_count: 2,
    });
  });

  it('changes nothing when the flag already matches, and never counts below zero', () => {
    const status = makeStatus({ reblogged: true, reblogs_count: 0 });
    expect(applyToggle(status, 'reblog', true)).toBe(status);
    expect(applyToggle(status, 'reblog', false).reblogs_count).toBe(0);
    expect(applyToggle(makeStatus(), 'bookmark', true).bookmarked).toBe(true);
  });
});

describe('takeServerToggle', () => {
  it('takes only the answered action from the server', () => {
    const cached = makeStatus({ favourited: true, favourites_count: 3, bookmarked: true });
    const answer = makeStatus({ favourited: true, favourites_count: 5, bookmarked: false });
    const next = takeServerToggle(cached, answer, 'favourite');
    expect(next).toMatchObject({ favourited: true, favourites_count: 5, bookmarked: true });
  });
});

describe('canBoost', () => {
  const me = '1';
  it('allows public and quiet statuses, one’s own followers-only ones, and no direct ones', () => {
    const other = makeAccount({ id: '2' });
    expect(canBoost(makeStatus({ visibility: 'public', account: other }), me)).toBe(true);
    expect(canBoost(makeStatus({ visibility: 'unlisted', account: other }), me)).toBe(true);
    expect(canBoost(makeStatus({ visibility: 'private', account: other }), me)).toBe(false);
    expect(canBoost(makeStatus({ visibility: 'private' }), me)).toBe(true);
    expect(canBoost(makeStatus({ visibility: 'direct' }), me)).toBe(false);
  });
});

describe('pollResults', () => {
  const poll = {
    id: '1',
    expires_at: null,
    expired: true,
    multiple: false,
    votes_count: 4,
    voters_count: 4,
    options: [
      { title: 'Tea', votes_count: 3 },
      { title: 'Coffee', votes_count: 1 },
    ],
    emojis: [],
    voted: true,
    own_votes: [1],
  };

  it('shares votes by option, marks the leader and one’s own choice', () => {
    expect(pollResults(poll)).toEqual([
      { title: 'Tea', votes: 3, percent: 75, leading: true, chosen: false },
      { title: 'Coffee', votes: 1, percent: 25, leading: false, chosen: true },
    ]);
  });

  it('shares a multiple-choice poll by voters, and copes with no votes', () => {
    const multiple = { ...poll, multiple: true, votes_count: 5, voters_count: 4 };
    expect(pollResults(multiple).map((option) => option.percent)).toEqual([75, 25]);
    const empty = {
      ...poll,
      votes_count: 0,
      voters_count: 0,
      options: [{ title: 'A', votes_count: 0 }],
    };
    expect(pollResults(empty)).toEqual([
      { title: 'A', votes: 0, percent: 0, leading: false, chosen: false },
    ]);
  });
});
