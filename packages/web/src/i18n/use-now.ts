import { useSyncExternalStore } from 'react';

/**
 * The current time, refreshed every `TICK_MS` by one shared timer, so a timeline of fifty
 * relative times re-renders together rather than running fifty intervals.
 */
const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

export function useNow(): Date {
  const time = useSyncExternalStore(
    subscribe,
    () => now,
    () => now,
  );
  return new Date(time);
}
