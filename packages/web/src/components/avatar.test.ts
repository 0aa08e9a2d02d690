import { describe, expect, it } from 'vitest';
import { AVATAR_COLOURS, avatarColour, initialsOf, isMissingAvatar } from './avatar';

describe('isMissingAvatar', () => {
  it('recognises the server placeholder', () => {
    expect(isMissingAvatar('http://localhost:3000/avatars/original/missing.png')).toBe(true);
    expect(isMissingAvatar('')).toBe(true);
    expect(isMissingAvatar('http://localhost:3000/media/avatars/1/a.webp')).toBe(false);
  });
});

describe('initialsOf', () => {
  it('takes the first and last word of the name', () => {
    expect(initialsOf('Ada Lovelace', 'ada')).toBe('AL');
    expect(initialsOf('Grace Brewster Murray Hopper', 'grace')).toBe('GH');
    expect(initialsOf('élodie', 'e')).toBe('É');
  });

  it('falls back to the username', () => {
    expect(initialsOf('  ', 'john_smith')).toBe('JS');
    expect(initialsOf('', '')).toBe('?');
  });
});

describe('avatarColour', () => {
  it('is stable per id and from the palette', () => {
    expect(avatarColour('42')).toBe(avatarColour('42'));
    expect(AVATAR_COLOURS).toContain(avatarColour('42'));
    const colours = new Set(['1', '2', '3', '4', '5', '6', '7', '8'].map(avatarColour));
    expect(colours.size).toBeGreaterThan(3);
  });
});

/** WCAG relative luminance contrast of white text on each background. */
function contrastWithWhite(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
  return 1.05 / (luminance + 0.05);
}

describe('the avatar palette', () => {
  it('keeps white initials readable', () => {
    for (const colour of AVATAR_COLOURS) expect(contrastWithWhite(colour)).toBeGreaterThan(4.5);
  });
});
