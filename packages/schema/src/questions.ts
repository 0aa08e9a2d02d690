import { z } from 'zod';
import { Account } from './accounts';
import { DateTime, FormInt, Id, PageQuery } from './common';

/**
 * Rapport's questions and answers. A question is a status posted with `kind: 'question'`;
 * a direct reply to it by anyone but the asker is an answer. One answer can be accepted.
 *
 * `unanswered`: no answer yet; `answered`: answers, none accepted; `accepted`: one accepted.
 */
export const QuestionState = z.enum(['unanswered', 'answered', 'accepted']);
export type QuestionState = z.infer<typeof QuestionState>;

/** What a question status carries besides the status itself (`Status.question`). */
export const QuestionSummary = z.object({
  state: QuestionState,
  accepted_answer_id: Id.nullable(),
  answers_count: z.number().int(),
});
export type QuestionSummary = z.infer<typeof QuestionSummary>;

/** What an answer carries (`Status.answer`): its votes, the viewer's vote, its acceptance. */
export const AnswerSummary = z.object({
  votes_count: z.number().int(),
  voted: z.boolean(),
  accepted: z.boolean(),
});
export type AnswerSummary = z.infer<typeof AnswerSummary>;

/** `GET /api/rapport/v1/questions`: newest first; every state when `state` is left out. */
export const QuestionsQuery = PageQuery.extend({
  state: z
    .enum(QuestionState.options, { error: () => 'must be unanswered, answered or accepted' })
    .optional(),
  community_id: Id.optional(),
});

/** `POST /api/rapport/v1/questions/:id/accept`: `null` withdraws the acceptance. */
export const AcceptAnswerInput = z.object({
  answer_id: Id.nullable(),
});

export const QUESTION_LIMITS = {
  /** People notified in one "ask them" click. */
  notifyPerRequest: 20,
  suggestions: 10,
} as const;

const oneOrMany = (value: unknown) => (typeof value === 'string' ? [value] : value);

/** `POST /api/rapport/v1/questions/:id/suggested_answerers/notify`. */
export const NotifyAnswerersInput = z.object({
  account_ids: z.preprocess(
    oneOrMany,
    z
      .array(Id, { error: 'must list the people to ask' })
      .min(1, 'must list the people to ask')
      .max(
        QUESTION_LIMITS.notifyPerRequest,
        `can name at most ${QUESTION_LIMITS.notifyPerRequest} people at once`,
      ),
  ),
});

export const NotifiedAnswerers = z.object({
  /** Who was told now (people already asked about this question are not told twice). */
  notified_ids: z.array(Id),
});

/**
 * Why someone ranks as knowing about a topic: an accepted answer, an answer, a knowledge
 * page, a status on the topic, or a skill on their profile. `id` is the status or page
 * (null for a skill); `at` when it was written (null for a skill); `url` where to read it.
 */
export const EvidenceKind = z.enum(['accepted_answer', 'answer', 'page', 'status', 'skill']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

export const Evidence = z.object({
  kind: EvidenceKind,
  id: Id.nullable(),
  title: z.string(),
  at: DateTime.nullable(),
  url: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** A person ranked for a topic, with the evidence that placed them. */
export const Expert = z.object({
  account: Account,
  score: z.number(),
  evidence: z.array(Evidence),
});
export type Expert = z.infer<typeof Expert>;

/** `GET /api/rapport/v1/experts`. */
export const ExpertsQuery = z.object({
  topic: z
    .string({ error: "can't be blank" })
    .trim()
    .min(1, "can't be blank")
    .max(100, 'must be at most 100 characters'),
  limit: FormInt.pipe(z.number().int().min(1).max(40)).optional(),
});
