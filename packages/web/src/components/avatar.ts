/** The server's placeholder for people without a picture (Mastodon's well-known path). */
export function isMissingAvatar(url: string | null | undefined): boolean {
  return !url || url.endsWith('/avatars/original/missing.png');
}

/** Up to two letters from the name (first and last word), or the username. */
export function initialsOf(displayName: string, username: string): string {
  const words = (displayName.trim() || username).split(/[\s._-]+/).filter(Boolean);
  const first = words[0];
  if (!first) return '?';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  const letters = [first, last]
    .filter((word): word is string => word !== undefined)
    .map((word) => Array.from(word)[0] ?? '');
  return letters.join('').toLocaleUpperCase();
}

/** Backgrounds that keep white initials above 4.5:1 contrast. */
export const AVATAR_COLOURS = [
  '#1d4ed8',
  '#6d28d9',
  '#be185d',
  '#b91c1c',
  '#9a3412',
  '#0f766e',
  '#15803d',
  '#0e7490',
  '#4338ca',
  '#a21caf',
] as const;

/** A stable colour per account id (FNV-1a hash), so a person keeps their colour everywhere. */
export function avatarColour(id: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return AVATAR_COLOURS[(hash >>> 0) % AVATAR_COLOURS.length] as string;
}
