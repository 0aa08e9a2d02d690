import type { Community } from '@rapport/schema';
import type { CSSProperties } from 'react';

/**
 * The community's cover image with its description, or a band in a colour drawn from its
 * id (decorative: the name next to it says what it is).
 */
export function CommunityCover({
  community,
  className = 'community-cover',
}: {
  community: Pick<Community, 'id' | 'cover'>;
  className?: string;
}) {
  if (community.cover) {
    return (
      <div className={className}>
        <img src={community.cover.url} alt={community.cover.description} loading="lazy" />
      </div>
    );
  }
  const hue = Number(community.id.slice(-6)) % 360;
  return (
    <div
      className={`${className} community-cover-blank`}
      style={{ '--cover-hue': hue } as CSSProperties}
      aria-hidden="true"
    />
  );
}
