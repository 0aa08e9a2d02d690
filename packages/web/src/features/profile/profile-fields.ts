import type { Field } from '@rapport/schema';

/** The server lists Rapport's attributes as the first profile fields, for Mastodon apps. */
export const ATTRIBUTE_FIELD_NAMES = new Set(['title', 'department', 'location', 'skills']);

/** The person's own extra fields, without the ones mirroring title, department, location, skills. */
export function customFields<T extends Pick<Field, 'name'>>(fields: readonly T[]): T[] {
  return fields.filter((field) => !ATTRIBUTE_FIELD_NAMES.has(field.name.trim().toLowerCase()));
}
