import type { InboxFilter, InboxItem } from '@rapport/schema';
import { type Page, sendEmpty, sendJson, sendPage } from './client';

export const INBOX_FILTERS: readonly InboxFilter[] = [
  'all',
  'unread',
  'messages',
  'mentions',
  'replies',
  'answers',
];

export function listInbox(filter: InboxFilter, next?: string | null): Promise<Page<InboxItem>> {
  if (next) return sendPage<InboxItem>(next);
  return sendPage<InboxItem>('/api/rapport/v1/inbox', { query: { filter, limit: 20 } });
}

/** Unread items (messages, mentions, replies, answers), counted up to 100. */
export async function getInboxUnreadCount(): Promise<number> {
  const { count } = await sendJson<{ count: number }>('/api/rapport/v1/inbox/unread_count');
  return count;
}

/** Opening an item marks it read everywhere (for mentions: Mastodon apps too). */
export function markInboxItemRead(id: string): Promise<void> {
  return sendEmpty(`/api/rapport/v1/inbox/${encodeURIComponent(id)}/read`, { method: 'POST' });
}

export function markInboxRead(): Promise<void> {
  return sendEmpty('/api/rapport/v1/inbox/read', { method: 'POST' });
}
