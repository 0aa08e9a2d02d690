/** Where to come back to after signing in, passed in the router's location state. */
export interface ReturnState {
  from?: string;
}

/** The page to return to: only paths inside the app, never another site (`//evil.example`). */
export function returnPath(state: unknown): string {
  const from = (state as ReturnState | null)?.from;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return '/';
  if (from.startsWith('/\\') || from.startsWith('/sign-in')) return '/';
  return from;
}
