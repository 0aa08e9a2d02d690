import type { QuestionState } from '@rapport/schema';

/** A question status's state: its answers and the accepted one. */
export interface QuestionsTable {
  status_id: number;
  /** The status's community (copied for the community lists' index). */
  community_id: number | null;
  state: QuestionState;
  accepted_answer_id: number | null;
  accepted_by_id: number | null;
  accepted_at: number | null;
  /** Kept in step by the questions service as answers are posted and deleted. */
  answers_count: number;
  first_answer_at: number | null;
  last_answer_at: number | null;
  created_at: number;
}

/** One person's vote for an answer (a status). */
export interface AnswerVotesTable {
  status_id: number;
  account_id: number;
  created_at: number;
}
