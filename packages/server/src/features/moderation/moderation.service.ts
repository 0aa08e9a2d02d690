import type { CreateReportInput, ModerationAction, ModerationActionInput } from '@rapport/schema';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import type { IdPage } from '../../db/pagination';
import { forbidden, HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { getVisibleAccount } from '../accounts/accounts.service';
import { suspendAccount } from '../admin/admin.service';
import { insertNotification } from '../notifications/notifications.queries';
import { removeStatus } from '../statuses/status-removal.service';
import { findStatusById, type StatusRow } from '../statuses/statuses.queries';
import { getVisibleStatus } from '../statuses/statuses.service';
import {
  activeAdminIds,
  communityModeratorIds,
  findReport,
  findReportStatuses,
  hideStatuses,
  insertReport,
  listReports,
  moderatedCommunityIds,
  type ReportRow,
  resolveReport,
} from './moderation.queries';

/**
 * Files a report about an account and (optionally) some of its statuses the reporter can
 * see. The statuses are kept as they were, so a removal does not erase the evidence.
 * Admins hear of every report; a community's owners and moderators of reports about it.
 */
export async function fileReport(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateReportInput,
): Promise<ReportRow> {
  const targetId = Number(input.account_id);
  if (targetId === viewer.id) throw validationFailed({ account_id: ['cannot be yourself'] });
  const target = await getVisibleAccount(ctx, viewer, targetId);
  const statuses: StatusRow[] = [];
  for (const id of new Set(input.status_ids ?? [])) {
    const status = await getVisibleStatus(ctx, viewer, Number(id)).catch(() => undefined);
    if (!status || status.account_id !== target.id) {
      throw validationFailed({ status_ids: ['must be statuses of the reported account'] });
    }
    statuses.push(status);
  }
  const communities = new Set(statuses.map((status) => status.community_id));
  const communityId = communities.size === 1 ? ([...communities][0] ?? null) : null;
  const now = Date.now();
  const report: ReportRow = {
    id: newId(),
    account_id: viewer.id,
    target_account_id: target.id,
    category: input.category ?? 'other',
    comment: input.comment?.trim() ?? '',
    community_id: communityId,
    action: null,
    action_reason: '',
    action_taken_by_id: null,
    action_taken_at: null,
    created_at: now,
  };
  const told = await ctx.db.transaction().execute(async (trx) => {
    await insertReport(
      trx,
      report,
      statuses.map((status) => ({
        report_id: report.id,
        status_id: status.id,
        content: status.content,
        spoiler_text: status.spoiler_text,
        created_at: status.created_at,
      })),
    );
    const moderators = new Set([
      ...(await activeAdminIds(trx)),
      ...(communityId === null ? [] : await communityModeratorIds(trx, communityId)),
    ]);
    moderators.delete(target.id);
    const notified: Array<{ id: number; accountId: number }> = [];
    for (const accountId of moderators) {
      const id = await insertNotification(trx, {
        accountId,
        type: 'admin.report',
        fromAccountId: viewer.id,
        statusId: null,
        subject: {
          type: 'report',
          id: report.id,
          title: `@${target.username}`,
          path: `/moderation/reports/${report.id}`,
          communityId: null,
        },
      });
      if (id !== null) notified.push({ id, accountId });
    }
    return notified;
  });
  ctx.events.emit({
    type: 'report.created',
    report_id: String(report.id),
    by_id: String(viewer.id),
    community_id: communityId === null ? null : String(communityId),
  });
  for (const n of told) {
    ctx.events.emit({
      type: 'notification.created',
      notification_id: String(n.id),
      account_id: String(n.accountId),
    });
  }
  return report;
}

/** Which reports the viewer may work on: all (admins), those of the communities they moderate. */
async function reach(ctx: AppContext, viewer: Viewer): Promise<number[] | 'all'> {
  if (viewer.role === 'admin') return 'all';
  return moderatedCommunityIds(ctx.db, viewer.id);
}

/** Whose reports the viewer works on, so the app shows the queue only to those who have one. */
export async function moderationScope(
  ctx: AppContext,
  viewer: Viewer,
): Promise<{ all: boolean; communityIds: number[] }> {
  const communityIds = await reach(ctx, viewer);
  return communityIds === 'all' ? { all: true, communityIds: [] } : { all: false, communityIds };
}

/** The moderation queue; someone who moderates nothing is told so. */
export async function moderationQueue(
  ctx: AppContext,
  viewer: Viewer,
  state: 'open' | 'resolved',
  page: IdPage,
): Promise<ReportRow[]> {
  const communityIds = await reach(ctx, viewer);
  if (communityIds !== 'all' && communityIds.length === 0) {
    throw forbidden('Only admins and community moderators work the moderation queue');
  }
  return listReports(ctx.db, { communityIds, state }, page);
}

/** A report the viewer may work on; anyone else is told it does not exist. */
export async function getModeratedReport(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<ReportRow> {
  const report = await findReport(ctx.db, id);
  const communityIds = await reach(ctx, viewer);
  const allowed =
    report !== undefined &&
    (communityIds === 'all' ||
      (report.community_id !== null && communityIds.includes(report.community_id)));
  if (!report || !allowed) throw notFound('Report');
  return report;
}

/** Community moderators hide, remove and dismiss; suspending an account is for admins. */
export function allowedActions(viewer: Viewer): ModerationAction[] {
  return viewer.role === 'admin'
    ? ['hide', 'remove', 'dismiss', 'suspend']
    : ['hide', 'remove', 'dismiss'];
}

const TOLD: Record<Exclude<ModerationAction, 'dismiss'>, string> = {
  hide: 'Your content was hidden by a moderator',
  remove: 'Your content was removed by a moderator',
  suspend: 'Your account was suspended',
};

/**
 * Acts on an open report and closes it, telling the author of the reported content what
 * happened and why (except for a dismissal, which changes nothing for them).
 */
export async function actOnReport(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: ModerationActionInput,
): Promise<ReportRow> {
  const report = await getModeratedReport(ctx, viewer, id);
  if (!allowedActions(viewer).includes(input.action)) {
    throw forbidden('Only admins suspend accounts');
  }
  if (report.action_taken_at !== null) {
    throw new HttpError(422, 'validation_failed', 'This report has already been handled');
  }
  const reason = input.reason?.trim() ?? '';
  if (input.action !== 'dismiss' && reason === '') {
    throw validationFailed({ reason: ['is required: the author is told why'] });
  }
  const statusIds = (await findReportStatuses(ctx.db, [report.id])).map((row) => row.status_id);
  if ((input.action === 'hide' || input.action === 'remove') && statusIds.length === 0) {
    throw validationFailed({ action: ['needs reported statuses; this report names none'] });
  }
  const now = Date.now();
  if (input.action === 'suspend') await suspendAccount(ctx, viewer, report.target_account_id);
  if (input.action === 'remove') {
    for (const statusId of statusIds) {
      const status = await findStatusById(ctx.db, statusId);
      if (status) await removeStatus(ctx, status);
    }
  }
  const notified = await ctx.db.transaction().execute(async (trx) => {
    const closed = await resolveReport(trx, report.id, {
      action: input.action,
      action_reason: reason,
      action_taken_by_id: viewer.id,
      action_taken_at: now,
    });
    if (!closed) {
      throw new HttpError(422, 'validation_failed', 'This report has already been handled');
    }
    if (input.action === 'dismiss') return null;
    if (input.action === 'hide') await hideStatuses(trx, statusIds, reason, now);
    return insertNotification(trx, {
      accountId: report.target_account_id,
      type: 'moderation_warning',
      fromAccountId: viewer.id,
      statusId: null,
      subject: {
        type: 'moderation',
        id: report.id,
        title: `${TOLD[input.action]}: ${reason}`,
        path: `/moderation/notices/${report.id}`,
        communityId: null,
      },
    });
  });
  ctx.events.emit({
    type: 'report.resolved',
    report_id: String(report.id),
    action: input.action,
    by_id: String(viewer.id),
  });
  if (notified !== null) {
    ctx.events.emit({
      type: 'notification.created',
      notification_id: String(notified),
      account_id: String(report.target_account_id),
    });
  }
  return {
    ...report,
    action: input.action,
    action_reason: reason,
    action_taken_by_id: viewer.id,
    action_taken_at: now,
  };
}

/** What the author of reported content may read about a decision on it. */
export async function moderationNotice(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<ReportRow> {
  const report = await findReport(ctx.db, id);
  if (
    !report ||
    report.target_account_id !== viewer.id ||
    report.action === null ||
    report.action === 'dismiss'
  ) {
    throw notFound('Notice');
  }
  return report;
}
