import type { Status } from '@rapport/schema';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { useCurrentAccount } from '../auth/session';
import { orderAnswers } from './answer-order';
import { SuggestedAnswerers } from './SuggestedAnswerers';

/**
 * What the thread page does differently for a question: answers in their reading order,
 * and after an answer is posted the question (its state and count) is read again.
 */
export function useQuestionThread(main: Status | undefined) {
  const queryClient = useQueryClient();
  const isQuestion = main?.kind === 'question';
  return {
    isQuestion,
    order: (descendants: Status[]) =>
      main && isQuestion ? orderAnswers(main.id, descendants) : descendants,
    onAnswered: () => {
      if (!main || !isQuestion) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.status(main.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.questionLists });
    },
  };
}

/** Under the asker's own unanswered question: the people who may know, to ask them. */
export function AskerPanel({ question }: { question: Status }) {
  const me = useCurrentAccount();
  if (question.account.id !== me.id || question.question?.state !== 'unanswered') return null;
  return (
    <div className="thread-suggested">
      <SuggestedAnswerers questionId={question.id} />
    </div>
  );
}
