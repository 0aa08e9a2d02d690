import { POLL_LIMITS } from '@rapport/schema/limits';
import { useId } from 'react';
import type { PollDraft } from '../../api/statuses';
import { Button } from '../../components/Button';
import { CloseIcon, PlusIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { POLL_DURATIONS } from './compose-draft';

function useDurationLabel() {
  const t = useT();
  return (seconds: number) => {
    if (seconds % 86_400 === 0) return t('compose.duration.days', { count: seconds / 86_400 });
    if (seconds % 3600 === 0) return t('compose.duration.hours', { count: seconds / 3600 });
    return t('compose.duration.minutes', { count: Math.round(seconds / 60) });
  };
}

/** Two to four options, a length and single or multiple choice. */
export function PollEditor({
  poll,
  onChange,
  onRemove,
}: {
  poll: PollDraft;
  onChange: (poll: PollDraft) => void;
  onRemove: () => void;
}) {
  const t = useT();
  const id = useId();
  const durationLabel = useDurationLabel();
  const setOption = (index: number, value: string) =>
    onChange({ ...poll, options: poll.options.map((option, i) => (i === index ? value : option)) });
  const durations = POLL_DURATIONS.includes(poll.expires_in)
    ? POLL_DURATIONS
    : [...POLL_DURATIONS, poll.expires_in].sort((a, b) => a - b);

  return (
    <fieldset className="poll-editor">
      <legend className="poll-editor-legend">{t('compose.pollLegend')}</legend>
      <ol className="poll-editor-options">
        {poll.options.map((option, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: options are identified by position
          <li key={index} className="poll-editor-option">
            <label htmlFor={`${id}-option-${index}`} className="visually-hidden">
              {t('compose.pollOption', { number: index + 1 })}
            </label>
            <input
              id={`${id}-option-${index}`}
              className="input"
              value={option}
              maxLength={POLL_LIMITS.optionCharacters}
              placeholder={t('compose.pollOption', { number: index + 1 })}
              onChange={(event) => setOption(index, event.target.value)}
            />
            {poll.options.length > POLL_LIMITS.minOptions && (
              <button
                type="button"
                className="button button-ghost icon-button"
                aria-label={t('compose.pollRemoveOption', { number: index + 1 })}
                onClick={() =>
                  onChange({ ...poll, options: poll.options.filter((_, i) => i !== index) })
                }
              >
                <CloseIcon size={18} />
              </button>
            )}
          </li>
        ))}
      </ol>
      <div className="poll-editor-settings">
        {poll.options.length < POLL_LIMITS.maxOptions && (
          <Button
            size="sm"
            variant="ghost"
            icon={<PlusIcon size={16} />}
            onClick={() => onChange({ ...poll, options: [...poll.options, ''] })}
          >
            {t('compose.pollAddOption')}
          </Button>
        )}
        <label className="poll-editor-duration">
          <span className="visually-hidden">{t('compose.pollDuration')}</span>
          <select
            className="input select select-compact"
            value={poll.expires_in}
            onChange={(event) => onChange({ ...poll, expires_in: Number(event.target.value) })}
          >
            {durations.map((seconds) => (
              <option key={seconds} value={seconds}>
                {durationLabel(seconds)}
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={poll.multiple}
            onChange={(event) => onChange({ ...poll, multiple: event.target.checked })}
          />
          {t('compose.pollMultiple')}
        </label>
        <Button size="sm" variant="ghost" onClick={onRemove}>
          {t('compose.pollRemove')}
        </Button>
      </div>
    </fieldset>
  );
}
