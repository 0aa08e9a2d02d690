import type { CredentialAccount } from '@rapport/schema';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useSignOut } from '../features/auth/session';
import { useT } from '../i18n/I18nProvider';
import { Avatar } from './Avatar';
import { ChevronDownIcon } from './icons';

/**
 * The account menu (menu button pattern): Enter, Space or ArrowDown opens it on the first
 * item, arrows move, Home/End jump, Escape closes and returns focus to the button.
 */
export function AccountMenu({ account }: { account: CredentialAccount }) {
  const t = useT();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const name = account.display_name || account.username;

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const list = items();
    list[(index + list.length) % list.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!container.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

  // Which item takes the focus once the menu is on screen (-1: the last one).
  const focusOnOpen = useRef(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the menu opens
  useEffect(() => {
    if (open) focusItem(focusOnOpen.current);
  }, [open]);

  const openAt = (index: number) => {
    focusOnOpen.current = index;
    setOpen(true);
  };

  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openAt(0);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      openAt(-1);
    }
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const list = items();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      Home: 0,
      End: list.length - 1,
    };
    const target = moves[event.key];
    if (target !== undefined) {
      event.preventDefault();
      focusItem(target);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  const onSignOut = () => {
    signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) });
  };

  return (
    <div className="account-menu" ref={container}>
      <button
        ref={button}
        type="button"
        className="account-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t('nav.accountMenu', { name })}
        onClick={() => (open ? close() : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        <Avatar person={account} size="sm" />
        <span className="account-menu-name" aria-hidden="true">
          {name}
        </span>
        <ChevronDownIcon size={16} />
      </button>
      {open && (
        <div className="menu">
          <div className="menu-header">
            <span className="menu-header-name">{name}</span>
            <span className="menu-header-handle">@{account.username}</span>
          </div>
          <div
            ref={menu}
            id={menuId}
            role="menu"
            aria-label={t('nav.accountMenu', { name })}
            onKeyDown={onMenuKeyDown}
            tabIndex={-1}
          >
            <Link
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              to={`/@${account.username}`}
              onClick={() => close(false)}
            >
              {t('nav.myProfile')}
            </Link>
            <Link
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              to="/insights"
              onClick={() => close(false)}
            >
              {t('insights.nav')}
            </Link>
            <Link
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              to="/settings/profile"
              onClick={() => close(false)}
            >
              {t('nav.settings')}
            </Link>
            <hr className="menu-separator" />
            <button
              role="menuitem"
              tabIndex={-1}
              type="button"
              className="menu-item"
              onClick={onSignOut}
              disabled={signOut.isPending}
            >
              {signOut.isPending ? t('settings.account.signingOut') : t('nav.signOut')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
