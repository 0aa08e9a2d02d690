import type { Account, ChatMessage, ChatReadState } from '@rapport/schema';
import { compareIds } from '../statuses/status-cache';

/** One conversation's messages as the app holds them: oldest first, each id once. */
export interface ChatTimeline {
  messages: ChatMessage[];
  /** The path of the page of older messages, or null once the first message is here. */
  older: string | null;
}

/**
 * Messages from the server (a page, a catch-up, a live event, a send's answer) merged into
 * what is held: oldest first, each id once, the later copy winning. Live and fetched
 * messages overlap at the edges, so every arrival goes through here. Returns `existing`
 * itself when nothing changed, so React and TanStack Query see no update.
 */
export function mergeMessages(
  existing: readonly ChatMessage[],
  incoming: readonly ChatMessage[],
): ChatMessage[] {
  if (incoming.length === 0) return existing as ChatMessage[];
  const byId = new Map<string, ChatMessage>();
  for (const message of existing) byId.set(message.id, message);
  let changed = false;
  for (const message of incoming) {
    const held = byId.get(message.id);
    if (held && sameMessage(held, message)) continue;
    byId.set(message.id, message);
    changed = true;
  }
  if (!changed) return existing as ChatMessage[];
  return [...byId.values()].sort((a, b) => compareIds(a.id, b.id));
}

function sameMessage(a: ChatMessage, b: ChatMessage): boolean {
  return a.html === b.html && a.media_attachments.length === b.media_attachments.length;
}

export function newestMessageId(messages: readonly ChatMessage[]): string | null {
  return messages.at(-1)?.id ?? null;
}

/** Whether `id` is newer than `than` (null is older than everything). */
export function isNewer(id: string, than: string | null | undefined): boolean {
  return than == null || compareIds(id, than) > 0;
}

/** A message typed here and not yet confirmed by the server. */
export interface PendingMessage {
  /** The Idempotency-Key: a retry sends the same one, so the server never stores it twice. */
  key: string;
  text: string;
  mediaIds: string[];
  state: 'sending' | 'failed';
  error: unknown;
  /**
   * The id of a delivered message taken for this one. The stream can bring the message
   * before the send's own answer does; meanwhile the pending copy is hidden, not shown twice.
   */
  echo: string | null;
}

/**
 * Marks the first pending message a delivered one of mine stands for (same text, as many
 * images), so it is not shown twice. Returns `pending` itself when none matches.
 */
export function claimEcho(
  pending: readonly PendingMessage[],
  message: ChatMessage,
  myId: string,
): PendingMessage[] {
  if (message.account.id !== myId) return pending as PendingMessage[];
  if (pending.some((item) => item.echo === message.id)) return pending as PendingMessage[];
  const index = pending.findIndex(
    (item) =>
      item.state === 'sending' &&
      item.echo === null &&
      item.text.trim() === message.text.trim() &&
      item.mediaIds.length === message.media_attachments.length,
  );
  if (index < 0) return pending as PendingMessage[];
  return pending.map((item, i) => (i === index ? { ...item, echo: message.id } : item));
}

/** Pending messages to show: those no delivered message stands for yet. */
export function visiblePending(pending: readonly PendingMessage[]): PendingMessage[] {
  return pending.filter((item) => item.echo === null);
}

export type TimelineItem =
  | { kind: 'day'; key: string; day: string; iso: string }
  | {
      kind: 'group';
      key: string;
      account: Account;
      mine: boolean;
      messages: ChatMessage[];
    };

/** The calendar day of a moment in the reader's time zone, as YYYY-MM-DD. */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** Messages further apart than this start a new group even from the same person. */
export const GROUP_GAP_MS = 5 * 60_000;

/**
 * Messages as people read a chat: a heading for each day, and consecutive messages of one
 * person within a few minutes of each other under one name and avatar.
 */
export function groupMessages(
  messages: readonly ChatMessage[],
  myId: string,
  dayOf: (iso: string) => string = localDay,
  gapMs = GROUP_GAP_MS,
): TimelineItem[] {
  const items: TimelineItem[] = [];
  let currentDay: string | null = null;
  let group: Extract<TimelineItem, { kind: 'group' }> | null = null;
  let previous: ChatMessage | null = null;
  for (const message of messages) {
    const day = dayOf(message.created_at);
    if (day !== currentDay) {
      currentDay = day;
      items.push({ kind: 'day', key: `day-${day}`, day, iso: message.created_at });
      group = null;
    }
    const gap = previous
      ? Date.parse(message.created_at) - Date.parse(previous.created_at)
      : Number.POSITIVE_INFINITY;
    if (!group || group.account.id !== message.account.id || gap > gapMs) {
      group = {
        kind: 'group',
        key: `group-${message.id}`,
        account: message.account,
        mine: message.account.id === myId,
        messages: [],
      };
      items.push(group);
    }
    group.messages.push(message);
    previous = message;
  }
  return items;
}

/**
 * Where each other participant's "Seen" goes: under the newest loaded message they have
 * read, where writing a message counts as having read all before it. Nothing is shown for
 * someone whose newest read message is their own (they have plainly seen what came before),
 * nor for people who left (not among `accounts`).
 */
export function seenBy(
  messages: readonly ChatMessage[],
  readStates: readonly ChatReadState[],
  accounts: readonly Account[],
  myId: string,
): Map<string, Account[]> {
  const placed = new Map<string, Account[]>();
  for (const state of readStates) {
    if (state.account_id === myId || state.last_read_id === null) continue;
    const reader = accounts.find((account) => account.id === state.account_id);
    if (!reader) continue;
    const lastRead = state.last_read_id;
    let message: ChatMessage | undefined;
    for (let i = messages.length - 1; i >= 0; i--) {
      const candidate = messages[i];
      if (
        candidate &&
        (compareIds(candidate.id, lastRead) <= 0 || candidate.account.id === reader.id)
      ) {
        message = candidate;
        break;
      }
    }
    if (!message || message.account.id === reader.id) continue;
    const list = placed.get(message.id) ?? [];
    list.push(reader);
    placed.set(message.id, list);
  }
  return placed;
}

/** A read state moved forward (never back: events may arrive out of order). */
export function applyReadState(
  states: readonly ChatReadState[],
  update: ChatReadState,
): ChatReadState[] {
  const index = states.findIndex((state) => state.account_id === update.account_id);
  if (index < 0) return [...states, update];
  const current = states[index];
  if (!current || update.last_read_id === null) return states as ChatReadState[];
  if (!isNewer(update.last_read_id, current.last_read_id)) return states as ChatReadState[];
  return states.map((state, i) => (i === index ? update : state));
}
