import type { Account, Notification, Status } from '@rapport/schema';

/** Entities for unit tests, complete enough to type-check; override what a test is about. */
export function makeAccount(overrides: Partial<Account> = {}): Account {
  const username = overrides.username ?? 'ada';
  return {
    id: '1',
    username,
    acct: username,
    url: `https://rapport.example/@${username}`,
    uri: `https://rapport.example/users/${username}`,
    display_name: 'Ada Lovelace',
    note: '',
    avatar: 'https://rapport.example/avatars/original/missing.png',
    avatar_static: 'https://rapport.example/avatars/original/missing.png',
    avatar_description: '',
    header: '',
    header_static: '',
    header_description: '',
    locked: false,
    fields: [],
    emojis: [],
    bot: false,
    group: false,
    discoverable: true,
    indexable: true,
    noindex: false,
    hide_collections: false,
    created_at: '2026-01-01T00:00:00.000Z',
    last_status_at: null,
    statuses_count: 0,
    followers_count: 0,
    following_count: 0,
    roles: [],
    title: '',
    department: '',
    location: '',
    skills: [],
    rapport_role: 'member',
    ...overrides,
  };
}

export function makeStatus(overrides: Partial<Status> = {}): Status {
  const id = overrides.id ?? '100';
  return {
    id,
    uri: `https://rapport.example/statuses/${id}`,
    url: `https://rapport.example/@ada/${id}`,
    created_at: '2026-03-01T12:00:00.000Z',
    account: makeAccount(),
    content: '<p>Hello</p>',
    visibility: 'public',
    sensitive: false,
    spoiler_text: '',
    media_attachments: [],
    application: null,
    mentions: [],
    tags: [],
    emojis: [],
    reblogs_count: 0,
    favourites_count: 0,
    replies_count: 0,
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    poll: null,
    card: null,
    language: 'en',
    text: null,
    edited_at: null,
    favourited: false,
    reblogged: false,
    bookmarked: false,
    reblog: null,
    community: null,
    kind: 'status',
    hidden: null,
    question: null,
    answer: null,
    ...overrides,
  };
}

/** A boost of `original` by `booster`, as Mastodon shapes it. */
export function makeBoost(
  id: string,
  original: Status,
  booster = makeAccount({ id: '2', username: 'grace' }),
): Status {
  return makeStatus({ id, account: booster, content: '', reblog: { ...original, reblog: null } });
}

export function makeNotification(overrides: Partial<Notification> = {}): Notification {
  const id = overrides.id ?? '500';
  return {
    id,
    type: 'mention',
    group_key: `ungrouped-${id}`,
    created_at: '2026-03-01T12:00:00.000Z',
    account: makeAccount({ id: '2', username: 'grace', display_name: 'Grace Hopper' }),
    status: null,
    ...overrides,
  };
}
