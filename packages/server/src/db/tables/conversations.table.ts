/** One participant's view of a thread of direct statuses (Mastodon's conversation). */
export interface AccountConversationsTable {
  id: number;
  account_id: number;
  thread_id: number;
  /** JSON array of the other participants' ids. */
  participant_ids: string;
  last_status_id: number;
  unread: number;
  updated_at: number;
}
