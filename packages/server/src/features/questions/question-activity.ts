import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { recordInteractions } from '../interactions/interactions.queries';
import { announceStatusUpdated } from '../statuses/statuses.events';
import type { StatusRow } from '../statuses/statuses.queries';
import {
  answerStats,
  countAnswer,
  findAuthorOf,
  insertQuestion,
  lockQuestion,
  updateQuestion,
} from './questions.queries';

/**
 * How posting and deleting statuses keeps questions in step. `createStatus` and
 * `deleteStatus` call these inside their transactions and announce after commit.
 */
export type QuestionActivity =
  | { kind: 'asked'; question: StatusRow }
  | { kind: 'answered'; questionId: number; answer: StatusRow; first: boolean };

/**
 * A new question gets its row; a direct reply to a question by anyone but the asker is an
 * answer: it is counted and recorded as an `answer` interaction (answerer towards asker).
 */
export async function trackQuestionActivity(
  trx: Db,
  status: StatusRow,
  parent: StatusRow | undefined,
): Promise<QuestionActivity | null> {
  if (status.kind === 'question') {
    await insertQuestion(trx, {
      statusId: status.id,
      communityId: status.community_id,
      at: status.created_at,
    });
    return { kind: 'asked', question: status };
  }
  if (parent?.kind !== 'question' || parent.account_id === status.account_id) {
    return null;
  }
  const counted = await countAnswer(trx, parent.id, status.created_at);
  if (!counted) return null;
  await recordInteractions(trx, [
    {
      kind: 'answer',
      actorId: status.account_id,
      targetId: parent.account_id,
      subjectType: 'status',
      subjectId: status.id,
      communityId: status.community_id,
      at: status.created_at,
    },
  ]);
  return {
    kind: 'answered',
    questionId: parent.id,
    answer: status,
    first: counted.answers_count === 1,
  };
}

/**
 * After commit: the typed event, and for an answer the question's new state to the streams
 * (lists of unanswered questions and open threads update live).
 */
export async function announceQuestionActivity(
  ctx: AppContext,
  activity: QuestionActivity | null,
): Promise<void> {
  if (!activity) return;
  if (activity.kind === 'asked') {
    const { question } = activity;
    ctx.events.emit({
      type: 'question.asked',
      question_id: String(question.id),
      account_id: String(question.account_id),
      community_id: question.community_id === null ? null : String(question.community_id),
    });
    return;
  }
  ctx.events.emit({
    type: 'question.answered',
    question_id: String(activity.questionId),
    answer_id: String(activity.answer.id),
    account_id: String(activity.answer.account_id),
    first: activity.first,
  });
  await announceStatusUpdated(ctx, activity.questionId);
}

/**
 * An answer being deleted: its question's counters are recounted without it, and an
 * acceptance of it is withdrawn. Answers the question's id (to announce), or null when the
 * status was not an answer.
 */
export async function forgetAnswer(trx: Db, status: StatusRow): Promise<number | null> {
  if (status.in_reply_to_id === null) return null;
  const question = await lockQuestion(trx, status.in_reply_to_id);
  if (!question) return null;
  const askerId = await findAuthorOf(trx, question.status_id);
  if (askerId === undefined || askerId === status.account_id) return null;
  const left = await answerStats(trx, { id: question.status_id, askerId }, status.id);
  const stillAccepted =
    question.accepted_answer_id !== null && question.accepted_answer_id !== status.id;
  await updateQuestion(trx, question.status_id, {
    answers_count: left.count,
    first_answer_at: left.first,
    last_answer_at: left.last,
    ...(stillAccepted ? {} : { accepted_answer_id: null, accepted_by_id: null, accepted_at: null }),
    state: stillAccepted ? 'accepted' : left.count > 0 ? 'answered' : 'unanswered',
  });
  return question.status_id;
}
