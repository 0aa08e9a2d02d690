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

/** Community sizes: the name is unique whatever its case. */
export const COMMUNITY_LIMITS = {
  name: 80,
  description: 1000,
  coverDescription: 1500,
  /** People invited in one request. */
  invitationsPerRequest: 40,
  pins: 10,
} as const;

/** Knowledge pages: a long article fits; a summary is one line in the history. */
export const PAGE_LIMITS = {
  title: 200,
  body: 100_000,
  summary: 300,
} as const;

/** Event sizes; an event lasts at most `maxDays`, so upcoming lists scan a bounded range. */
export const EVENT_LIMITS = {
  title: 200,
  description: 5000,
  location: 300,
  onlineUrl: 2000,
  maxDays: 31,
} as const;

/**
 * Community files: the accepted types, by the extension a file's name must end with and the
 * type its bytes must show (the server checks the bytes; the web app uses this list for its
 * file picker). Text types are told apart by their extension only.
 */
export const FILE_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
} as const;

export const FILE_LIMITS = {
  name: 255,
  description: 1000,
} as const;
/** Reports and moderation decisions (`REPORT_LIMITS.comment` is what a reporter may write). */
export const REPORT_LIMITS = { comment: 1000, reason: 1000, statuses: 20 } as const;
