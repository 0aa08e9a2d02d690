import type { Account, AccountRef, AdminAccount, CredentialAccount, Field } from '@rapport/schema';
import type { AppContext } from '../../context';
import { MISSING_AVATAR_PATH, MISSING_HEADER_PATH } from '../../http/web-app';
import { linkifyText } from '../../lib/html';
import { toIso, toIsoOrNull } from '../../lib/time';
import type { AccountRow } from './accounts.queries';

/** Rapport's own attributes, also shown as Mastodon profile fields (in this order). */
export const PROFILE_FIELD_NAMES = {
  title: 'Title',
  department: 'Department',
  location: 'Location',
  skills: 'Skills',
} as const;

export function skillsOf(row: Pick<AccountRow, 'skills'>): string[] {
  return JSON.parse(row.skills) as string[];
}

export function customFieldsOf(
  row: Pick<AccountRow, 'fields'>,
): Array<{ name: string; value: string }> {
  return JSON.parse(row.fields) as Array<{ name: string; value: string }>;
}

/** Profile fields as plain text: Rapport's attributes first, then the person's own. */
export function plainFields(row: AccountRow): Array<{ name: string; value: string }> {
  const own = [
    { name: PROFILE_FIELD_NAMES.title, value: row.title },
    { name: PROFILE_FIELD_NAMES.department, value: row.department },
    { name: PROFILE_FIELD_NAMES.location, value: row.location },
    { name: PROFILE_FIELD_NAMES.skills, value: skillsOf(row).join(', ') },
  ].filter((field) => field.value !== '');
  return [...own, ...customFieldsOf(row)];
}

function avatarUrl(ctx: AppContext, row: AccountRow): string {
  return row.avatar_file
    ? ctx.media.url(row.avatar_file)
    : `${ctx.config.publicUrl}${MISSING_AVATAR_PATH}`;
}

/** What an account shows that moves without a profile edit; read fresh for every request. */
type AccountCounts = 'statuses_count' | 'followers_count' | 'following_count' | 'last_status_at';
export type AccountState = Pick<
  AccountRow,
  'id' | 'username' | 'role' | 'suspended' | 'updated_at' | AccountCounts
>;
type Profile = Readonly<Omit<Account, AccountCounts>>;

/**
 * An account's presentation without its counts, kept between requests. `updated_at` moves
 * forward on every change to an account row (`updateAccount`), so an entry is used only
 * while the row it was made from is unchanged, whichever node changed it.
 */
export interface CachedAccount {
  updatedAt: number;
  profile: Profile;
}

/** Mastodon shows admins with a badge; Rapport adds one for guests (people from outside). */
const ADMIN_BADGES = Object.freeze([Object.freeze({ id: '3', name: 'Admin', color: '' })]);
const GUEST_BADGES = Object.freeze([Object.freeze({ id: '-98', name: 'Guest', color: '' })]);

/** The cached profile for this state of the account, if there is one. */
export function cachedProfile(ctx: AppContext, state: AccountState): Profile | undefined {
  const cached = ctx.presented.accounts.get(state.id);
  return cached && cached.updatedAt === state.updated_at ? cached.profile : undefined;
}

function profileOf(ctx: AppContext, row: AccountRow): Profile {
  const cached = cachedProfile(ctx, row);
  if (cached) return cached;
  const publicUrl = ctx.config.publicUrl;
  const url = `${publicUrl}/@${row.username}`;
  const suspended = row.suspended === 1;
  // A suspended account keeps its name and nothing else, as Mastodon shows it.
  const avatar = suspended ? `${publicUrl}${MISSING_AVATAR_PATH}` : avatarUrl(ctx, row);
  const header = `${publicUrl}${MISSING_HEADER_PATH}`;
  const fields: Field[] = suspended
    ? []
    : plainFields(row).map((field) => ({
        name: field.name,
        value: linkifyText(field.value),
        verified_at: null,
      }));
  const profile: Omit<Account, AccountCounts> = {
    id: String(row.id),
    username: row.username,
    acct: row.username,
    url,
    uri: url,
    display_name: row.display_name,
    note: suspended ? '' : row.bio_html,
    avatar,
    avatar_static: avatar,
    avatar_description: suspended ? '' : row.avatar_description,
    header,
    header_static: header,
    header_description: '',
    locked: row.locked === 1,
    fields,
    emojis: [],
    bot: row.bot === 1,
    group: false,
    discoverable: row.discoverable === 1,
    indexable: row.indexable === 1,
    noindex: row.indexable !== 1,
    hide_collections: row.hide_collections === 1,
    created_at: toIso(row.created_at),
    roles: (row.role === 'admin'
      ? ADMIN_BADGES
      : row.role === 'guest'
        ? GUEST_BADGES
        : []) as Account['roles'],
    title: suspended ? '' : row.title,
    department: suspended ? '' : row.department,
    location: suspended ? '' : row.location,
    skills: suspended ? [] : skillsOf(row),
    rapport_role: row.role,
  };
  if (suspended) profile.suspended = true;
  // Shared between requests, so nothing may change it in place.
  deepFreeze(profile);
  ctx.presented.accounts.set(row.id, { updatedAt: row.updated_at, profile });
  return profile;
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}

/**
 * The account from its cached profile and its current counts. One object literal (no
 * spreads, which are several times slower): this runs for every status of every page.
 */
export function withCounts(profile: Profile, state: AccountState): Account {
  const account: Account = {
    id: profile.id,
    username: profile.username,
    acct: profile.acct,
    url: profile.url,
    uri: profile.uri,
    display_name: profile.display_name,
    note: profile.note,
    avatar: profile.avatar,
    avatar_static: profile.avatar_static,
    avatar_description: profile.avatar_description,
    header: profile.header,
    header_static: profile.header_static,
    header_description: profile.header_description,
    locked: profile.locked,
    fields: profile.fields,
    emojis: profile.emojis,
    bot: profile.bot,
    group: profile.group,
    discoverable: profile.discoverable,
    indexable: profile.indexable,
    noindex: profile.noindex,
    hide_collections: profile.hide_collections,
    created_at: profile.created_at,
    // Mastodon gives the day of the last status, not the time.
    last_status_at: state.last_status_at === null ? null : toIso(state.last_status_at).slice(0, 10),
    statuses_count: state.statuses_count,
    followers_count: state.followers_count,
    following_count: state.following_count,
    roles: profile.roles,
    title: profile.title,
    department: profile.department,
    location: profile.location,
    skills: profile.skills,
    rapport_role: profile.rapport_role,
  };
  if (profile.suspended) account.suspended = true;
  return account;
}

export function presentAccount(ctx: AppContext, row: AccountRow): Account {
  return withCounts(profileOf(ctx, row), row);
}

/** Mastodon's role object for the signed-in person; `permissions` is Mastodon's bit field. */
function mastodonRole(row: AccountRow): CredentialAccount['role'] {
  if (row.role === 'admin')
    return { id: '3', name: 'Admin', permissions: '1', color: '', highlighted: true };
  if (row.role === 'guest')
    return { id: '-98', name: 'Guest', permissions: '0', color: '', highlighted: true };
  return { id: '-99', name: '', permissions: '0', color: '', highlighted: false };
}

export function presentCredentialAccount(ctx: AppContext, row: AccountRow): CredentialAccount {
  return {
    ...presentAccount(ctx, row),
    source: {
      note: row.bio,
      fields: plainFields(row).map((field) => ({ ...field, verified_at: null })),
      privacy: row.default_privacy,
      sensitive: row.default_sensitive === 1,
      language: row.default_language,
      follow_requests_count: 0,
      hide_collections: row.hide_collections === 1,
      discoverable: row.discoverable === 1,
      indexable: row.indexable === 1,
    },
    role: mastodonRole(row),
    email: row.email,
    locale: row.locale,
  };
}

/** The short form of an account inside another entity (who invited, who created). */
export function presentAccountRef(
  row: Pick<AccountRow, 'id' | 'username' | 'display_name'> | undefined,
): AccountRef | null {
  return row
    ? { id: String(row.id), username: row.username, display_name: row.display_name }
    : null;
}

export function presentAdminAccount(
  ctx: AppContext,
  row: AccountRow,
  inviter: Pick<AccountRow, 'id' | 'username' | 'display_name'> | undefined,
): AdminAccount {
  return {
    id: String(row.id),
    username: row.username,
    email: row.email,
    display_name: row.display_name,
    avatar: avatarUrl(ctx, row),
    title: row.title,
    department: row.department,
    role: row.role,
    suspended: row.suspended === 1,
    suspended_at: toIsoOrNull(row.suspended_at),
    created_at: toIso(row.created_at),
    last_sign_in_at: toIsoOrNull(row.last_sign_in_at),
    invited_by: presentAccountRef(inviter),
  };
}
