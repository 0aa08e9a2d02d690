import { NavLink } from 'react-router';
import { useT } from '../i18n/I18nProvider';
import { HomeIcon, PeopleIcon, ShieldIcon } from './icons';

/**
 * The main navigation. One <nav> for every screen size: inline in the header on wide
 * screens, a bar fixed to the bottom on phones (see layout.css).
 */
export function MainNav({ isAdmin }: { isAdmin: boolean }) {
  const t = useT();
  const linkClass = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'nav-link nav-link-active' : 'nav-link';
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavLink to="/" end className={linkClass}>
            <HomeIcon />
            <span>{t('nav.home')}</span>
          </NavLink>
        </li>
        <li>
          <NavLink to="/people" className={linkClass}>
            <PeopleIcon />
            <span>{t('nav.people')}</span>
          </NavLink>
        </li>
        {isAdmin && (
          <li>
            <NavLink to="/admin" className={linkClass}>
              <ShieldIcon />
              <span>{t('nav.admin')}</span>
            </NavLink>
          </li>
        )}
      </ul>
    </nav>
  );
}
