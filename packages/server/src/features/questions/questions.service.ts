import type { QuestionState, Status } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { IdPage } from '../../db/pagination';
import { HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { recordInteractions } from '../interactions/interactions.queries';
import { insertNotification } from '../notifications/notifications.queries';
import { announceStatusUpdated } from '../statuses/statuses.events';
import { presentStatuses } from '../statuses/statuses.present';
import { findStatusById, type StatusRow } from '../statuses/statuses.queries';
import { getVisibleStatus, viewerCanSee } from '../statuses/statuses.service';
import { mutedIds } from '../statuses/thread.service';
import { loadCommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import {
  deleteVote,
  findCommunityRole,
  findQuestion,
  insertVote,
  lockQuestion,
  type QuestionRow,
  questionsPage,
  updateQuestion,
} from './questions.queries';

export interface VisibleQuestion {
  status: StatusRow;
  question: QuestionRow;
}

/** The same 404 whether the status is hidden, missing or not of the kind asked for. */
async function visibleOr404(ctx: AppContext, viewer: Viewer, id: number, what: string) {
  try {
    return await getVisibleStatus(ctx, viewer, id);
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) throw notFound(what);
    throw error;
  }
}

/** A question the viewer may see; 404 otherwise (and for a status that is not a question). */
export async function getVisibleQuestion(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<VisibleQuestion> {
  const status = await visibleOr404(ctx, viewer, id, 'Question');
  const question = status.kind === 'question' ? await findQuestion(ctx.db, id) : undefined;
  if (!question) throw notFound('Question');
  return { status, question };
}

/**
 * An answer (a direct reply to a question, by someone other than the asker) the viewer may
 * see, with its question, which they must be able to see too; 404 otherwise.
 */
export async function getVisibleAnswer(ctx: AppContext, viewer: Viewer, id: number) {
  const answer = await visibleOr404(ctx, viewer, id, 'Answer');
  if (answer.in_reply_to_id === null) throw notFound('Answer');
  const parent = await findStatusById(ctx.db, answer.in_reply_to_id);
  if (parent?.kind !== 'question' || parent.account_id === answer.account_id) {
    throw notFound('Answer');
  }
  if (!(await viewerCanSee(ctx.db, viewer, parent))) throw notFound('Answer');
  return { answer, question: parent };
}

/**
 * The asker manages their question (accepts an answer, asks people to answer); so do the
 * owners and moderators of the community it was asked in, who keep its questions answered.
 */
export async function mayManage(
  ctx: AppContext,
  viewer: Viewer,
  question: StatusRow,
): Promise<boolean> {
  if (question.account_id === viewer.id) return true;
  if (question.community_id === null) return false;
  const role = await findCommunityRole(ctx.db, question.community_id, viewer.id);
  return role === 'owner' || role === 'moderator';
}

/** A question (as the viewer sees it) after a change. */
async function present(ctx: AppContext, viewer: Viewer, id: number): Promise<Status> {
  const [status] = await presentStatuses(ctx, viewer, [id]);
  if (!status) throw notFound();
  return status;
}

const stateWithout = (answersCount: number): QuestionState =>
  answersCount > 0 ? 'answered' : 'unanswered';

/**
 * Accepts an answer to a question (or moves the acceptance to another one); `null`
 * withdraws it. The answer's author is notified, the asker's act recorded as an
 * `accepted_answer` interaction (asker towards answerer), and streams hear of both
 * statuses' new state.
 */
export async function acceptAnswer(
  ctx: AppContext,
  viewer: Viewer,
  questionId: number,
  answerId: number | null,
): Promise<Status> {
  const { status } = await getVisibleQuestion(ctx, viewer, questionId);
  if (!(await mayManage(ctx, viewer, status))) {
    throw new HttpError(
      403,
      'forbidden',
      'Only the asker or a moderator of its community can accept an answer',
    );
  }
  if (answerId === null) return withdrawAcceptance(ctx, viewer, status);
  const answer = await findStatusById(ctx.db, answerId);
  const isAnswer =
    answer !== undefined &&
    answer.in_reply_to_id === status.id &&
    answer.account_id !== status.account_id &&
    (await viewerCanSee(ctx.db, viewer, answer));
  if (!answer || !isAnswer) {
    throw validationFailed({ answer_id: ['must be an answer to this question'] });
  }

  const now = Date.now();
  const changed = await ctx.db.transaction().execute(async (trx) => {
    const question = await lockQuestion(trx, status.id);
    if (!question) throw notFound('Question');
    if (question.accepted_answer_id === answer.id) return null;
    await updateQuestion(trx, status.id, {
      accepted_answer_id: answer.id,
      accepted_by_id: viewer.id,
      accepted_at: now,
      state: 'accepted',
    });
    await recordInteractions(trx, [
      {
        kind: 'accepted_answer',
        actorId: status.account_id,
        targetId: answer.account_id,
        subjectType: 'status',
        subjectId: answer.id,
        communityId: status.community_id,
        at: now,
      },
    ]);
    const notificationId = await insertNotification(trx, {
      accountId: answer.account_id,
      type: 'answer_accepted',
      fromAccountId: viewer.id,
      statusId: answer.id,
    });
    return { previous: question.accepted_answer_id, notificationId };
  });
  if (changed) {
    ctx.events.emit({
      type: 'question.answer_accepted',
      question_id: String(status.id),
      answer_id: String(answer.id),
      previous_answer_id: changed.previous === null ? null : String(changed.previous),
      by_id: String(viewer.id),
    });
    if (changed.notificationId !== null) {
      ctx.events.emit({
        type: 'notification.created',
        notification_id: String(changed.notificationId),
        account_id: String(answer.account_id),
      });
    }
    for (const id of [status.id, answer.id, changed.previous]) {
      if (id !== null) await announceStatusUpdated(ctx, id);
    }
  }
  return present(ctx, viewer, status.id);
}

async function withdrawAcceptance(
  ctx: AppContext,
  viewer: Viewer,
  status: StatusRow,
): Promise<Status> {
  const withdrawn = await ctx.db.transaction().execute(async (trx) => {
    const question = await lockQuestion(trx, status.id);
    if (!question) throw notFound('Question');
    if (question.accepted_answer_id === null) return null;
    await updateQuestion(trx, status.id, {
      accepted_answer_id: null,
      accepted_by_id: null,
      accepted_at: null,
      state: stateWithout(question.answers_count),
    });
    return question.accepted_answer_id;
  });
  if (withdrawn !== null) {
    ctx.events.emit({
      type: 'question.answer_unaccepted',
      question_id: String(status.id),
      answer_id: String(withdrawn),
      by_id: String(viewer.id),
    });
    await announceStatusUpdated(ctx, status.id);
    await announceStatusUpdated(ctx, withdrawn);
  }
  return present(ctx, viewer, status.id);
}

/**
 * One vote per person for an answer, never for one's own; recorded as an `answer_vote`
 * interaction (voter towards answerer). A second vote is refused and changes nothing.
 */
export async function voteForAnswer(
  ctx: AppContext,
  viewer: Viewer,
  answerId: number,
): Promise<Status> {
  const { answer, question } = await getVisibleAnswer(ctx, viewer, answerId);
  if (answer.account_id === viewer.id) {
    throw new HttpError(
      422,
      'validation_failed',
      'Validation failed: You cannot vote for your own answer',
    );
  }
  const now = Date.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await insertVote(trx, { answerId, accountId: viewer.id, at: now }))) {
      throw new HttpError(
        422,
        'validation_failed',
        'Validation failed: You have already voted for this answer',
      );
    }
    await recordInteractions(trx, [
      {
        kind: 'answer_vote',
        actorId: viewer.id,
        targetId: answer.account_id,
        subjectType: 'status',
        subjectId: answer.id,
        communityId: answer.community_id,
        at: now,
      },
    ]);
  });
  ctx.events.emit({
    type: 'answer.voted',
    answer_id: String(answer.id),
    question_id: String(question.id),
    account_id: String(viewer.id),
  });
  await announceStatusUpdated(ctx, answer.id);
  return present(ctx, viewer, answer.id);
}

/** Takes the viewer's vote back; without a vote it changes nothing and answers the same. */
export async function withdrawVote(
  ctx: AppContext,
  viewer: Viewer,
  answerId: number,
): Promise<Status> {
  const { answer, question } = await getVisibleAnswer(ctx, viewer, answerId);
  if (await deleteVote(ctx.db, answer.id, viewer.id)) {
    ctx.events.emit({
      type: 'answer.unvoted',
      answer_id: String(answer.id),
      question_id: String(question.id),
      account_id: String(viewer.id),
    });
    await announceStatusUpdated(ctx, answer.id);
  }
  return present(ctx, viewer, answer.id);
}

export interface QuestionsList {
  statuses: Status[];
  /** The candidate ids the Link header continues from (before filtering). */
  ids: number[];
}

/**
 * Questions newest first, by state, organisation-wide or in one community, as the viewer
 * may see them (`presentStatuses` applies `canSee`; muted people's questions are left out).
 * A community whose content the viewer may not read is a 404.
 */
export async function listQuestions(
  ctx: AppContext,
  viewer: Viewer,
  filter: { state: QuestionState | undefined; communityId: number | undefined },
  page: IdPage,
): Promise<QuestionsList> {
  if (filter.communityId !== undefined) {
    const access = (await loadCommunityAccess(ctx.db, viewer.id, [filter.communityId])).get(
      filter.communityId,
    );
    if (!access || !canSee(viewer, { kind: 'community_content', ...access })) {
      throw notFound('Community');
    }
  }
  const ids = await questionsPage(ctx.db, { ...filter, viewer }, page);
  const muted = await mutedIds(ctx, viewer.id);
  return { statuses: await presentStatuses(ctx, viewer, ids, { muted }), ids };
}
