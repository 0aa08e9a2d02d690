import type { ModerationAction, ReportCategory } from '@rapport/schema';

/** A report: someone asks moderators to look at an account and some of its statuses. */
export interface ReportsTable {
  id: number;
  account_id: number;
  target_account_id: number;
  category: ReportCategory;
  comment: string;
  community_id: number | null;
  /** What a moderator did; null while the report is open. */
  action: ModerationAction | null;
  action_reason: string;
  action_taken_by_id: number | null;
  action_taken_at: number | null;
  created_at: number;
}

/** A reported status as it was when reported. */
export interface ReportStatusesTable {
  report_id: number;
  status_id: number;
  content: string;
  spoiler_text: string;
  created_at: number;
}
