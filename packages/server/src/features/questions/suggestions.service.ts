import { type Expert, QUESTION_LIMITS } from '@rapport/schema';
import type { AppContext } from '../../context';
import { HttpError, validationFailed } from '../../errors';
import { type Viewer, viewerFrom } from '../../http/auth';
import { type AccountRow, findAccountById, findAccountsByIds } from '../accounts/accounts.queries';
import { rankExperts } from '../expertise/expertise.service';
import { questionTopics } from '../expertise/topics';
import { insertNotification } from '../notifications/notifications.queries';
import { findTagsOfStatuses } from '../statuses/statuses.present.queries';
import type { StatusRow } from '../statuses/statuses.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { whoMaySee } from './question-audience';
import { alreadyAsked, answererIds } from './questions.queries';
import { getVisibleQuestion, mayManage } from './questions.service';

/**
 * Who should be offered to someone looking at this question: people the asker may see
 * (and the viewer, when someone else looks), who may see the question themselves.
 */
async function eligible(ctx: AppContext, question: StatusRow, viewer: Viewer, rows: AccountRow[]) {
  const asker = await findAccountById(ctx.db, question.account_id);
  if (!asker) return [];
  let kept = await visibleAccounts(ctx.db, viewerFrom(asker), rows);
  if (viewer.id !== asker.id) kept = await visibleAccounts(ctx.db, viewer, kept);
  return whoMaySee(ctx.db, question, kept);
}

/**
 * People likely to know the answer: the expertise ranking on the question's topic (its
 * hashtags and most specific words), as the viewer may see the evidence, leaving out the
 * asker, people who already answered, and anyone who could not read the question.
 */
export async function suggestAnswerers(
  ctx: AppContext,
  viewer: Viewer,
  questionId: number,
): Promise<Expert[]> {
  const { status } = await getVisibleQuestion(ctx, viewer, questionId);
  const tags = await findTagsOfStatuses(ctx.db, [status.id]);
  const topics = questionTopics(
    `${status.spoiler_text}\n${status.text}`,
    tags.map((tag) => tag.name),
  );
  if (topics.length === 0) return [];
  const exclude = await answererIds(ctx.db, status.id);
  exclude.add(status.account_id);
  return rankExperts(ctx, viewer, topics, {
    limit: QUESTION_LIMITS.suggestions,
    exclude,
    admit: (rows) => eligible(ctx, status, viewer, rows),
  });
}

/**
 * "Ask them": the asker (or a moderator of the question's community) asks these people
 * to answer, with a `question_suggested` notification each. Every one must be someone
 * they may see and who may see the question; otherwise nothing is sent. People already
 * asked about this question are not asked twice.
 */
export async function notifyAnswerers(
  ctx: AppContext,
  viewer: Viewer,
  questionId: number,
  accountIds: number[],
): Promise<number[]> {
  const { status } = await getVisibleQuestion(ctx, viewer, questionId);
  if (!(await mayManage(ctx, viewer, status))) {
    throw new HttpError(
      403,
      'forbidden',
      'Only the asker or a moderator of its community can ask people to answer',
    );
  }
  const wanted = [...new Set(accountIds)];
  const rows = await findAccountsByIds(ctx.db, wanted);
  const allowed = await eligible(
    ctx,
    status,
    viewer,
    rows.filter((row) => row.id !== status.account_id),
  );
  if (allowed.length !== wanted.length) {
    throw validationFailed({ account_ids: ['must be people who may see the question'] });
  }
  const asked = await alreadyAsked(ctx.db, status.id, wanted);
  const sent = await ctx.db.transaction().execute(async (trx) => {
    const notified: Array<{ id: number; accountId: number }> = [];
    for (const accountId of wanted) {
      if (asked.has(accountId)) continue;
      const id = await insertNotification(trx, {
        accountId,
        type: 'question_suggested',
        fromAccountId: viewer.id,
        statusId: status.id,
      });
      if (id !== null) notified.push({ id, accountId });
    }
    return notified;
  });
  for (const notification of sent) {
    ctx.events.emit({
      type: 'notification.created',
      notification_id: String(notification.id),
      account_id: String(notification.accountId),
    });
  }
  if (sent.length > 0) {
    ctx.events.emit({
      type: 'question.answerers_notified',
      question_id: String(status.id),
      account_ids: sent.map((n) => String(n.accountId)),
      by_id: String(viewer.id),
    });
  }
  return sent.map((n) => n.accountId);
}
