import type { Status } from '@rapport/schema';
import { useId, useState } from 'react';
import { WarningIcon } from '../../components/icons';
import { RichText } from '../../components/RichText';
import { useT } from '../../i18n/I18nProvider';
import { MediaGrid } from './MediaGrid';
import { PollView } from './PollView';
import { PreviewCardView } from './PreviewCardView';

/**
 * The body of a status: its text, attachments, poll and link preview. Behind a content
 * warning, the body stays hidden until the reader asks for it.
 */
export function StatusContent({
  status,
  viewerId,
  large = false,
}: {
  status: Status;
  viewerId: string;
  large?: boolean;
}) {
  const t = useT();
  const bodyId = useId();
  const spoiler = status.spoiler_text.trim();
  const [open, setOpen] = useState(spoiler === '');
  const hasText = status.content.replace(/<[^>]*>/g, '').trim() !== '';
  return (
    <div className="status-body">
      {spoiler && (
        <div className="status-spoiler">
          <p className="status-spoiler-text">
            <WarningIcon size={18} />
            <span>{spoiler}</span>
          </p>
          <button
            type="button"
            className="button button-secondary button-sm"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setOpen(!open)}
          >
            {open ? t('status.showLess') : t('status.showMore')}
          </button>
        </div>
      )}
      <div id={bodyId} className="status-details" hidden={!open}>
        {hasText && (
          <RichText
            className={
              large ? 'status-content status-content-large rich-text' : 'status-content rich-text'
            }
            html={status.content}
            mentions={status.mentions}
          />
        )}
        {status.media_attachments.length > 0 && (
          <MediaGrid
            media={status.media_attachments}
            // Behind a content warning, opening the warning is consent enough.
            sensitive={status.sensitive && spoiler === ''}
          />
        )}
        {status.poll && (
          <PollView poll={status.poll} statusId={status.id} own={status.account.id === viewerId} />
        )}
        {status.card && status.media_attachments.length === 0 && !status.poll && (
          <PreviewCardView card={status.card} />
        )}
      </div>
    </div>
  );
}
