import { avatarColour, initialsOf, isMissingAvatar } from './avatar';

export interface AvatarPerson {
  id: string;
  username: string;
  display_name: string;
  avatar: string;
  avatar_description?: string;
}

type Size = 'xs' | 'sm' | 'md' | 'lg' | 'xl';

/**
 * A round picture, or coloured initials when the person has none. Decorative by default,
 * because the name is always written next to it; pass `alt` where it stands alone.
 */
export function Avatar({
  person,
  size = 'md',
  alt = '',
}: {
  person: AvatarPerson;
  size?: Size;
  alt?: string;
}) {
  if (isMissingAvatar(person.avatar)) {
    const className = `avatar avatar-${size} avatar-initials`;
    // Set through the CSSOM, which the Content-Security-Policy allows (unlike style="").
    const style = { backgroundColor: avatarColour(person.id) };
    const initials = initialsOf(person.display_name, person.username);
    // The letters come from CSS (attr()), so they never leak into a surrounding accessible name.
    return alt ? (
      <span
        className={className}
        style={style}
        data-initials={initials}
        role="img"
        aria-label={alt}
      />
    ) : (
      <span className={className} style={style} data-initials={initials} aria-hidden="true" />
    );
  }
  return (
    <img
      className={`avatar avatar-${size}`}
      src={person.avatar}
      alt={alt}
      loading="lazy"
      decoding="async"
    />
  );
}
