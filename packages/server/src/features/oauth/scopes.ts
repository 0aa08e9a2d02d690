import { SCOPES, type Scope } from '@rapport/schema';

/** `follow` is Mastodon's legacy bundle of relationship scopes. */
const FOLLOW_BUNDLE = new Set([
  'read:follows',
  'write:follows',
  'read:blocks',
  'write:blocks',
  'read:mutes',
  'write:mutes',
]);

/**
 * Whether `granted` covers `required`: the scope itself, any parent of it
 * (`read` covers `read:accounts`, `admin:read` covers `admin:read:accounts`), or `follow`
 * for the relationship scopes.
 */
export function hasScope(granted: readonly string[], required: Scope): boolean {
  if (granted.includes(required)) return true;
  if (FOLLOW_BUNDLE.has(required) && granted.includes('follow')) return true;
  const parts = required.split(':');
  for (let i = parts.length - 1; i > 0; i--) {
    if (granted.includes(parts.slice(0, i).join(':'))) return true;
  }
  return false;
}

export function parseScopes(value: string | undefined | null, fallback = 'read'): string[] {
  const scopes = (value ?? '').split(/[\s+]+/).filter(Boolean);
  return scopes.length > 0 ? [...new Set(scopes)] : [fallback];
}

export function isKnownScope(scope: string): scope is Scope {
  return (SCOPES as readonly string[]).includes(scope);
}

/** What the web app's cookie session may do; roles still decide what a person may do. */
export const SESSION_SCOPES = [
  'read',
  'write',
  'follow',
  'push',
  'profile',
  'admin:read',
  'admin:write',
];
