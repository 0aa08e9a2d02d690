import type { Kysely } from 'kysely';
import type { AccountsTable, AccountTermsTable } from './accounts.table';
import type { InvitationsTable } from './invitations.table';
import type {
  AccessTokensTable,
  OAuthApplicationsTable,
  OAuthAuthorizationCodesTable,
} from './oauth.table';
import type { ServerSettingsTable } from './settings.table';

export interface Tables {
  accounts: AccountsTable;
  account_terms: AccountTermsTable;
  oauth_applications: OAuthApplicationsTable;
  oauth_authorization_codes: OAuthAuthorizationCodesTable;
  access_tokens: AccessTokensTable;
  invitations: InvitationsTable;
  server_settings: ServerSettingsTable;
}

export type Db = Kysely<Tables>;
export type { AccessTokensTable, AccountsTable, InvitationsTable, OAuthApplicationsTable };
