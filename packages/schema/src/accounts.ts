import { z } from 'zod';
import { CursorQuery, DateTime, FormBoolean, Id, Role, UploadedFile } from './common';
import { ACCOUNT_LIMITS } from './limits';

/** Mastodon's rule: letters, digits and underscores. */
export const Username = z
  .string()
  .trim()
  .min(1, 'must not be blank')
  .max(ACCOUNT_LIMITS.username, `must be at most ${ACCOUNT_LIMITS.username} characters`)
  .regex(/^[A-Za-z0-9_]+$/, 'must contain only letters, numbers and underscores');

export const Email = z
  .string()
  .trim()
  .max(ACCOUNT_LIMITS.email)
  .pipe(z.email('must be a valid email address'));

export const Password = z
  .string()
  .min(ACCOUNT_LIMITS.passwordMin, `must be at least ${ACCOUNT_LIMITS.passwordMin} characters`)
  .max(ACCOUNT_LIMITS.passwordMax, `must be at most ${ACCOUNT_LIMITS.passwordMax} characters`);

export const Field = z.object({
  name: z.string(),
  value: z.string(),
  verified_at: DateTime.nullable(),
});
export type Field = z.infer<typeof Field>;

export const CustomEmoji = z.object({
  shortcode: z.string(),
  url: z.string(),
  static_url: z.string(),
  visible_in_picker: z.boolean(),
});

/** Mastodon's public role badge (only highlighted roles are listed). */
export const AccountRole = z.object({ id: z.string(), name: z.string(), color: z.string() });

/**
 * Mastodon's Account entity plus Rapport's profile attributes (`title`, `department`,
 * `location`, `skills`, `rapport_role`), which are also listed in `fields` for Mastodon apps.
 */
export const Account = z.object({
  id: Id,
  username: z.string(),
  acct: z.string(),
  url: z.string(),
  uri: z.string(),
  display_name: z.string(),
  note: z.string(),
  avatar: z.string(),
  avatar_static: z.string(),
  avatar_description: z.string(),
  header: z.string(),
  header_static: z.string(),
  header_description: z.string(),
  locked: z.boolean(),
  fields: z.array(Field),
  emojis: z.array(CustomEmoji),
  bot: z.boolean(),
  group: z.boolean(),
  discoverable: z.boolean().nullable(),
  indexable: z.boolean(),
  noindex: z.boolean().nullable(),
  hide_collections: z.boolean().nullable(),
  suspended: z.boolean().optional(),
  created_at: DateTime,
  last_status_at: z.string().nullable(),
  statuses_count: z.number().int(),
  followers_count: z.number().int(),
  following_count: z.number().int(),
  roles: z.array(AccountRole),
  title: z.string(),
  department: z.string(),
  location: z.string(),
  skills: z.array(z.string()),
  rapport_role: Role,
});
export type Account = z.infer<typeof Account>;

export const MastodonRole = z.object({
  id: z.string(),
  name: z.string(),
  permissions: z.string(),
  color: z.string(),
  highlighted: z.boolean(),
});

export const Visibility = z.enum(['public', 'unlisted', 'private', 'direct']);
export type Visibility = z.infer<typeof Visibility>;

/** The signed-in person's own account, with the editable plain-text `source`. */
export const CredentialAccount = Account.extend({
  source: z.object({
    note: z.string(),
    fields: z.array(Field),
    privacy: Visibility,
    sensitive: z.boolean(),
    language: z.string(),
    follow_requests_count: z.number().int(),
    hide_collections: z.boolean(),
    discoverable: z.boolean(),
    indexable: z.boolean(),
  }),
  role: MastodonRole,
  email: z.string(),
  locale: z.string(),
});
export type CredentialAccount = z.infer<typeof CredentialAccount>;

const FieldInput = z.object({
  name: z.string().trim().max(ACCOUNT_LIMITS.fieldName).default(''),
  value: z.string().trim().max(ACCOUNT_LIMITS.fieldValue).default(''),
});

/** A list sent as JSON array, as Mastodon's `fields_attributes` hash ({"0": {...}}), or both. */
const FieldsAttributes = z.preprocess(
  (value) =>
    // An empty value clears the list (a form cannot send an empty list otherwise).
    value === ''
      ? []
      : value && typeof value === 'object' && !Array.isArray(value)
        ? Object.keys(value)
            .sort((a, b) => Number(a) - Number(b))
            .map((key) => (value as Record<string, unknown>)[key])
        : value,
  z.array(FieldInput).max(ACCOUNT_LIMITS.customFields + 4, 'has too many fields'),
);

/** Skills arrive as a JSON array, as `skills[]` form fields, or as one comma-separated string. */
export const SkillsInput = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',') : value),
  z
    .array(
      z
        .string()
        .trim()
        .max(ACCOUNT_LIMITS.skill, `each skill must be at most ${ACCOUNT_LIMITS.skill} characters`),
    )
    .transform((skills) => skills.filter((skill) => skill.length > 0))
    .pipe(
      z.array(z.string()).max(ACCOUNT_LIMITS.skills, `at most ${ACCOUNT_LIMITS.skills} skills`),
    ),
);

export const UpdateCredentialsInput = z.object({
  display_name: z.string().trim().max(ACCOUNT_LIMITS.displayName).optional(),
  note: z.string().max(ACCOUNT_LIMITS.note).optional(),
  title: z.string().trim().max(ACCOUNT_LIMITS.title).optional(),
  department: z.string().trim().max(ACCOUNT_LIMITS.department).optional(),
  location: z.string().trim().max(ACCOUNT_LIMITS.location).optional(),
  skills: SkillsInput.optional(),
  avatar: z.union([UploadedFile, z.literal('')]).optional(),
  avatar_description: z.string().max(ACCOUNT_LIMITS.avatarDescription).optional(),
  locked: FormBoolean.optional(),
  bot: FormBoolean.optional(),
  discoverable: FormBoolean.optional(),
  hide_collections: FormBoolean.optional(),
  indexable: FormBoolean.optional(),
  fields_attributes: FieldsAttributes.optional(),
  locale: z.string().max(16).optional(),
  source: z
    .object({
      privacy: Visibility.optional(),
      sensitive: FormBoolean.optional(),
      language: z.string().max(16).optional(),
    })
    .optional(),
});
export type UpdateCredentialsInput = z.infer<typeof UpdateCredentialsInput>;

/** Mastodon's registration (POST /api/v1/accounts); Rapport also takes an invitation code. */
export const RegisterAccountInput = z.object({
  username: Username,
  email: Email,
  password: Password,
  agreement: FormBoolean.refine((accepted) => accepted, 'must be accepted'),
  locale: z.string().max(16).default('en'),
  reason: z.string().max(1000).optional(),
  invite_code: z.string().max(64).optional(),
  display_name: z.string().trim().max(ACCOUNT_LIMITS.displayName).optional(),
});
export type RegisterAccountInput = z.infer<typeof RegisterAccountInput>;

export const LookupQuery = z.object({ acct: z.string().min(1).max(300) });

export const AccountsByIdQuery = z.object({
  id: z.preprocess((value) => (typeof value === 'string' ? [value] : value), z.array(Id).max(40)),
});

export const PeopleQuery = CursorQuery.extend({ q: z.string().trim().max(100).optional() });
