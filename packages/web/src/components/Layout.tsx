import { useEffect, useRef } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { useServerInfo, useSession } from '../features/auth/session';
import { useChatStream } from '../features/chats/use-chat-stream';
import { useUserStream } from '../features/notifications/use-user-stream';
import { useT } from '../i18n/I18nProvider';
import { AccountMenu } from './AccountMenu';
import { MainNav } from './MainNav';

/** Listens to the signed-in person's stream while mounted (see useUserStream). */
function UserStream() {
  useUserStream();
  useChatStream();
  return null;
}

/** The frame of every page: skip link, header with navigation, and the main landmark. */
export function Layout() {
  const t = useT();
  const session = useSession();
  const server = useServerInfo();
  const account = session.data?.account;
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);

  // After client-side navigation, move focus to the new page, as a full page load would.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on purpose for each new path
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    const heading = main.current?.querySelector<HTMLElement>('h1');
    const target = heading ?? main.current;
    if (!target) return;
    if (heading) heading.tabIndex = -1;
    target.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [pathname]);

  return (
    <div className={account ? 'app app-signed-in' : 'app'}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {account && <UserStream key={account.id} />}
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-name">{server.data?.title || t('app.name')}</span>
          </Link>
          {account && <MainNav isAdmin={account.rapport_role === 'admin'} />}
          <div className="app-header-end">{account && <AccountMenu account={account} />}</div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
