import type { CredentialAccount } from '@rapport/schema';
import { ACCOUNT_LIMITS } from '@rapport/schema/limits';
import { customFields } from '../profile/profile-fields';

export interface CustomField {
  name: string;
  value: string;
}

export type AvatarChange =
  | { kind: 'keep' }
  | { kind: 'remove' }
  | { kind: 'new'; file: File; preview: string };

/** The profile editor's state; plain text everywhere (the server renders HTML). */
export interface ProfileDraft {
  display_name: string;
  title: string;
  department: string;
  location: string;
  note: string;
  skills: string[];
  fields: CustomField[];
  avatar: AvatarChange;
  avatar_description: string;
}

export function draftFromAccount(account: CredentialAccount): ProfileDraft {
  return {
    display_name: account.display_name,
    title: account.title,
    department: account.department,
    location: account.location,
    note: account.source.note,
    skills: [...account.skills],
    fields: customFields(account.source.fields).map(({ name, value }) => ({ name, value })),
    avatar: { kind: 'keep' },
    avatar_description: account.avatar_description,
  };
}

const filled = (fields: CustomField[]) =>
  fields
    .map((field) => ({ name: field.name.trim(), value: field.value.trim() }))
    .filter((field) => field.name !== '' || field.value !== '');

function sameFields(a: CustomField[], b: CustomField[]): boolean {
  const left = filled(a);
  const right = filled(b);
  return (
    left.length === right.length &&
    left.every((field, i) => field.name === right[i]?.name && field.value === right[i]?.value)
  );
}

export function isDraftChanged(draft: ProfileDraft, initial: ProfileDraft): boolean {
  return (
    draft.avatar.kind !== 'keep' ||
    !sameFields(draft.fields, initial.fields) ||
    (
      ['display_name', 'title', 'department', 'location', 'note', 'avatar_description'] as const
    ).some((key) => draft[key] !== initial[key]) ||
    draft.skills.join('\n') !== initial.skills.join('\n')
  );
}

/**
 * The multipart body for PATCH update_credentials. The attributes always go explicitly;
 * `fields_attributes` only when the custom fields changed, because sending it replaces the
 * whole list (and would clear the attributes, were they not sent too). An empty pair clears
 * every custom field, since an empty list cannot be written as form fields.
 */
export function buildProfileForm(draft: ProfileDraft, initial: ProfileDraft): FormData {
  const form = new FormData();
  form.set('display_name', draft.display_name.trim());
  form.set('note', draft.note);
  form.set('title', draft.title.trim());
  form.set('department', draft.department.trim());
  form.set('location', draft.location.trim());
  form.set('skills', draft.skills.join(','));
  if (!sameFields(draft.fields, initial.fields)) {
    const fields = filled(draft.fields);
    const rows = fields.length > 0 ? fields : [{ name: '', value: '' }];
    rows.forEach((field, index) => {
      form.set(`fields_attributes[${index}][name]`, field.name);
      form.set(`fields_attributes[${index}][value]`, field.value);
    });
  }
  if (draft.avatar.kind === 'new') form.set('avatar', draft.avatar.file);
  if (draft.avatar.kind === 'remove') form.set('avatar', '');
  if (draft.avatar.kind !== 'remove') form.set('avatar_description', draft.avatar_description);
  return form;
}

export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** The client's early check; the server still decodes and verifies the image itself. */
export function avatarProblem(file: Pick<File, 'type' | 'size'>): 'type' | 'size' | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > ACCOUNT_LIMITS.avatarBytes) return 'size';
  return null;
}

/** Megabytes with one decimal, for messages about file sizes. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
