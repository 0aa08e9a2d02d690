import { describe, expect, it } from 'vitest';
import { parseStreamMessage } from '../../api/streaming';
import { makeMessage } from './chat-fixtures';

describe('chat events on the user stream', () => {
  it('reads chat.message and chat.read, with the payload as JSON text or as an object', () => {
    const message = makeMessage({ id: '7' });
    const asText = parseStreamMessage(
      JSON.stringify({ stream: ['user'], event: 'chat.message', payload: JSON.stringify(message) }),
    );
    expect(asText).toEqual({ stream: ['user'], event: 'chat.message', message });
    const read = { chat_id: '9', account_id: '2', last_read_id: '7' };
    const asObject = parseStreamMessage(
      JSON.stringify({ stream: ['user'], event: 'chat.read', payload: read }),
    );
    expect(asObject).toEqual({ stream: ['user'], event: 'chat.read', read });
  });

  it('ignores malformed chat events', () => {
    for (const payload of ['{}', '{"id":"1"}', 'not json', JSON.stringify({ chat_id: 1 })]) {
      expect(
        parseStreamMessage(JSON.stringify({ stream: ['user'], event: 'chat.message', payload })),
      ).toBeNull();
      expect(
        parseStreamMessage(JSON.stringify({ stream: ['user'], event: 'chat.read', payload })),
      ).toBeNull();
    }
  });
});
