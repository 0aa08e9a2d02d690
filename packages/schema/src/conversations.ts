import { z } from 'zod';
import { Account } from './accounts';
import { Id } from './common';
import { Status } from './statuses';

/**
 * Mastodon's conversation: a thread of direct statuses as one participant sees it. The
 * participants are the other people in it; `unread` until the participant reads it.
 */
export const Conversation = z.object({
  id: Id,
  unread: z.boolean(),
  accounts: z.array(Account),
  last_status: Status.nullable(),
});
export type Conversation = z.infer<typeof Conversation>;
