import type { Poll } from '@rapport/schema';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { getPoll } from '../../api/statuses';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/FormMessage';
import { CheckIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { formatTimeLeft } from '../../i18n/relative-time';
import { useNow } from '../../i18n/use-now';
import { pollResults } from './poll-results';
import { updateCachedStatus } from './status-cache';
import { useVote } from './use-status-actions';

function PollResults({ poll }: { poll: Poll }) {
  const t = useT();
  return (
    <ul className="poll-results">
      {pollResults(poll).map((option, index) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by position
          key={index}
          className={option.leading ? 'poll-result poll-result-leading' : 'poll-result'}
        >
          <div className="poll-result-label">
            <span className="poll-result-percent">
              {t('poll.percent', { percent: option.percent })}
            </span>
            <span className="poll-result-title">{option.title}</span>
            {option.chosen && (
              <span className="poll-result-chosen">
                <CheckIcon size={16} />
                <span className="visually-hidden">{t('poll.yourChoice')}</span>
              </span>
            )}
          </div>
          <meter
            className="poll-meter"
            min={0}
            max={100}
            value={option.percent}
            aria-label={t('poll.optionResult', { option: option.title, percent: option.percent })}
          />
        </li>
      ))}
    </ul>
  );
}

/** A poll: a vote form while it is open and not answered, the results otherwise. */
export function PollView({ poll, statusId, own }: { poll: Poll; statusId: string; own: boolean }) {
  const t = useT();
  const now = useNow();
  const queryClient = useQueryClient();
  const vote = useVote(statusId, poll.id);
  const [choices, setChoices] = useState<number[]>([]);
  const [showResults, setShowResults] = useState(false);
  const [refreshing, setRefreshing] = useState(false);
  const name = useId();
  const closed = poll.expired || (poll.expires_at !== null && new Date(poll.expires_at) <= now);
  const canVote = !closed && !poll.voted && !own;
  const voting = canVote && !showResults;

  const toggle = (index: number) => {
    if (!poll.multiple) return setChoices([index]);
    setChoices(
      choices.includes(index) ? choices.filter((choice) => choice !== index) : [...choices, index],
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choices.length > 0) vote.mutate(choices);
  };

  const refresh = async () => {
    setRefreshing(true);
    try {
      const fresh = await getPoll(poll.id);
      updateCachedStatus(queryClient, statusId, (status) => ({ ...status, poll: fresh }));
    } catch {
      // The results stay as they were; the next timeline refresh brings them.
    } finally {
      setRefreshing(false);
    }
  };

  const people = poll.voters_count ?? poll.votes_count;
  const footer = [
    poll.multiple
      ? t('poll.voters', { count: people })
      : t('poll.votes', { count: poll.votes_count }),
    closed ? t('poll.closed') : poll.expires_at ? formatTimeLeft(t, poll.expires_at, now) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <div className="poll">
      {voting ? (
        <form onSubmit={submit}>
          <fieldset className="poll-options">
            <legend className="poll-legend">
              {poll.multiple ? t('poll.chooseMany') : t('poll.chooseOne')}
            </legend>
            {poll.options.map((option, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by position
              <label key={index} className="poll-option">
                <input
                  type={poll.multiple ? 'checkbox' : 'radio'}
                  name={name}
                  checked={choices.includes(index)}
                  onChange={() => toggle(index)}
                />
                <span>{option.title}</span>
              </label>
            ))}
          </fieldset>
          <ErrorMessage error={vote.error} />
          <div className="poll-footer">
            <Button
              type="submit"
              variant="secondary"
              size="sm"
              pending={vote.isPending}
              disabled={choices.length === 0}
            >
              {vote.isPending ? t('poll.voting') : t('poll.vote')}
            </Button>
            <button type="button" className="link-button" onClick={() => setShowResults(true)}>
              {t('poll.showResults')}
            </button>
            <span className="muted small">{footer}</span>
          </div>
        </form>
      ) : (
        <>
          <PollResults poll={poll} />
          <div className="poll-footer">
            {canVote && (
              <button type="button" className="link-button" onClick={() => setShowResults(false)}>
                {t('poll.hideResults')}
              </button>
            )}
            {!closed && (
              <button
                type="button"
                className="link-button"
                onClick={refresh}
                disabled={refreshing}
                aria-busy={refreshing || undefined}
              >
                {t('poll.refresh')}
              </button>
            )}
            <span className="muted small">{footer}</span>
          </div>
        </>
      )}
    </div>
  );
}
