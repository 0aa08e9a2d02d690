import type { AnswerSummary, QuestionSummary } from '@rapport/schema';
import type { Db } from '../../db/tables';
import { findQuestionFacts } from './questions.queries';

/** What the status presenter knows of each status of a page before adding questions. */
export interface PresentedRow {
  id: number;
  account_id: number;
  kind: 'status' | 'question';
  /** From the status's cached body: whom it replies to, if anyone. */
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
}

export interface QuestionFacts {
  question(row: { id: number; kind: 'status' | 'question' }): QuestionSummary | null;
  /** The answer fields of one of the rows the facts were loaded for. */
  answer(id: number): AnswerSummary | null;
}

const NONE: QuestionFacts = { question: () => null, answer: () => null };

/**
 * The `question` and `answer` fields of a page of statuses, for `presentStatuses`. A page
 * with neither questions nor replies costs nothing; otherwise one query reads the question
 * rows (the page's questions, and the parents of its replies) and the replies' votes.
 * A reply is an answer when its parent is a question and its author is not the asker.
 */
export async function loadQuestionFacts(
  db: Db,
  viewerId: number,
  rows: PresentedRow[],
): Promise<QuestionFacts> {
  const questionIds = new Set<number>();
  const replies = new Map<number, number>();
  for (const row of rows) {
    if (row.kind === 'question') questionIds.add(row.id);
    // The asker's own replies (follow-ups, thanks) are not answers.
    if (row.inReplyToId !== null && row.inReplyToAccountId !== String(row.account_id)) {
      questionIds.add(Number(row.inReplyToId));
      replies.set(row.id, Number(row.inReplyToId));
    }
  }
  if (questionIds.size === 0) return NONE;
  const questions = new Map<number, QuestionSummary>();
  const votes = new Map<number, { count: number; mine: boolean }>();
  for (const fact of await findQuestionFacts(db, viewerId, [...questionIds], [...replies.keys()])) {
    if (fact.kind === 'q') {
      questions.set(Number(fact.id), {
        state: fact.state ?? 'unanswered',
        accepted_answer_id: fact.ref === null ? null : String(fact.ref),
        answers_count: Number(fact.n),
      });
    } else {
      votes.set(Number(fact.id), { count: Number(fact.n), mine: Number(fact.mine) === 1 });
    }
  }
  return {
    question: (row) => (row.kind === 'question' ? (questions.get(row.id) ?? null) : null),
    answer: (id) => {
      const parentId = replies.get(id);
      const parent = parentId === undefined ? undefined : questions.get(parentId);
      if (!parent) return null;
      const vote = votes.get(id);
      return {
        votes_count: vote?.count ?? 0,
        voted: vote?.mine ?? false,
        accepted: parent.accepted_answer_id === String(id),
      };
    },
  };
}
