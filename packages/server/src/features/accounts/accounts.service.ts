import type { Role, UpdateCredentialsInput } from '@rapport/schema';
import { ACCOUNT_LIMITS } from '@rapport/schema';
import type { AppContext } from '../../context';
import { idFor, newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { processAvatar } from '../../lib/images';
import { hashPassword } from '../../lib/passwords';
import { canSeeAccount } from '../visibility/account-visibility';
import { PROFILE_FIELD_NAMES } from './accounts.presenter';
import {
  type AccountRow,
  findAccountById,
  findAccountByUsername,
  findTakenKeys,
  insertAccount,
  updateAccount,
} from './accounts.queries';
import { foldText } from './terms';

/** The directory's order: names compared without case or accents ("Émile" next to "Emma"). */
function sortNameOf(displayName: string, username: string): string {
  return foldText(displayName || username);
}

export interface NewAccount {
  username: string;
  email: string;
  password: string;
  role: Role;
  displayName?: string | undefined;
  locale?: string | undefined;
  invitedById?: number | null;
  invitationId?: number | null;
  /** Demo and import data carry their own creation time. */
  createdAt?: number;
  /** Bulk creation (demo) hashes one password once and reuses the hash. */
  passwordHash?: string;
}

/**
 * Creates an account inside the caller's transaction (`db` may be a transaction), after
 * checking that the username and email are free, case-insensitively.
 */
export async function createAccount(db: Db, input: NewAccount): Promise<AccountRow> {
  const taken = await findTakenKeys(db, input.username, input.email);
  if (taken.username || taken.email) {
    throw validationFailed({
      ...(taken.username ? { username: ['is already taken'] } : {}),
      ...(taken.email ? { email: ['is already taken'] } : {}),
    });
  }
  const now = input.createdAt ?? Date.now();
  const displayName = input.displayName?.trim() ?? '';
  const row: AccountRow = {
    id: input.createdAt === undefined ? newId() : idFor(input.createdAt),
    username: input.username,
    username_key: input.username.toLowerCase(),
    email: input.email.trim(),
    email_key: input.email.trim().toLowerCase(),
    password_hash: input.passwordHash ?? (await hashPassword(input.password)),
    role: input.role,
    display_name: displayName,
    sort_name: sortNameOf(displayName, input.username),
    title: '',
    department: '',
    location: '',
    bio: '',
    bio_html: '',
    skills: '[]',
    fields: '[]',
    avatar_file: null,
    avatar_description: '',
    locale: input.locale ?? 'en',
    default_privacy: 'public',
    default_sensitive: 0,
    default_language: '',
    locked: 0,
    bot: 0,
    discoverable: 1,
    hide_collections: 0,
    indexable: 1,
    suspended: 0,
    suspended_at: null,
    invited_by_id: input.invitedById ?? null,
    invitation_id: input.invitationId ?? null,
    created_at: now,
    updated_at: now,
    last_sign_in_at: null,
    statuses_count: 0,
    followers_count: 0,
    following_count: 0,
    last_status_at: null,
  };
  if (!(await insertAccount(db, row))) {
    // Another sign-up took the name or address between the check and the insert.
    const now = await findTakenKeys(db, input.username, input.email);
    if (now.username) throw validationFailed({ username: ['is already taken'] });
    if (now.email) throw validationFailed({ email: ['is already taken'] });
    throw new Error(`account id ${row.id} clashed with an existing one`);
  }
  return row;
}

/** Someone who may not see an account is told it does not exist, not that it is hidden. */
async function visibleOrNotFound(
  db: Db,
  viewer: Viewer,
  row: AccountRow | undefined,
): Promise<AccountRow> {
  if (!row || !(await canSeeAccount(db, viewer, row))) throw notFound();
  return row;
}

export async function getVisibleAccount(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<AccountRow> {
  return visibleOrNotFound(ctx.db, viewer, await findAccountById(ctx.db, id));
}

/** `acct` is `username`, or `username@domain` for this server's own domain. */
export async function lookupAccount(
  ctx: AppContext,
  viewer: Viewer,
  acct: string,
): Promise<AccountRow> {
  const [username, domain] = acct.replace(/^@/, '').split('@');
  if (
    !username ||
    (domain !== undefined && domain.toLowerCase() !== ctx.config.domain.toLowerCase())
  ) {
    throw notFound();
  }
  return visibleOrNotFound(ctx.db, viewer, await findAccountByUsername(ctx.db, username));
}

type Patch = Partial<AccountRow>;

/**
 * Mastodon apps edit Rapport's attributes as profile fields: a field named Title,
 * Department, Location or Skills sets that attribute; the rest are the person's own fields.
 * As in Mastodon, sending fields replaces the whole list.
 */
function applyFields(patch: Patch, fields: Array<{ name: string; value: string }>) {
  const own: Array<{ name: string; value: string }> = [];
  const seen = new Set<string>();
  for (const field of fields) {
    const name = field.name.trim();
    const key = (Object.keys(PROFILE_FIELD_NAMES) as Array<keyof typeof PROFILE_FIELD_NAMES>).find(
      (k) => PROFILE_FIELD_NAMES[k].toLowerCase() === name.toLowerCase(),
    );
    if (key) {
      seen.add(key);
      if (key === 'skills') patch.skills = JSON.stringify(splitSkills(field.value));
      else if (field.value.length > ACCOUNT_LIMITS[key]) {
        throw validationFailed({ [key]: [`must be at most ${ACCOUNT_LIMITS[key]} characters`] });
      } else patch[key] = field.value;
    } else if (name !== '' || field.value !== '') {
      own.push({ name, value: field.value });
    }
  }
  for (const key of Object.keys(PROFILE_FIELD_NAMES) as Array<keyof typeof PROFILE_FIELD_NAMES>) {
    if (!seen.has(key)) patch[key] = key === 'skills' ? '[]' : '';
  }
  if (own.length > ACCOUNT_LIMITS.customFields) {
    throw validationFailed({
      fields_attributes: [`can have at most ${ACCOUNT_LIMITS.customFields} fields of your own`],
    });
  }
  patch.fields = JSON.stringify(own);
}

function splitSkills(value: string): string[] {
  const skills = [
    ...new Set(
      value
        .split(',')
        .map((skill) => skill.trim())
        .filter(Boolean),
    ),
  ];
  if (
    skills.length > ACCOUNT_LIMITS.skills ||
    skills.some((skill) => skill.length > ACCOUNT_LIMITS.skill)
  ) {
    throw validationFailed({
      skills: [
        `must be at most ${ACCOUNT_LIMITS.skills} skills of at most ${ACCOUNT_LIMITS.skill} characters`,
      ],
    });
  }
  return skills;
}

const flag = (value: boolean | undefined) => (value === undefined ? undefined : value ? 1 : 0);

/** Applies a profile edit; the avatar is checked, re-encoded and stored before the row changes. */
export async function updateCredentials(
  ctx: AppContext,
  viewer: Viewer,
  input: UpdateCredentialsInput,
): Promise<AccountRow> {
  const current = await findAccountById(ctx.db, viewer.id);
  if (!current) throw notFound();
  const patch: Patch = {};
  if (input.fields_attributes) applyFields(patch, input.fields_attributes);
  if (input.display_name !== undefined) patch.display_name = input.display_name;
  if (input.note !== undefined) patch.bio = input.note;
  if (input.title !== undefined) patch.title = input.title;
  if (input.department !== undefined) patch.department = input.department;
  if (input.location !== undefined) patch.location = input.location;
  if (input.skills !== undefined) patch.skills = JSON.stringify([...new Set(input.skills)]);
  if (input.avatar_description !== undefined) patch.avatar_description = input.avatar_description;
  if (input.locale !== undefined) patch.locale = input.locale;
  patch.locked = flag(input.locked);
  patch.bot = flag(input.bot);
  patch.discoverable = flag(input.discoverable);
  patch.hide_collections = flag(input.hide_collections);
  patch.indexable = flag(input.indexable);
  if (input.source?.privacy !== undefined) patch.default_privacy = input.source.privacy;
  patch.default_sensitive = flag(input.source?.sensitive);
  if (input.source?.language !== undefined) patch.default_language = input.source.language;
  for (const key of Object.keys(patch) as Array<keyof Patch>)
    if (patch[key] === undefined) delete patch[key];
  if (patch.display_name !== undefined) {
    patch.sort_name = sortNameOf(patch.display_name, current.username);
  }

  let storedAvatar: string | undefined;
  if (input.avatar !== undefined && input.avatar !== '') {
    const image = await processAvatar(input.avatar.data, ACCOUNT_LIMITS.avatarBytes);
    storedAvatar = await ctx.media.put('avatars', image.extension, image.data);
    patch.avatar_file = storedAvatar;
  } else if (input.avatar === '') {
    patch.avatar_file = null;
  }
  if (Object.keys(patch).length === 0) return current;
  patch.updated_at = Date.now();

  let updated: AccountRow;
  try {
    updated = await ctx.db.transaction().execute((trx) => updateAccount(trx, viewer.id, patch));
  } catch (error) {
    if (storedAvatar) await ctx.media.remove(storedAvatar);
    throw error;
  }
  if (
    'avatar_file' in patch &&
    current.avatar_file &&
    current.avatar_file !== updated.avatar_file
  ) {
    await ctx.media.remove(current.avatar_file);
  }
  ctx.events.emit({ type: 'account.updated', account_id: String(viewer.id) });
  return updated;
}
