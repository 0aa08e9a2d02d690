import { z } from 'zod';
import { Id } from './common';

/** Mastodon's OAuth scopes. A parent scope (`read`) grants its children (`read:accounts`). */
export const SCOPES = [
  'read',
  'read:accounts',
  'read:blocks',
  'read:bookmarks',
  'read:favourites',
  'read:filters',
  'read:follows',
  'read:lists',
  'read:mutes',
  'read:notifications',
  'read:search',
  'read:statuses',
  'write',
  'write:accounts',
  'write:blocks',
  'write:bookmarks',
  'write:conversations',
  'write:favourites',
  'write:filters',
  'write:follows',
  'write:lists',
  'write:media',
  'write:mutes',
  'write:notifications',
  'write:reports',
  'write:statuses',
  'follow',
  'push',
  'profile',
  'admin:read',
  'admin:read:accounts',
  'admin:write',
  'admin:write:accounts',
] as const;
export type Scope = (typeof SCOPES)[number];

export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';

/** scheme:rest, e.g. https://app.example/cb or an app's own scheme such as tusky://oauth. */
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** Space- (or plus-) separated scope string, as OAuth sends it. */
export const ScopeString = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (value) =>
      value
        .split(/[\s+]+/)
        .filter(Boolean)
        .every((scope) => (SCOPES as readonly string[]).includes(scope)),
    'contains an unknown scope',
  );

const RedirectUris = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : value),
  z
    .array(
      z
        .string()
        .max(2000)
        .refine(
          (uri) => uri === OOB_REDIRECT_URI || ABSOLUTE_URI.test(uri),
          'must be an absolute URI or urn:ietf:wg:oauth:2.0:oob',
        ),
    )
    .min(1, 'must contain at least one redirect URI')
    .max(10),
);

export const CreateApplicationInput = z.object({
  client_name: z.string().trim().min(1, 'must not be blank').max(200),
  redirect_uris: RedirectUris,
  scopes: ScopeString.optional(),
  website: z
    .string()
    .max(2000)
    .refine((uri) => uri === '' || /^https?:\/\/\S+$/i.test(uri), 'must be an absolute http(s) URL')
    .optional()
    .nullable(),
});

export const Application = z.object({
  id: Id,
  name: z.string(),
  website: z.string().nullable(),
  scopes: z.array(z.string()),
  redirect_uri: z.string(),
  redirect_uris: z.array(z.string()),
});
export type Application = z.infer<typeof Application>;

export const CredentialApplication = Application.extend({
  client_id: z.string(),
  client_secret: z.string(),
  client_secret_expires_at: z.number().int(),
});

export const Token = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  scope: z.string(),
  created_at: z.number().int(),
});
export type Token = z.infer<typeof Token>;

/** POST /oauth/token; one shape for every grant, checked per grant by the server. */
export const TokenInput = z.object({
  grant_type: z.string().max(100),
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(200).optional(),
  code: z.string().max(200).optional(),
  redirect_uri: z.string().max(2000).optional(),
  code_verifier: z.string().max(200).optional(),
  scope: z.string().max(2000).optional(),
  username: z.string().max(300).optional(),
  password: z.string().max(300).optional(),
});

export const RevokeInput = z.object({
  client_id: z.string().max(200).optional(),
  client_secret: z.string().max(200).optional(),
  token: z.string().max(200),
});

/** The parameters of an authorization request, as GET /oauth/authorize receives them. */
export const AuthorizationRequest = z.object({
  response_type: z.string().max(50).default('code'),
  client_id: z.string().max(200),
  redirect_uri: z.string().max(2000),
  scope: z.string().max(2000).optional(),
  state: z.string().max(2000).optional(),
  code_challenge: z.string().max(200).optional(),
  code_challenge_method: z.string().max(20).optional(),
});
export type AuthorizationRequest = z.infer<typeof AuthorizationRequest>;

export const AuthorizationDecision = AuthorizationRequest.extend({
  decision: z.enum(['approve', 'deny']),
});

/** What the consent page shows before the person approves. */
export const AuthorizationPreview = z.object({
  application: z.object({ name: z.string(), website: z.string().nullable() }),
  scopes: z.array(z.string()),
  redirect_uri: z.string(),
  out_of_band: z.boolean(),
});
export type AuthorizationPreview = z.infer<typeof AuthorizationPreview>;

/** Where the browser goes after a decision; `code` is shown instead for out-of-band apps. */
export const AuthorizationResult = z.object({
  redirect_to: z.string().nullable(),
  code: z.string().nullable(),
});
export type AuthorizationResult = z.infer<typeof AuthorizationResult>;
