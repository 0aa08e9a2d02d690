import type { ModerationNotice, ModerationReport, Report } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso, toIsoOrNull } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountsByIds } from '../accounts/accounts.queries';
import { loadCommunityAccess } from '../visibility/community-facts';
import {
  findReportStatuses,
  type ReportRow,
  type ReportStatusRow,
  statusStates,
} from './moderation.queries';
import { allowedActions } from './moderation.service';

/** Mastodon's Report, for the person who filed it. */
export async function presentFiledReport(ctx: AppContext, report: ReportRow): Promise<Report> {
  const [target] = await findAccountsByIds(ctx.db, [report.target_account_id]);
  const statuses = await findReportStatuses(ctx.db, [report.id]);
  return {
    id: String(report.id),
    action_taken: report.action_taken_at !== null,
    action_taken_at: toIsoOrNull(report.action_taken_at),
    category: report.category,
    comment: report.comment,
    forwarded: false,
    created_at: toIso(report.created_at),
    status_ids: statuses.length === 0 ? null : statuses.map((row) => String(row.status_id)),
    rule_ids: null,
    target_account: presentAccount(ctx, target as AccountRow),
  };
}

async function reportedStatuses(ctx: AppContext, reports: ReportRow[]) {
  const rows = await findReportStatuses(
    ctx.db,
    reports.map((report) => report.id),
  );
  const states = await statusStates(
    ctx.db,
    rows.map((row) => row.status_id),
  );
  const byReport = new Map<number, ReportStatusRow[]>();
  for (const row of rows)
    byReport.set(row.report_id, [...(byReport.get(row.report_id) ?? []), row]);
  return (reportId: number) =>
    (byReport.get(reportId) ?? []).map((row) => ({
      id: String(row.status_id),
      content: row.content,
      spoiler_text: row.spoiler_text,
      created_at: toIso(row.created_at),
      exists: states.has(row.status_id),
      hidden: states.get(row.status_id)?.hidden ?? false,
    }));
}

/** Reports as moderators work on them, with what each viewer may do. */
export async function presentModerationReports(
  ctx: AppContext,
  viewer: Viewer,
  reports: ReportRow[],
): Promise<ModerationReport[]> {
  const accountIds = reports.flatMap((report) => [
    report.account_id,
    report.target_account_id,
    ...(report.action_taken_by_id === null ? [] : [report.action_taken_by_id]),
  ]);
  const [accounts, statusesOf, communities] = await Promise.all([
    findAccountsByIds(ctx.db, [...new Set(accountIds)]),
    reportedStatuses(ctx, reports),
    loadCommunityAccess(
      ctx.db,
      viewer.id,
      reports.flatMap((report) => (report.community_id === null ? [] : [report.community_id])),
    ),
  ]);
  const byId = new Map(accounts.map((row) => [row.id, presentAccount(ctx, row)]));
  const actions = allowedActions(viewer);
  return reports.flatMap((report) => {
    const account = byId.get(report.account_id);
    const target = byId.get(report.target_account_id);
    if (!account || !target) return [];
    const access = report.community_id === null ? undefined : communities.get(report.community_id);
    return [
      {
        id: String(report.id),
        category: report.category,
        comment: report.comment,
        created_at: toIso(report.created_at),
        account,
        target_account: target,
        community: access
          ? {
              id: String(access.community.id),
              name: access.name,
              privacy: access.community.privacy,
              url: `${ctx.config.publicUrl}/communities/${access.community.id}`,
            }
          : null,
        statuses: statusesOf(report.id),
        action: report.action,
        action_reason: report.action_reason,
        action_taken_at: toIsoOrNull(report.action_taken_at),
        action_taken_by:
          report.action_taken_by_id === null ? null : (byId.get(report.action_taken_by_id) ?? null),
        allowed_actions: report.action_taken_at === null ? actions : [],
      },
    ];
  });
}

export async function presentNotice(ctx: AppContext, report: ReportRow): Promise<ModerationNotice> {
  const statusesOf = await reportedStatuses(ctx, [report]);
  return {
    id: String(report.id),
    action: report.action ?? 'dismiss',
    reason: report.action_reason,
    created_at: toIso(report.action_taken_at ?? report.created_at),
    statuses: statusesOf(report.id),
  };
}
