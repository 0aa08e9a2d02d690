import { NavLink, Outlet } from 'react-router';
import { useT } from '../../i18n/I18nProvider';

export function AdminLayout() {
  const t = useT();
  const linkClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'tab tab-active' : 'tab');
  return (
    <div className="page page-wide">
      <header className="page-header">
        <h1>{t('admin.title')}</h1>
      </header>
      <nav className="tabs" aria-label={t('admin.nav')}>
        <NavLink to="/admin/accounts" className={linkClass}>
          {t('admin.accountsTab')}
        </NavLink>
        <NavLink to="/admin/invitations" className={linkClass}>
          {t('admin.invitationsTab')}
        </NavLink>
        <NavLink to="/admin/analytics" className={linkClass}>
          {t('insights.settings.tab')}
        </NavLink>
        <NavLink to="/moderation" className={linkClass}>
          {t('moderation.nav')}
        </NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
