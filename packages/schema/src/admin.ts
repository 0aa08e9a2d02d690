import { z } from 'zod';
import { Email } from './accounts';
import { DateTime, FormInt, Id, PageQuery, Role } from './common';

export const AccountRef = z.object({ id: Id, username: z.string(), display_name: z.string() });
export type AccountRef = z.infer<typeof AccountRef>;

/** What an admin sees of an account: Rapport's own shape, not Mastodon's Admin::Account. */
export const AdminAccount = z.object({
  id: Id,
  username: z.string(),
  email: z.string(),
  display_name: z.string(),
  avatar: z.string(),
  title: z.string(),
  department: z.string(),
  role: Role,
  suspended: z.boolean(),
  suspended_at: DateTime.nullable(),
  created_at: DateTime,
  last_sign_in_at: DateTime.nullable(),
  invited_by: AccountRef.nullable(),
});
export type AdminAccount = z.infer<typeof AdminAccount>;

export const AdminAccountsQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  role: Role.optional(),
  status: z.enum(['active', 'suspended']).optional(),
});

export const ChangeRoleInput = z.object({ role: Role });

export const InvitationState = z.enum(['active', 'expired', 'revoked', 'used_up']);
export type InvitationState = z.infer<typeof InvitationState>;

export const Invitation = z.object({
  id: Id,
  code: z.string(),
  url: z.string(),
  role: Role,
  email: z.string().nullable(),
  note: z.string(),
  max_uses: z.number().int().nullable(),
  uses: z.number().int(),
  expires_at: DateTime.nullable(),
  revoked_at: DateTime.nullable(),
  created_at: DateTime,
  created_by: AccountRef.nullable(),
  state: InvitationState,
});
export type Invitation = z.infer<typeof Invitation>;

export const CreateInvitationInput = z.object({
  role: z.enum(['member', 'guest']).default('member'),
  email: z.union([Email, z.literal('')]).optional(),
  note: z.string().trim().max(200).default(''),
  /** null = unlimited. */
  max_uses: FormInt.pipe(z.number().int().min(1).max(1000)).nullable().default(1),
  /** null = never expires. */
  expires_in_days: FormInt.pipe(z.number().int().min(1).max(365)).nullable().default(7),
});

export const InvitationsQuery = PageQuery.extend({ state: InvitationState.optional() });

/** What the invitation page shows to the person who opened the link. */
export const InvitationPreview = z.object({
  role: Role,
  email: z.string().nullable(),
  invited_by: z.string().nullable(),
  expires_at: DateTime.nullable(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const InvitationCodeParams = z.object({ code: z.string().min(1).max(64) });
