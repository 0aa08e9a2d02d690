import type { AnswerSummary, Status } from '@rapport/schema';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { AcceptedIcon, VoteIcon } from './question-icons';
import { useAcceptAnswer, useAnswerVote, useMayAccept } from './use-answer-actions';

/**
 * Under an answer: its votes (a vote button for everyone but its author), whether it is
 * the accepted answer, and Accept for the asker and the community's moderators.
 */
export function AnswerBar({ status }: { status: Status }) {
  // Most statuses are not answers: they cost no hooks.
  if (!status.answer) return null;
  return <AnswerControls status={status} answer={status.answer} />;
}

function AnswerControls({ status, answer }: { status: Status; answer: AnswerSummary }) {
  const t = useT();
  const me = useCurrentAccount();
  const vote = useAnswerVote(status);
  const accept = useAcceptAnswer(status.in_reply_to_id ?? '');
  const mayAccept = useMayAccept(status);
  const own = status.account.id === me.id;
  const votes = t('questions.votes', { count: answer.votes_count });

  return (
    <div className="answer-bar">
      {answer.accepted && (
        <span className="answer-accepted">
          <AcceptedIcon size={18} />
          {t('questions.acceptedAnswer')}
        </span>
      )}
      {own ? (
        <span className="answer-votes">
          <VoteIcon size={18} />
          {votes}
        </span>
      ) : (
        <button
          type="button"
          className="answer-vote"
          aria-pressed={answer.voted}
          title={answer.voted ? t('questions.unvote') : t('questions.vote')}
          disabled={vote.isPending}
          onClick={() => vote.mutate(!answer.voted)}
        >
          <VoteIcon size={18} />
          <span className="visually-hidden">{`${t('questions.vote')}: `}</span>
          {votes}
        </button>
      )}
      {mayAccept && (
        <button
          type="button"
          className={
            answer.accepted ? 'button button-ghost button-sm' : 'button button-secondary button-sm'
          }
          disabled={accept.isPending}
          aria-busy={accept.isPending || undefined}
          onClick={() => accept.mutate(answer.accepted ? null : status.id)}
        >
          {answer.accepted ? t('questions.unaccept') : t('questions.accept')}
        </button>
      )}
      {(vote.isError || accept.isError) && (
        <p className="status-notice status-notice-error" role="alert">
          {t('status.actionFailed')}
        </p>
      )}
    </div>
  );
}
