import type { ChatReadPayload, ChatUpdatePayload, DomainEvent } from '@rapport/schema';
import type { AppContext } from '../context';
import { presentMessages } from '../features/chats/chats.presenter';
import { findChatById, findMessagesByIds } from '../features/chats/chats.queries';
import type { StreamConnection } from './connection';

export const CHAT_EVENTS = [
  'chat.message',
  'chat.read',
  'chat.created',
  'chat.updated',
  'chat.left',
] as const;

export type ChatEvent = Extract<DomainEvent, { type: (typeof CHAT_EVENTS)[number] }>;

const chatEventTypes = new Set<string>(CHAT_EVENTS);
export const isChatEvent = (event: DomainEvent): event is ChatEvent =>
  chatEventTypes.has(event.type);

/** The user-stream connections of these accounts (the hub's index). */
type ConnectionsOf = (accountIds: Set<number>) => StreamConnection[];

/**
 * Conversation events on the user stream of every current participant (the sender's other
 * connections included): `chat.message` (the message, which reads the same for everyone,
 * rendered once), `chat.read` ({chat_id, account_id, last_read_id}) and `chat.update`
 * ({chat_id, title, account_ids}) when a conversation starts, is renamed or someone leaves.
 *
 * Events of one conversation go out one after another, in the order they were emitted
 * (after commit, which is id order within a conversation): rendering a message reads the
 * database, and a later short message must not overtake an earlier long one.
 */
export class ChatDelivery {
  private readonly tails = new Map<number, Promise<void>>();

  constructor(
    private readonly ctx: AppContext,
    private readonly connectionsOf: ConnectionsOf,
  ) {}

  deliver(event: ChatEvent): Promise<void> {
    const chatId = Number(event.chat_id);
    const run = (this.tails.get(chatId) ?? Promise.resolve())
      .then(() => this.send(event))
      .catch((error: unknown) =>
        this.ctx.log.error({ err: error, event }, 'chat stream delivery failed'),
      );
    this.tails.set(chatId, run);
    void run.then(() => {
      if (this.tails.get(chatId) === run) this.tails.delete(chatId);
    });
    return run;
  }

  private async send(event: ChatEvent): Promise<void> {
    switch (event.type) {
      case 'chat.message': {
        const targets = this.connectionsOf(ids([...event.recipient_ids, event.sender_id]));
        if (targets.length === 0) return;
        const rows = await findMessagesByIds(this.ctx.db, [Number(event.message_id)]);
        const [message] = await presentMessages(this.ctx, this.ctx.db, rows);
        if (message) broadcast(targets, 'chat.message', message);
        return;
      }
      case 'chat.read': {
        const payload: ChatReadPayload = {
          chat_id: event.chat_id,
          account_id: event.account_id,
          last_read_id: event.last_read_id,
        };
        broadcast(this.connectionsOf(ids(event.participant_ids)), 'chat.read', payload);
        return;
      }
      case 'chat.created':
      case 'chat.updated':
        broadcast(this.connectionsOf(ids(event.participant_ids)), 'chat.update', {
          chat_id: event.chat_id,
          title: event.title,
          account_ids: event.participant_ids,
        } satisfies ChatUpdatePayload);
        return;
      case 'chat.left': {
        // The one who left hears it too: their other devices drop the conversation.
        const targets = this.connectionsOf(ids([...event.participant_ids, event.account_id]));
        if (targets.length === 0) return;
        const chat = await findChatById(this.ctx.db, Number(event.chat_id));
        broadcast(targets, 'chat.update', {
          chat_id: event.chat_id,
          title: chat?.title ?? '',
          account_ids: event.participant_ids,
        } satisfies ChatUpdatePayload);
        return;
      }
    }
  }
}

const ids = (list: string[]) => new Set(list.map(Number));

/** One message per stream prefix, the payload serialised once (a JSON string, as Mastodon's). */
function broadcast(targets: StreamConnection[], event: string, payload: unknown): void {
  if (targets.length === 0) return;
  const body = `"${event}","payload":${JSON.stringify(JSON.stringify(payload))}}`;
  const messages = new Map<string, Buffer>();
  for (const connection of targets) {
    const prefix = connection.streams.get('user');
    if (prefix === undefined) continue;
    let message = messages.get(prefix);
    if (!message) {
      message = Buffer.from(`${prefix}${body}`);
      messages.set(prefix, message);
    }
    connection.send(message);
  }
}
