import { NavLink, Outlet, useLocation } from 'react-router';
import { useTabInView } from '../../components/use-tab-in-view';
import { useT } from '../../i18n/I18nProvider';
import { PrivateLine } from './RelationshipParts';

/** The sections of /network; Introductions is its own feature's page under the same header. */
const TABS = [
  { to: '/network', label: 'network.tab.mine', end: true },
  { to: '/network/keep-in-touch', label: 'network.tab.keepInTouch', end: false },
  { to: '/network/introductions', label: 'network.tab.introductions', end: false },
  { to: '/network/people-to-meet', label: 'network.tab.peopleToMeet', end: false },
] as const;

/** `/network`: a header saying this is private, and the sections as tabs (links). */
export function NetworkLayout() {
  const t = useT();
  const { pathname } = useLocation();
  const tabRow = useTabInView<HTMLElement>(pathname);
  const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab tab-active' : 'tab');
  return (
    <div className="page page-medium network-page">
      <header className="page-header network-header">
        <h1>{t('network.title')}</h1>
        <p className="muted">{t('network.intro')}</p>
        <PrivateLine />
      </header>
      <nav ref={tabRow} className="tabs network-tabs" aria-label={t('network.tabs')}>
        {TABS.map((tab) => (
          <NavLink key={tab.to} to={tab.to} end={tab.end} className={linkClass}>
            {t(tab.label)}
          </NavLink>
        ))}
      </nav>
      <Outlet />
    </div>
  );
}
