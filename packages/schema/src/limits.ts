/**
 * Sizes the server enforces. Kept free of zod so the web app can import them (as
 * `@rapport/schema/limits`) without bundling the validation library.
 */
export const ACCOUNT_LIMITS = {
  username: 30,
  displayName: 100,
  note: 1000,
  title: 100,
  department: 100,
  location: 100,
  skills: 20,
  skill: 40,
  customFields: 4,
  fieldName: 255,
  fieldValue: 255,
  passwordMin: 8,
  passwordMax: 256,
  email: 254,
  avatarBytes: 4 * 1024 * 1024,
  avatarDescription: 1500,
} as const;

/** Status sizes, as Mastodon's defaults (links count as 23 characters). */
export const STATUS_LIMITS = {
  characters: 500,
  urlCharacters: 23,
  mediaAttachments: 4,
  mediaDescription: 1500,
  imageBytes: 16 * 1024 * 1024,
  imagePixels: 8_294_400,
  imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
} as const;

export const POLL_LIMITS = {
  minOptions: 2,
  maxOptions: 4,
  optionCharacters: 50,
  /** Seconds. */
  minExpiration: 300,
  maxExpiration: 2_629_746,
} as const;

/** Reports and moderation decisions (`REPORT_LIMITS.comment` is what a reporter may write). */
export const REPORT_LIMITS = { comment: 1000, reason: 1000, statuses: 20 } as const;
