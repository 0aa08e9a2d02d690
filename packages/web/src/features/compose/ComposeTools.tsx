import type { Visibility } from '@rapport/schema';
import { STATUS_LIMITS } from '@rapport/schema/limits';
import { type ChangeEvent, useId } from 'react';
import { ImageIcon, PollIcon, WarningIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { QuestionIcon } from '../questions/question-icons';
import { VISIBILITY_HINTS, VISIBILITY_LABELS } from '../statuses/visibility-labels';
import { MAX_ATTACHMENTS } from './compose-draft';

const VISIBILITIES: readonly Visibility[] = ['public', 'unlisted', 'private', 'direct'];

/**
 * Attach images, add a poll, add a content warning, choose who sees it. Images and a poll
 * exclude each other, as Mastodon's API does.
 */
export function ComposeTools({
  mediaCount,
  pollOn,
  spoilerOn,
  visibility,
  onChooseFiles,
  onTogglePoll,
  onToggleSpoiler,
  onVisibility,
  asking,
  onToggleAsking,
}: {
  mediaCount: number;
  pollOn: boolean;
  spoilerOn: boolean;
  /** Null when it cannot change (an edit keeps its visibility). */
  visibility: Visibility | null;
  onChooseFiles: (event: ChangeEvent<HTMLInputElement>) => void;
  onTogglePoll: () => void;
  onToggleSpoiler: () => void;
  onVisibility: (visibility: Visibility) => void;
  /** Whether it is a question; undefined when it cannot be one (replies, edits). */
  asking?: boolean;
  onToggleAsking?: () => void;
}) {
  const t = useT();
  const id = useId();
  const noMoreImages = mediaCount >= MAX_ATTACHMENTS || pollOn;
  const addImages = t('compose.addImages', { count: MAX_ATTACHMENTS });
  return (
    <div className="compose-tools">
      <input
        id={`${id}-files`}
        type="file"
        className="file-input visually-hidden"
        accept={STATUS_LIMITS.imageTypes.join(',')}
        multiple
        disabled={noMoreImages}
        onChange={onChooseFiles}
      />
      <label
        htmlFor={`${id}-files`}
        className={noMoreImages ? 'compose-tool compose-tool-disabled' : 'compose-tool'}
        title={addImages}
      >
        <ImageIcon />
        <span className="visually-hidden">{addImages}</span>
      </label>
      <button
        type="button"
        className="compose-tool"
        aria-pressed={pollOn}
        disabled={mediaCount > 0}
        title={t('compose.poll')}
        aria-label={t('compose.poll')}
        onClick={onTogglePoll}
      >
        <PollIcon />
      </button>
      <button
        type="button"
        className="compose-tool"
        aria-pressed={spoilerOn}
        title={t('compose.spoiler')}
        aria-label={t('compose.spoiler')}
        onClick={onToggleSpoiler}
      >
        <WarningIcon />
      </button>
      {asking !== undefined && (
        <button
          type="button"
          className="compose-tool"
          aria-pressed={asking}
          title={t('questions.askToggle')}
          aria-label={t('questions.askToggle')}
          onClick={onToggleAsking}
        >
          <QuestionIcon />
        </button>
      )}
      {visibility && (
        <label className="compose-visibility">
          <span className="visually-hidden">{t('visibility.label')}</span>
          <select
            className="input select select-compact"
            value={visibility}
            onChange={(event) => onVisibility(event.target.value as Visibility)}
            title={t(VISIBILITY_HINTS[visibility] as 'visibility.publicHint')}
          >
            {VISIBILITIES.map((value) => (
              <option key={value} value={value}>
                {t(VISIBILITY_LABELS[value] as 'visibility.public')}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
