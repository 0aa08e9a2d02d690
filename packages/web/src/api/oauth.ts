import type { AuthorizationPreview, AuthorizationResult } from '@rapport/schema';
import { sendJson } from './client';

/** The query of /oauth/authorize, passed through as the app sent it. */
export type AuthorizationParams = Record<string, string>;

export function previewAuthorization(params: AuthorizationParams): Promise<AuthorizationPreview> {
  return sendJson<AuthorizationPreview>('/api/rapport/v1/oauth/authorization', { query: params });
}

export function decideAuthorization(
  params: AuthorizationParams,
  decision: 'approve' | 'deny',
): Promise<AuthorizationResult> {
  return sendJson<AuthorizationResult>('/oauth/authorize', {
    method: 'POST',
    json: { ...params, decision },
  });
}
