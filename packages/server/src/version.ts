/** Rapport's version, and the Mastodon API version it speaks (apps read the latter). */
export const RAPPORT_VERSION = '0.1.0';
export const MASTODON_COMPATIBLE_VERSION = '4.3.0';
