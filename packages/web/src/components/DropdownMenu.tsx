import { type KeyboardEvent, type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';

export type MenuEntry =
  | { kind: 'action'; label: string; onSelect: () => void; danger?: boolean; disabled?: boolean }
  | { kind: 'link'; label: string; to: string }
  | { kind: 'separator' };

/**
 * A menu button (WAI-ARIA menu button pattern), like the account menu: Enter, Space or
 * ArrowDown opens it on the first item, arrows move, Home/End jump, Escape closes and
 * returns focus to the button, Tab leaves.
 */
export function DropdownMenu({
  label,
  icon,
  text,
  entries,
  className,
  buttonClassName = 'button button-ghost icon-button',
  placement = 'below',
}: {
  /** The accessible name of the button. */
  label: string;
  icon: ReactNode;
  /** Visible text next to the icon, if any (it must be part of `label`). */
  text?: ReactNode;
  entries: readonly MenuEntry[];
  className?: string;
  buttonClassName?: string;
  placement?: 'below' | 'above';
}) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const container = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const focusOnOpen = useRef(0);

  const items = () => [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
  const focusItem = (index: number) => {
    const list = items();
    list[(index + list.length) % list.length]?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const closeOnOutside = (event: PointerEvent) => {
      if (!container.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOnOutside);
    return () => document.removeEventListener('pointerdown', closeOnOutside);
  }, [open]);

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
      event.stopPropagation();
      close();
    } else if (event.key === 'Tab') {
      close(false);
    }
  };

  return (
    <div
      className={['dropdown', placement === 'above' ? 'dropdown-above' : '', className]
        .filter(Boolean)
        .join(' ')}
      ref={container}
    >
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={label}
        onClick={() => (open ? close() : openAt(0))}
        onKeyDown={onButtonKeyDown}
      >
        {icon}
        {text}
      </button>
      {open && (
        <div
          ref={menu}
          id={menuId}
          className="menu"
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
          tabIndex={-1}
        >
          {entries.map((entry, index) => {
            if (entry.kind === 'separator') {
              // biome-ignore lint/suspicious/noArrayIndexKey: separators have no identity
              return <hr key={`separator-${index}`} className="menu-separator" />;
            }
            if (entry.kind === 'link') {
              return (
                <Link
                  key={entry.label}
                  role="menuitem"
                  tabIndex={-1}
                  className="menu-item"
                  to={entry.to}
                  onClick={() => close(false)}
                >
                  {entry.label}
                </Link>
              );
            }
            return (
              <button
                key={entry.label}
                role="menuitem"
                tabIndex={-1}
                type="button"
                className={entry.danger ? 'menu-item menu-item-danger' : 'menu-item'}
                disabled={entry.disabled}
                onClick={() => {
                  close();
                  entry.onSelect();
                }}
              >
                {entry.label}
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
