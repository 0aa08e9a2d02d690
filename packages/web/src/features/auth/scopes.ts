import type { MessageKey, Translate } from '../../i18n';

const WHOLE_SCOPES: Record<string, MessageKey> = {
  read: 'oauth.scope.read',
  write: 'oauth.scope.write',
  follow: 'oauth.scope.follow',
  push: 'oauth.scope.push',
  profile: 'oauth.scope.profile',
  'admin:read': 'oauth.scope.admin:read',
  'admin:write': 'oauth.scope.admin:write',
};

const THINGS: Record<string, MessageKey> = {
  accounts: 'oauth.thing.accounts',
  blocks: 'oauth.thing.blocks',
  bookmarks: 'oauth.thing.bookmarks',
  conversations: 'oauth.thing.conversations',
  favourites: 'oauth.thing.favourites',
  filters: 'oauth.thing.filters',
  follows: 'oauth.thing.follows',
  lists: 'oauth.thing.lists',
  media: 'oauth.thing.media',
  mutes: 'oauth.thing.mutes',
  notifications: 'oauth.thing.notifications',
  reports: 'oauth.thing.reports',
  search: 'oauth.thing.search',
  statuses: 'oauth.thing.statuses',
};

const PARTS: Record<string, MessageKey> = {
  read: 'oauth.scope.readPart',
  write: 'oauth.scope.writePart',
  'admin:read': 'oauth.scope.adminReadPart',
  'admin:write': 'oauth.scope.adminWritePart',
};

/** A Mastodon OAuth scope in plain words: `read:statuses` → "Read your posts". */
export function describeScope(t: Translate, scope: string): string {
  const whole = WHOLE_SCOPES[scope];
  if (whole) return t(whole as 'oauth.scope.read');
  const split = scope.lastIndexOf(':');
  const part = PARTS[scope.slice(0, split)];
  const thing = THINGS[scope.slice(split + 1)];
  if (split > 0 && part && thing) {
    return t(part as 'oauth.scope.readPart', { thing: t(thing as 'oauth.thing.accounts') });
  }
  return t('oauth.scope.unknown', { scope });
}
