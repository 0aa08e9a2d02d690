import type { Status } from '@rapport/schema';
import { useT } from '../../i18n/I18nProvider';
import { AcceptedIcon, QuestionIcon } from './question-icons';
import { STATE_LABELS } from './question-states';

/** Above a question's text: that it is a question, its state and how many answers it has. */
export function QuestionMark({ status }: { status: Status }) {
  const t = useT();
  const question = status.question;
  if (status.kind !== 'question' || !question) return null;
  return (
    <p className={`question-mark question-mark-${question.state}`}>
      {question.state === 'accepted' ? <AcceptedIcon size={16} /> : <QuestionIcon size={16} />}
      <span className="question-mark-kind">{t('questions.mark')}</span>
      <span aria-hidden="true">·</span>
      <span>{t(STATE_LABELS[question.state])}</span>
      {question.answers_count > 0 && (
        <>
          <span aria-hidden="true">·</span>
          <span>{t('questions.answersCount', { count: question.answers_count })}</span>
        </>
      )}
    </p>
  );
}
