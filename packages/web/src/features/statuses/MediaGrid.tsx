import type { MediaAttachment } from '@rapport/schema';
import { useId, useState } from 'react';
import { useT } from '../../i18n/I18nProvider';

/** Single images keep their shape, within limits so a panorama or a tall scan stays usable. */
function aspectOf(media: MediaAttachment): number {
  const size = media.meta.small ?? media.meta.original;
  const aspect = size && size.height > 0 ? size.width / size.height : 16 / 9;
  return Math.min(2, Math.max(0.75, aspect));
}

function AltText({ description }: { description: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="media-alt-badge"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('status.altButton')}
        onClick={() => setOpen(!open)}
      >
        {t('status.alt')}
      </button>
      <p id={id} className="media-alt-text" hidden={!open}>
        {description}
      </p>
    </>
  );
}

function MediaItem({
  media,
  index,
  count,
}: {
  media: MediaAttachment;
  index: number;
  count: number;
}) {
  const t = useT();
  const description = media.description?.trim() ?? '';
  const url = media.url ?? media.remote_url ?? '';
  const number = { number: index + 1, count };
  if (media.type === 'image') {
    return (
      <figure className="media-item">
        <a
          className="media-link"
          href={url}
          target="_blank"
          rel="noopener noreferrer"
          aria-label={
            description
              ? t('status.openImageDescribed', { ...number, description })
              : t('status.openImage', number)
          }
        >
          <img
            src={media.preview_url ?? url}
            alt=""
            loading="lazy"
            decoding="async"
            width={media.meta.small?.width}
            height={media.meta.small?.height}
          />
        </a>
        {description && <AltText description={description} />}
      </figure>
    );
  }
  if (media.type === 'video' || media.type === 'gifv') {
    return (
      <figure className="media-item">
        <video
          src={url}
          poster={media.preview_url ?? undefined}
          controls
          preload="metadata"
          playsInline
          loop={media.type === 'gifv'}
          muted={media.type === 'gifv'}
          aria-label={description || t('status.video', number)}
        />
        {description && <AltText description={description} />}
      </figure>
    );
  }
  if (media.type === 'audio') {
    return (
      <figure className="media-item media-item-audio">
        {/* biome-ignore lint/a11y/useMediaCaption: people upload audio without captions; the description is its text */}
        <audio
          src={url}
          controls
          preload="metadata"
          aria-label={description || t('status.audio', number)}
        />
        {description && <AltText description={description} />}
      </figure>
    );
  }
  return (
    <figure className="media-item media-item-file">
      <a href={url} target="_blank" rel="noopener noreferrer">
        {description || t('status.attachment', number)}
      </a>
    </figure>
  );
}

/**
 * Up to four attachments in a grid. Sensitive media stays behind a button until the reader
 * chooses to see it.
 */
export function MediaGrid({
  media,
  sensitive,
}: {
  media: readonly MediaAttachment[];
  sensitive: boolean;
}) {
  const t = useT();
  const [revealed, setRevealed] = useState(!sensitive);
  const items = media.slice(0, 4);
  if (items.length === 0) return null;
  const single = items.length === 1 ? items[0] : undefined;
  return (
    <div className="media">
      <div
        className={`media-grid media-grid-${items.length}${revealed ? '' : ' media-grid-hidden'}`}
        // Set through the CSSOM, which the Content-Security-Policy allows (unlike style="").
        style={single ? { aspectRatio: String(aspectOf(single)) } : undefined}
        hidden={!revealed}
      >
        {items.map((item, index) => (
          <MediaItem key={item.id} media={item} index={index} count={items.length} />
        ))}
      </div>
      {!revealed && (
        <button type="button" className="media-reveal" onClick={() => setRevealed(true)}>
          <span className="media-reveal-title">{t('status.sensitiveMedia')}</span>
          <span className="media-reveal-hint">{t('status.showMedia')}</span>
        </button>
      )}
      {revealed && sensitive && (
        <button
          type="button"
          className="button button-ghost button-sm media-hide"
          onClick={() => setRevealed(false)}
        >
          {t('status.hideMedia')}
        </button>
      )}
    </div>
  );
}
