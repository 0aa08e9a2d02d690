import { analyticsMessages } from '../features/analytics/messages';
import { chatsMessages } from '../features/chats/messages';
import { communitiesMessages } from '../features/communities/messages';
import { emailMessages } from '../features/email/messages';
import { eventsMessages } from '../features/events/messages';
import { filesMessages } from '../features/files/messages';
import { inboxMessages } from '../features/inbox/messages';
import { insightsMessages } from '../features/insights/messages';
import { introductionsMessages } from '../features/introductions/messages';
import { moderationMessages } from '../features/moderation/messages';
import { networkMessages } from '../features/network/messages';
import { notificationsMessages } from '../features/notifications/messages';
import { pagesMessages } from '../features/pages/messages';
import { pushMessages } from '../features/push/messages';
import { questionsMessages } from '../features/questions/messages';
import { searchMessages } from '../features/search/messages';
import { accountsCoreMessages } from './en-accounts';
import { settingsCoreMessages } from './en-settings';
import { socialCoreMessages } from './en-social';

/**
 * English messages: the reference locale. Its keys type `t()`, so a missing or misspelt key
 * is a compile error, and every other locale must translate the same keys.
 */
export const en = {
  'app.name': 'Rapport',
  'app.skipToContent': 'Skip to content',
  'app.loading': 'Loading…',
  'app.pageTitle': '{page} · {app}',

  'nav.label': 'Main',
  'nav.home': 'Home',
  'nav.people': 'People',
  'nav.admin': 'Admin',
  'nav.timeline': 'Timeline',
  'nav.notifications': 'Notifications',
  'nav.unread': { one: '({count} unread)', other: '({count} unread)' },
  'nav.search': 'Search',
  'nav.more': 'More',
  'nav.bookmarks': 'Bookmarks',
  'nav.favourites': 'Favourites',
  'nav.accountMenu': 'Account menu for {name}',
  'nav.myProfile': 'My profile',
  'nav.settings': 'Settings',
  'nav.signOut': 'Sign out',
  'nav.signIn': 'Sign in',

  'common.saving': 'Saving…',
  'common.cancel': 'Cancel',
  'common.retry': 'Try again',
  'common.loadMore': 'Load more',
  'common.loadingMore': 'Loading more…',
  'common.optional': '(optional)',
  'common.copy': 'Copy',
  'common.copied': 'Copied',
  'common.copyFailed': 'Press Ctrl+C (or ⌘C) to copy the selected text.',
  'common.never': 'Never',
  'common.unlimited': 'Unlimited',
  'common.openInNewTab': '(opens in a new tab)',
  'common.close': 'Close',

  'errors.title': 'Something went wrong',
  'errors.network': 'Rapport could not be reached. Check your connection and try again.',
  'errors.unexpected': 'Something unexpected happened. Please try again.',
  'errors.formSummary': 'Please correct the highlighted fields.',
  'errors.invalidCredentials': 'That email, username or password is not right.',
  'errors.accountSuspended': 'This account is suspended. Contact an administrator.',
  'errors.rateLimited': 'Too many attempts. Please wait a few minutes and try again.',
  'errors.csrfFailed': 'Your session changed in another tab. Reload the page and try again.',
  'errors.payloadTooLarge': 'That file is too large to upload.',
  'errors.registrationsClosed': 'This organisation does not accept new accounts right now.',
  'errors.invalidInvitation': 'This invitation link is not valid any more.',
  'errors.invalidSetupToken':
    'This setup link is not valid any more. Restart Rapport to print a new one in the server console.',
  'errors.sessionExpired': 'Your session has ended. Please sign in again.',
  'errors.required': 'This field is required.',
  'errors.fieldProblem': '{field} {problem}.',
  'errors.passwordTooShort': {
    one: 'Use at least {count} character.',
    other: 'Use at least {count} characters.',
  },
  'errors.passwordsDiffer': 'The two passwords are not the same.',
  'errors.usernameFormat': 'Use only letters, numbers and underscores.',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at this address. It may have moved, or the link may be wrong.',
  'notFound.home': 'Go to the home page',

  ...accountsCoreMessages,
  ...socialCoreMessages,
  ...settingsCoreMessages,
  ...communitiesMessages,
  ...questionsMessages,
  ...pagesMessages,
  ...eventsMessages,
  ...filesMessages,
  ...moderationMessages,
  ...searchMessages,
  ...pushMessages,
  ...chatsMessages,
  ...emailMessages,
  ...notificationsMessages,
  ...inboxMessages,
  ...networkMessages,
  ...introductionsMessages,
  ...analyticsMessages,
  ...insightsMessages,
} as const;
