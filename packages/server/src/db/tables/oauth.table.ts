export interface OAuthApplicationsTable {
  id: number;
  name: string;
  website: string | null;
  /** Newline-separated. */
  redirect_uris: string;
  /** Space-separated. */
  scopes: string;
  client_id: string;
  client_secret_hash: string;
  /** 1 for Rapport's own web app, whose tokens are cookie sessions. */
  first_party: number;
  created_at: number;
}

export interface OAuthAuthorizationCodesTable {
  id: number;
  code_hash: string;
  application_id: number;
  account_id: number;
  redirect_uri: string;
  scopes: string;
  code_challenge: string | null;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Bearer tokens and web sessions alike; only the SHA-256 of each token is stored. */
export interface AccessTokensTable {
  id: number;
  token_hash: string;
  application_id: number;
  /** null for app-only tokens (client_credentials). */
  account_id: number | null;
  scopes: string;
  kind: 'session' | 'bearer';
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
  user_agent: string;
}
