import { describe, expect, it } from 'vitest';
import { makeStatus } from '../../test/fixtures';
import { replyDepths } from './thread-depth';

const reply = (id: string, parent: string) => makeStatus({ id, in_reply_to_id: parent });

describe('replyDepths', () => {
  it('counts how far each reply is below the status', () => {
    const depths = replyDepths('1', [
      reply('2', '1'),
      reply('3', '2'),
      reply('4', '3'),
      reply('5', '1'),
    ]);
    expect(Object.fromEntries(depths)).toEqual({ '2': 1, '3': 2, '4': 3, '5': 1 });
  });

  it('copes with replies listed before their parent and with missing parents', () => {
    const depths = replyDepths('1', [reply('3', '2'), reply('2', '1'), reply('9', '404')]);
    expect(Object.fromEntries(depths)).toEqual({ '2': 1, '3': 2, '9': 1 });
  });
});
