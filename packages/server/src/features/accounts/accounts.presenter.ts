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

/** Mastodon shows admins with a badge; Rapport adds one for guests (people from outside). */
function badges(row: AccountRow): Account['roles'] {
  if (row.role === 'admin') return [{ id: '3', name: 'Admin', color: '' }];
  if (row.role === 'guest') return [{ id: '-98', name: 'Guest', color: '' }];
  return [];
}

export function presentAccount(ctx: AppContext, row: AccountRow): Account {
  const url = `${ctx.config.publicUrl}/@${row.username}`;
  const avatar = avatarUrl(ctx, row);
  const header = `${ctx.config.publicUrl}${MISSING_HEADER_PATH}`;
  const suspended = row.suspended === 1;
  // A suspended account keeps its name and nothing else, as Mastodon shows it.
  const fields: Field[] = suspended
    ? []
    : plainFields(row).map((field) => ({
        name: field.name,
        value: linkifyText(field.value),
        verified_at: null,
      }));
  return {
    id: String(row.id),
    username: row.username,
    acct: row.username,
    url,
    uri: url,
    display_name: row.display_name,
    note: suspended ? '' : row.bio_html,
    avatar: suspended ? `${ctx.config.publicUrl}${MISSING_AVATAR_PATH}` : avatar,
    avatar_static: suspended ? `${ctx.config.publicUrl}${MISSING_AVATAR_PATH}` : avatar,
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
    ...(suspended ? { suspended: true } : {}),
    created_at: toIso(row.created_at),
    // Mastodon gives the day of the last status, not the time.
    last_status_at: row.last_status_at === null ? null : toIso(row.last_status_at).slice(0, 10),
    statuses_count: row.statuses_count,
    followers_count: row.followers_count,
    following_count: row.following_count,
    roles: badges(row),
    title: suspended ? '' : row.title,
    department: suspended ? '' : row.department,
    location: suspended ? '' : row.location,
    skills: suspended ? [] : skillsOf(row),
    rapport_role: row.role,
  };
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
