import type { ChatMessage, Notification, Status } from '@rapport/schema';

/* What goes over the streaming socket: the streams, their events as the app reads them. */

/** The streams the web app listens to (Mastodon's names). */
export type StreamSpec =
  | { name: 'user' }
  | { name: 'public:local' }
  | { name: 'hashtag'; tag: string };

interface EventBase {
  /** The stream the server says the message belongs to, e.g. `["hashtag", "design"]`. */
  stream: string[] | null;
}

export type StreamEvent = EventBase &
  (
    | { event: 'update'; status: Status }
    | { event: 'status.update'; status: Status }
    | { event: 'delete'; id: string }
    | { event: 'notification'; notification: Notification }
    | { event: 'chat.message'; message: ChatMessage }
    | { event: 'chat.read'; read: ChatRead }
    | { event: 'chat.update'; update: ChatUpdate }
  );

/** A conversation started, was renamed or someone left it (`chat.update`). */
export interface ChatUpdate {
  chat_id: string;
  title: string;
  /** Everyone still in it, the receiver included (unless they left). */
  account_ids: string[];
}

/** Someone in one of my conversations read up to a message (`chat.read`). */
export interface ChatRead {
  chat_id: string;
  account_id: string;
  last_read_id: string | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function looksLikeStatus(value: unknown): value is Status {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.content === 'string' &&
    isRecord(value.account)
  );
}

function looksLikeNotification(value: unknown): value is Notification {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.type === 'string' &&
    isRecord(value.account)
  );
}

function looksLikeChatMessage(value: unknown): value is ChatMessage {
  return (
    isRecord(value) &&
    typeof value.id === 'string' &&
    typeof value.chat_id === 'string' &&
    typeof value.html === 'string' &&
    isRecord(value.account)
  );
}

function looksLikeChatRead(value: unknown): value is ChatRead {
  return (
    isRecord(value) &&
    typeof value.chat_id === 'string' &&
    typeof value.account_id === 'string' &&
    (typeof value.last_read_id === 'string' || value.last_read_id === null)
  );
}

function looksLikeChatUpdate(value: unknown): value is ChatUpdate {
  return (
    isRecord(value) &&
    typeof value.chat_id === 'string' &&
    typeof value.title === 'string' &&
    Array.isArray(value.account_ids) &&
    value.account_ids.every((id) => typeof id === 'string')
  );
}

/**
 * One WebSocket message, `{"stream": [...], "event": "...", "payload": "<JSON text or an id>"}`,
 * as an event the app acts on; null for anything else (other events, malformed messages),
 * which the app ignores rather than failing on a server that knows more events than it does.
 */
export function parseStreamMessage(data: unknown): StreamEvent | null {
  const message = typeof data === 'string' ? parseJson(data) : undefined;
  if (!isRecord(message) || typeof message.event !== 'string') return null;
  const stream =
    Array.isArray(message.stream) && message.stream.every((part) => typeof part === 'string')
      ? (message.stream as string[])
      : null;
  const payload = message.payload;
  switch (message.event) {
    case 'delete': {
      const id = typeof payload === 'number' ? String(payload) : payload;
      return typeof id === 'string' && id !== '' ? { stream, event: 'delete', id } : null;
    }
    case 'update':
    case 'status.update': {
      const status = typeof payload === 'string' ? parseJson(payload) : payload;
      return looksLikeStatus(status) ? { stream, event: message.event, status } : null;
    }
    case 'notification': {
      const notification = typeof payload === 'string' ? parseJson(payload) : payload;
      return looksLikeNotification(notification)
        ? { stream, event: 'notification', notification }
        : null;
    }
    case 'chat.message': {
      const chatMessage = typeof payload === 'string' ? parseJson(payload) : payload;
      return looksLikeChatMessage(chatMessage)
        ? { stream, event: 'chat.message', message: chatMessage }
        : null;
    }
    case 'chat.read': {
      const read = typeof payload === 'string' ? parseJson(payload) : payload;
      return looksLikeChatRead(read) ? { stream, event: 'chat.read', read } : null;
    }
    case 'chat.update': {
      const update = typeof payload === 'string' ? parseJson(payload) : payload;
      return looksLikeChatUpdate(update) ? { stream, event: 'chat.update', update } : null;
    }
    default:
      return null;
  }
}

/** The subscription a spec stands for; hashtags are case-insensitive. */
export function streamKey(spec: StreamSpec): string {
  return spec.name === 'hashtag' ? `hashtag:${spec.tag.toLowerCase()}` : spec.name;
}

/** Whether a message's `stream` belongs to a subscription (no `stream` at all: to every one). */
export function streamMatches(spec: StreamSpec, stream: string[] | null): boolean {
  if (stream === null) return true;
  if (stream[0] !== spec.name) return false;
  return spec.name !== 'hashtag' || stream[1]?.toLowerCase() === spec.tag.toLowerCase();
}

export function subscribeMessage(spec: StreamSpec, type: 'subscribe' | 'unsubscribe'): string {
  return JSON.stringify(
    spec.name === 'hashtag'
      ? { type, stream: spec.name, tag: spec.tag }
      : { type, stream: spec.name },
  );
}
