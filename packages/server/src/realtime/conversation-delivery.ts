import type { AppContext } from '../context';
import { findConversation } from '../features/conversations/conversations.queries';
import { presentConversations } from '../features/conversations/conversations.service';
import type { StreamConnection } from './connection';

/**
 * Mastodon's `direct` stream: a participant's connections that subscribed to it hear of a
 * conversation as they now see it (the presenter applies the one visibility rule to its
 * people and its newest status). A conversation that is gone is not announced: Mastodon
 * has no event for it, and apps drop it on their next fetch.
 */
export async function deliverConversation(
  ctx: AppContext,
  connections: Iterable<StreamConnection> | undefined,
  accountId: number,
  conversationId: number,
): Promise<void> {
  const listeners = [...(connections ?? [])].filter(
    (connection) => !connection.loading && connection.streams.has('direct'),
  );
  const first = listeners[0];
  if (!first) return;
  const row = await findConversation(ctx.db, accountId, conversationId);
  if (!row) return;
  const [conversation] = await presentConversations(ctx, first.viewer, [row]);
  if (!conversation) return;
  const payload = JSON.stringify(JSON.stringify(conversation));
  for (const connection of listeners) {
    const prefix = connection.streams.get('direct');
    connection.send(Buffer.from(`${prefix}"conversation","payload":${payload}}`));
  }
}
