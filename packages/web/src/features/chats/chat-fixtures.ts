import type { Chat, ChatMessage } from '@rapport/schema';
import { makeAccount } from '../../test/fixtures';

/** Entities for the chat unit tests; override what a test is about. */
export const ada = makeAccount({ id: '1', username: 'ada', display_name: 'Ada Lovelace' });
export const grace = makeAccount({ id: '2', username: 'grace', display_name: 'Grace Hopper' });
export const alan = makeAccount({ id: '3', username: 'alan', display_name: 'Alan Turing' });

export function makeMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  const id = overrides.id ?? '100';
  return {
    id,
    chat_id: '9',
    account: grace,
    text: `Message ${id}`,
    html: `<p>Message ${id}</p>`,
    media_attachments: [],
    created_at: '2026-03-01T12:00:00.000Z',
    ...overrides,
  };
}

export function makeChat(overrides: Partial<Chat> = {}): Chat {
  const group = (overrides.accounts?.length ?? 1) > 1 || Boolean(overrides.title);
  return {
    id: '9',
    kind: group ? 'group' : 'direct',
    title: '',
    accounts: [grace],
    unread_count: 0,
    last_message: null,
    muted: false,
    read_states: [],
    created_at: '2026-03-01T10:00:00.000Z',
    updated_at: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
}
