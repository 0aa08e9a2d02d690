import { GROUPABLE_NOTIFICATION_TYPES, NotificationType } from '@rapport/schema';
import type { NotificationFilter } from './shown.queries';

const known = new Set<string>(NotificationType.options);

/** The types an app named that Rapport knows; the others match nothing. */
export const knownTypes = (types: string[] | undefined) =>
  types?.filter((type): type is NotificationType => known.has(type));

/** Mastodon's list parameters (`types[]`, `exclude_types[]`, `account_id`) as a filter. */
export function filterOf(query: {
  types?: string[] | undefined;
  exclude_types?: string[] | undefined;
  account_id?: string | undefined;
}): NotificationFilter {
  return {
    types: query.types?.length ? knownTypes(query.types) : undefined,
    excludeTypes: knownTypes(query.exclude_types),
    fromAccountId: query.account_id === undefined ? undefined : Number(query.account_id),
  };
}

/** `grouped_types[]`: the groupable types the app asked for, every one when it asked none. */
export function groupedTypesOf(names: string[] | undefined): Set<NotificationType> {
  const all = new Set<NotificationType>(GROUPABLE_NOTIFICATION_TYPES);
  if (!names?.length) return all;
  return new Set(knownTypes(names)?.filter((type) => all.has(type)));
}
