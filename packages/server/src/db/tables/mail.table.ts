/** Mail waiting to go out (sent mail is deleted; mail given up on keeps `failed_at`). */
export interface MailOutboxTable {
  id: number;
  kind: string;
  account_id: number | null;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  /** Extra headers as JSON, e.g. List-Unsubscribe. */
  headers: string;
  attempts: number;
  next_attempt_at: number;
  last_error: string | null;
  failed_at: number | null;
  created_at: number;
}

/** One digest per person and period (`daily:YYYY-MM-DD`, `weekly:YYYY-MM-DD`), sent or empty. */
export interface DigestRunsTable {
  account_id: number;
  period: string;
  until_id: number | null;
  items: number;
  created_at: number;
}

/** A password reset link: only the SHA-256 of its token is kept. */
export interface PasswordResetsTable {
  id: number;
  account_id: number;
  token_hash: string;
  expires_at: number;
  used_at: number | null;
  created_at: number;
}
