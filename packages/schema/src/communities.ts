import { z } from 'zod';
import { DateTime, Id } from './common';

/**
 * `public`: anyone in the organisation sees it and its content and may join; `private`:
 * the organisation sees that it exists, only members see its content, joining is by
 * request or invitation; `secret`: only members (and those invited) know it exists.
 */
export const CommunityPrivacy = z.enum(['public', 'private', 'secret']);
export type CommunityPrivacy = z.infer<typeof CommunityPrivacy>;

export const CommunityRole = z.enum(['owner', 'moderator', 'member']);
export type CommunityRole = z.infer<typeof CommunityRole>;

/** `requested`: asked to join; `invited`: asked in by a member, not yet accepted. */
export const MembershipState = z.enum(['member', 'requested', 'invited']);
export type MembershipState = z.infer<typeof MembershipState>;

/** How the viewer stands towards a community. */
export const CommunityMembership = z.object({
  state: MembershipState.nullable(),
  role: CommunityRole.nullable(),
});
export type CommunityMembership = z.infer<typeof CommunityMembership>;

export const Community = z.object({
  id: Id,
  name: z.string(),
  description: z.string(),
  privacy: CommunityPrivacy,
  /** The web page of the community. */
  url: z.string(),
  cover: z.object({ url: z.string(), description: z.string() }).nullable(),
  members_count: z.number().int(),
  statuses_count: z.number().int(),
  last_status_at: DateTime.nullable(),
  created_at: DateTime,
  membership: CommunityMembership,
});
export type Community = z.infer<typeof Community>;

/** A status's community as statuses carry it (Rapport's addition to Mastodon's Status). */
export const CommunityRef = z.object({
  id: Id,
  name: z.string(),
  privacy: CommunityPrivacy,
  url: z.string(),
});
export type CommunityRef = z.infer<typeof CommunityRef>;
