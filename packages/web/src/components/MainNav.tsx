import { NavLink, useLocation } from 'react-router';
import { useOffersAnalytics } from '../features/analytics/use-analytics-scopes';
import { MessageIcon } from '../features/chats/chat-icons';
import { useChatUnreadCount } from '../features/chats/use-chat-stream';
import { InboxIcon } from '../features/inbox/icons';
import { useInboxUnreadCount } from '../features/inbox/use-inbox-unread';
import { useModerates } from '../features/moderation/use-moderation-scope';
import { NetworkIcon } from '../features/network/icons';
import { useUnreadCount } from '../features/notifications/use-user-stream';
import { useT } from '../i18n/I18nProvider';
import { DropdownMenu, type MenuEntry } from './DropdownMenu';
import {
  BellIcon,
  CommunitiesIcon,
  HomeIcon,
  MenuIcon,
  PeopleIcon,
  SearchIcon,
  TimelineIcon,
} from './icons';
import { useMediaQuery } from './use-media-query';

/** Pages reached through "More"; the button looks current while one of them is open. */
const MORE_PATHS = [
  '/bookmarks',
  '/favourites',
  '/admin',
  '/questions',
  '/experts',
  '/pages',
  '/events',
  '/analytics',
];

/** The bottom bar of a phone holds seven entries; further destinations go into "More" there. */
const PHONE = '(max-width: 640px)';

function UnreadBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="nav-badge" aria-hidden="true">
      {count > 99 ? '99+' : count}
    </span>
  );
}

/**
 * The main navigation. One <nav> for every screen size: icons and labels in the header on
 * wide screens, icons alone in the header on medium ones, and a bar fixed to the bottom on
 * phones (see layout.css). Labels hidden on small screens stay in the accessible name.
 */
export function MainNav({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const { pathname } = useLocation();
  const unread = useUnreadCount();
  const unreadMessages = useChatUnreadCount();
  const inboxUnread = useInboxUnreadCount();
  const phone = useMediaQuery(PHONE);
  const moderates = useModerates(isAdmin);
  const offersAnalytics = useOffersAnalytics();
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'nav-link nav-link-active' : 'nav-link';
  const links = [
    { to: '/', label: t('nav.home'), icon: <HomeIcon />, end: true },
    // Phones keep six entries in the bar: the timeline, People and Communities move into
    // "More" there.
    { to: '/timeline', label: t('nav.timeline'), icon: <TimelineIcon />, wide: true },
    {
      to: '/inbox',
      label: t('nav.inbox'),
      icon: <InboxIcon />,
      badge: <UnreadBadge count={inboxUnread.data ?? 0} />,
      extra: inboxUnread.data ? t('nav.unread', { count: inboxUnread.data }) : undefined,
    },
    {
      to: '/messages',
      label: t('chats.nav'),
      icon: <MessageIcon />,
      badge: <UnreadBadge count={unreadMessages.data ?? 0} />,
      extra: unreadMessages.data ? t('nav.unread', { count: unreadMessages.data }) : undefined,
    },
    {
      to: '/notifications',
      label: t('nav.notifications'),
      icon: <BellIcon />,
      badge: <UnreadBadge count={unread.data ?? 0} />,
      // Said after the label: "Notifications (3 unread)".
      extra: unread.data ? t('nav.unread', { count: unread.data }) : undefined,
    },
    { to: '/search', label: t('nav.search'), icon: <SearchIcon /> },
    { to: '/people', label: t('nav.people'), icon: <PeopleIcon />, wide: true },
    { to: '/communities', label: t('nav.communities'), icon: <CommunitiesIcon />, wide: true },
    { to: '/network', label: t('network.nav'), icon: <NetworkIcon />, wide: true },
  ].filter((link) => !(phone && 'wide' in link));
  const more: MenuEntry[] = [
    { kind: 'link', label: t('nav.questions'), to: '/questions' },
    { kind: 'link', label: t('nav.experts'), to: '/experts' },
    { kind: 'link', label: t('nav.pages'), to: '/pages' },
    { kind: 'link', label: t('events.nav'), to: '/events' },
    { kind: 'link', label: t('nav.bookmarks'), to: '/bookmarks' },
    { kind: 'link', label: t('nav.favourites'), to: '/favourites' },
  ];
  if (phone) {
    more.unshift(
      { kind: 'link', label: t('nav.timeline'), to: '/timeline' },
      { kind: 'link', label: t('nav.people'), to: '/people' },
      { kind: 'link', label: t('nav.communities'), to: '/communities' },
      { kind: 'link', label: t('network.nav'), to: '/network' },
    );
  }
  if (isAdmin)
    more.push({ kind: 'separator' }, { kind: 'link', label: t('nav.admin'), to: '/admin' });
  if (isAdmin || moderates)
    more.push({ kind: 'link', label: t('moderation.nav'), to: '/moderation' });
  if (offersAnalytics) more.push({ kind: 'link', label: t('analytics.nav'), to: '/analytics' });
  const morePaths = phone
    ? [...MORE_PATHS, '/timeline', '/people', '/communities', '/network']
    : MORE_PATHS;
  const moreActive = morePaths.some((path) => pathname === path || pathname.startsWith(`${path}/`));

  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {links.map((link) => (
          <li key={link.to}>
            <NavLink to={link.to} end={link.end} className={linkClass} title={link.label}>
              <span className="nav-icon">
                {link.icon}
                {link.badge}
              </span>
              <span className="nav-label">{link.label}</span>
              {link.extra && <span className="visually-hidden"> {link.extra}</span>}
            </NavLink>
          </li>
        ))}
        <li>
          <DropdownMenu
            className="nav-more"
            buttonClassName={moreActive ? 'nav-link nav-link-active' : 'nav-link'}
            label={t('nav.more')}
            icon={
              <span className="nav-icon">
                <MenuIcon />
              </span>
            }
            text={<span className="nav-label">{t('nav.more')}</span>}
            entries={more}
          />
        </li>
      </ul>
    </nav>
  );
}
