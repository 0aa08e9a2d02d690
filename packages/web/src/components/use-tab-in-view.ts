import { useEffect, useRef } from 'react';

/**
 * For a row of tabs that scrolls sideways on a phone: brings the active tab (`.tab-active`)
 * into sight whenever `current` changes (after a reload, or a link straight to it), without
 * moving the page up or down. Returns the ref for the row.
 */
export function useTabInView<T extends HTMLElement>(current: string) {
  const row = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs again whenever the open tab changes
  useEffect(() => {
    const nav = row.current;
    const active = nav?.querySelector<HTMLElement>('.tab-active');
    if (!nav || !active) return;
    const box = nav.getBoundingClientRect();
    const tab = active.getBoundingClientRect();
    if (tab.left < box.left || tab.right > box.right) {
      nav.scrollLeft += tab.left - box.left - (box.width - tab.width) / 2;
    }
  }, [current]);
  return row;
}
