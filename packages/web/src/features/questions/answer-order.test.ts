import { describe, expect, it } from 'vitest';
import { makeStatus } from '../../test/fixtures';
import { orderAnswers } from './answer-order';

const answer = (id: string, votes: number, accepted = false) =>
  makeStatus({
    id,
    in_reply_to_id: '1',
    answer: { votes_count: votes, voted: false, accepted },
  });
const comment = (id: string, parent: string) => makeStatus({ id, in_reply_to_id: parent });

describe('the order of answers in a question thread', () => {
  it('puts the accepted answer first, then answers by votes, each with its replies', () => {
    const ordered = orderAnswers('1', [
      answer('2', 1),
      comment('3', '2'),
      comment('4', '1'),
      answer('5', 3),
      answer('6', 0, true),
      comment('7', '6'),
      answer('8', 1),
    ]);
    expect(ordered.map((status) => status.id)).toEqual(['6', '7', '5', '2', '3', '8', '4']);
  });
});
