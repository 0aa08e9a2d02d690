import { z } from 'zod';

/** Ids are integers in the database and strings in the API, as Mastodon does. */
export const Id = z.string().regex(/^\d{1,16}$/, 'must be a numeric id');

/** ISO 8601 date-time in UTC with milliseconds, e.g. 2026-11-23T08:43:00.000Z. */
export const DateTime = z.string();

export const Role = z.enum(['admin', 'member', 'guest']);
export type Role = z.infer<typeof Role>;

export const RegistrationMode = z.enum(['open', 'invite', 'closed']);
export type RegistrationMode = z.infer<typeof RegistrationMode>;

const TRUE_WORDS = new Set(['true', '1', 'on', 'yes']);
const FALSE_WORDS = new Set(['false', '0', 'off', 'no', '']);

/** A boolean that also accepts the strings HTML forms and Mastodon apps send. */
export const FormBoolean = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return value;
}, z.boolean());

/** An integer that also accepts its decimal string form (query strings, form fields). */
export const FormInt = z.preprocess(
  (value) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value),
  z.number().int(),
);

/** Mastodon list parameters; all ids are exclusive bounds. */
export const PageQuery = z.object({
  max_id: Id.optional(),
  since_id: Id.optional(),
  min_id: Id.optional(),
  limit: FormInt.pipe(z.number().int().min(1).max(80)).optional(),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Rapport lists sorted by something other than id use an opaque cursor instead. */
export const CursorQuery = z.object({
  cursor: z.string().max(200).optional(),
  limit: FormInt.pipe(z.number().int().min(1).max(80)).optional(),
});
export type CursorQuery = z.infer<typeof CursorQuery>;

export const IdParams = z.object({ id: Id });

/** An uploaded file after the server read it from a multipart body. */
export const UploadedFile = z.custom<{ filename: string; mimetype: string; data: Uint8Array }>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    'data' in value &&
    (value as { data: unknown }).data instanceof Uint8Array,
  { message: 'must be a file upload (multipart/form-data)' },
);
export type UploadedFile = z.infer<typeof UploadedFile>;

export const Empty = z.object({});
