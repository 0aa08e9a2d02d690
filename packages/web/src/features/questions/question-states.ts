import type { QuestionState } from '@rapport/schema';

export const QUESTION_STATES: readonly QuestionState[] = ['unanswered', 'answered', 'accepted'];

export const STATE_LABELS = {
  unanswered: 'questions.state.unanswered',
  answered: 'questions.state.answered',
  accepted: 'questions.state.accepted',
} as const satisfies Record<QuestionState, string>;

export const TAB_LABELS = {
  unanswered: 'questions.tab.unanswered',
  answered: 'questions.tab.answered',
  accepted: 'questions.tab.accepted',
} as const satisfies Record<QuestionState, string>;

export function stateOf(value: string | null): QuestionState {
  return QUESTION_STATES.includes(value as QuestionState) ? (value as QuestionState) : 'unanswered';
}
