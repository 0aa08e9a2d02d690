import type {
  ModerationAction,
  ModerationNotice,
  ModerationReport,
  ModerationScope,
  Report,
  ReportCategory,
} from '@rapport/schema';
import { type Page, sendJson, sendPage } from './client';

const MODERATION = '/api/rapport/v1/moderation';

export type ReportQueueState = 'open' | 'resolved';

export interface FileReportInput {
  account_id: string;
  status_ids?: string[];
  comment?: string;
  category: ReportCategory;
}

/** Mastodon's `POST /api/v1/reports`: anyone may report an account and some of its statuses. */
export function fileReport(input: FileReportInput): Promise<Report> {
  return sendJson<Report>('/api/v1/reports', { method: 'POST', json: input });
}

/** Whose reports the viewer works on: all (admins), some communities', or none. */
export function getModerationScope(): Promise<ModerationScope> {
  return sendJson<ModerationScope>(`${MODERATION}/scope`);
}

/** The queue, newest first; 403 for someone who moderates nothing. */
export function listReports(
  state: ReportQueueState,
  next?: string | null,
): Promise<Page<ModerationReport>> {
  if (next) return sendPage<ModerationReport>(next);
  return sendPage<ModerationReport>(`${MODERATION}/reports`, { query: { state, limit: 20 } });
}

export function getReport(id: string): Promise<ModerationReport> {
  return sendJson<ModerationReport>(`${MODERATION}/reports/${encodeURIComponent(id)}`);
}

export function actOnReport(
  id: string,
  input: { action: ModerationAction; reason?: string },
): Promise<ModerationReport> {
  return sendJson<ModerationReport>(`${MODERATION}/reports/${encodeURIComponent(id)}/actions`, {
    method: 'POST',
    json: input,
  });
}

/** What the author of reported content is told about a decision on it. */
export function getNotice(id: string): Promise<ModerationNotice> {
  return sendJson<ModerationNotice>(`${MODERATION}/notices/${encodeURIComponent(id)}`);
}
