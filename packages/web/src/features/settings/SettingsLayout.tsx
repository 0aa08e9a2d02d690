import { NavLink, Outlet } from 'react-router';
import { useT } from '../../i18n/I18nProvider';

/** Settings pages share a title and a row of section tabs (links, not ARIA tabs). */
export function SettingsLayout() {
  const t = useT();
  const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab tab-active' : 'tab');
  return (
    <div className="page page-medium">
      <header className="page-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('settings.nav')}>
        <NavLink to="/settings/profile" className={linkClass}>
          {t('settings.profileTab')}
        </NavLink>
        <NavLink to="/settings/account" className={linkClass}>
          {t('settings.accountTab')}
        </NavLink>
        <NavLink to="/settings/notifications" className={linkClass}>
          {t('settings.notificationsTab')}
        </NavLink>
        <NavLink to="/settings/messages" className={linkClass}>
          {t('chats.settings.tab')}
        </NavLink>
        <NavLink to="/settings/privacy" className={linkClass}>
          {t('network.privacy.tab')}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
