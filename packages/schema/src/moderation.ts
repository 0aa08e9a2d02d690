import { z } from 'zod';
import { Account } from './accounts';
import { DateTime, FormBoolean, Id, PageQuery } from './common';
import { CommunityRef } from './communities';
import { REPORT_LIMITS } from './limits';

/** Mastodon's report categories. */
export const ReportCategory = z.enum(['spam', 'legal', 'violation', 'other']);
export type ReportCategory = z.infer<typeof ReportCategory>;

/**
 * What a moderator does with a report: hide the statuses (only their author still sees
 * them), remove them (deleted), dismiss the report, or suspend the account (admins only).
 */
export const ModerationAction = z.enum(['hide', 'remove', 'dismiss', 'suspend']);
export type ModerationAction = z.infer<typeof ModerationAction>;

/** `POST /api/v1/reports` as Mastodon takes it. */
export const CreateReportInput = z.object({
  account_id: Id,
  status_ids: z
    .preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(Id))
    .pipe(z.array(Id).max(REPORT_LIMITS.statuses))
    .optional(),
  comment: z.string().max(REPORT_LIMITS.comment).optional(),
  category: ReportCategory.optional(),
  forward: FormBoolean.optional(),
  rule_ids: z.array(z.string()).optional(),
});
export type CreateReportInput = z.infer<typeof CreateReportInput>;

/** Mastodon's Report, as the person who filed it sees it. */
export const Report = z.object({
  id: Id,
  action_taken: z.boolean(),
  action_taken_at: DateTime.nullable(),
  category: ReportCategory,
  comment: z.string(),
  forwarded: z.boolean(),
  created_at: DateTime,
  status_ids: z.array(Id).nullable(),
  rule_ids: z.array(z.string()).nullable(),
  target_account: Account,
});
export type Report = z.infer<typeof Report>;

/** A reported status as it was when reported. */
export const ReportedStatus = z.object({
  id: Id,
  content: z.string(),
  spoiler_text: z.string(),
  created_at: DateTime,
  /** Still there (not removed), and where it can be opened. */
  exists: z.boolean(),
  hidden: z.boolean(),
});

/** A report in the moderation queue. */
export const ModerationReport = z.object({
  id: Id,
  category: ReportCategory,
  comment: z.string(),
  created_at: DateTime,
  account: Account,
  target_account: Account,
  community: CommunityRef.nullable(),
  statuses: z.array(ReportedStatus),
  action: ModerationAction.nullable(),
  action_reason: z.string(),
  action_taken_at: DateTime.nullable(),
  action_taken_by: Account.nullable(),
  /** The actions this viewer may take on it. */
  allowed_actions: z.array(ModerationAction),
});
export type ModerationReport = z.infer<typeof ModerationReport>;

/** Whose reports the viewer works on: every report (admins), or those of these communities. */
export const ModerationScope = z.object({
  all: z.boolean(),
  community_ids: z.array(z.string()),
});
export type ModerationScope = z.infer<typeof ModerationScope>;

export const ModerationQueueQuery = PageQuery.extend({
  state: z.enum(['open', 'resolved']).optional(),
});

export const ModerationActionInput = z.object({
  action: ModerationAction,
  /** Told to the author; required unless the report is dismissed. */
  reason: z.string().max(REPORT_LIMITS.reason).optional(),
});
export type ModerationActionInput = z.infer<typeof ModerationActionInput>;

/** What the author of reported content is told: what was done, why, to what. */
export const ModerationNotice = z.object({
  id: Id,
  action: ModerationAction,
  reason: z.string(),
  created_at: DateTime,
  statuses: z.array(ReportedStatus),
});
export type ModerationNotice = z.infer<typeof ModerationNotice>;
