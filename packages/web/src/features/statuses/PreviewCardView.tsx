import type { PreviewCard } from '@rapport/schema';
import { useT } from '../../i18n/I18nProvider';

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Only images served by Rapport itself: the Content-Security-Policy refuses others, and
 * loading them would tell outside sites who reads what.
 */
function ownImage(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url, window.location.origin).origin === window.location.origin ? url : null;
  } catch {
    return null;
  }
}

/** The link preview under a status; the whole card is one link to the page. */
export function PreviewCardView({ card }: { card: PreviewCard }) {
  const t = useT();
  const image = ownImage(card.image);
  const provider = card.provider_name || hostOf(card.url);
  return (
    <a
      className={image ? 'preview-card' : 'preview-card preview-card-text-only'}
      href={card.url}
      target="_blank"
      rel="noopener noreferrer nofollow"
    >
      {image && (
        <img
          className="preview-card-image"
          src={image}
          alt={card.image_description}
          loading="lazy"
          decoding="async"
        />
      )}
      <span className="preview-card-body">
        <span className="preview-card-provider">{provider}</span>
        <span className="preview-card-title">{card.title || card.url}</span>
        {card.description && <span className="preview-card-description">{card.description}</span>}
        <span className="visually-hidden">{t('common.openInNewTab')}</span>
      </span>
    </a>
  );
}
