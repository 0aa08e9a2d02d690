import { z } from 'zod';
import { Account } from './accounts';
import { CursorQuery, DateTime, FormBoolean, Id, PageQuery } from './common';
import { COMMUNITY_LIMITS } from './limits';

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

/** A person's place in a community, as its member list, requests and invitations show it. */
export const CommunityMember = z.object({
  account: Account,
  role: CommunityRole,
  state: MembershipState,
  /** When they got this place: joined, asked or were invited. */
  since: DateTime,
});
export type CommunityMember = z.infer<typeof CommunityMember>;

const privacyInput = z.enum(CommunityPrivacy.options, {
  error: () => 'must be public, private or secret',
});
const nameInput = z
  .string({ error: "can't be blank" })
  .trim()
  .min(1, "can't be blank")
  .max(COMMUNITY_LIMITS.name, `must be at most ${COMMUNITY_LIMITS.name} characters`);
const descriptionInput = z
  .string()
  .trim()
  .max(COMMUNITY_LIMITS.description, `must be at most ${COMMUNITY_LIMITS.description} characters`);
const coverDescriptionInput = z
  .string()
  .trim()
  .max(
    COMMUNITY_LIMITS.coverDescription,
    `must be at most ${COMMUNITY_LIMITS.coverDescription} characters`,
  );

/**
 * `POST /api/rapport/v1/communities`. The cover is an image the creator uploaded with
 * `POST /api/v2/media` (its description becomes the cover's, unless `cover_description`).
 */
export const CreateCommunityInput = z.object({
  name: nameInput,
  description: descriptionInput.optional(),
  privacy: privacyInput,
  cover_media_id: Id.optional(),
  cover_description: coverDescriptionInput.optional(),
});
export type CreateCommunityInput = z.infer<typeof CreateCommunityInput>;

/** `PATCH /api/rapport/v1/communities/:id`: what is given changes; `cover_media_id: null` removes the cover. */
export const UpdateCommunityInput = z.object({
  name: nameInput.optional(),
  description: descriptionInput.optional(),
  privacy: privacyInput.optional(),
  cover_media_id: Id.nullable().optional(),
  cover_description: coverDescriptionInput.optional(),
});
export type UpdateCommunityInput = z.infer<typeof UpdateCommunityInput>;

/** The directory: words of the name or description (by prefix), or the viewer's own places. */
export const CommunityDirectoryQuery = CursorQuery.extend({
  q: z.string().trim().max(100).optional(),
  membership: MembershipState.optional(),
});

/**
 * Members, by role when asked (`role=owner,moderator`); `state=invited`: the people invited
 * who have not answered yet (for those who run the community).
 */
export const CommunityMembersQuery = CursorQuery.extend({
  state: z.enum(['member', 'invited']).optional(),
  role: z
    .preprocess(
      (value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value),
      z.array(CommunityRole).min(1),
    )
    .optional(),
});

export const CommunityTimelineQuery = PageQuery.extend({
  /** Replies too; by default the timeline lists the conversations started in the community. */
  with_replies: FormBoolean.optional(),
});

const oneOrMany = (value: unknown) => (typeof value === 'string' ? [value] : value);

/** `POST .../members`: invite these people. */
export const InviteMembersInput = z.object({
  account_ids: z.preprocess(
    oneOrMany,
    z
      .array(Id, { error: 'must list the people to invite' })
      .min(1, 'must list the people to invite')
      .max(
        COMMUNITY_LIMITS.invitationsPerRequest,
        `can name at most ${COMMUNITY_LIMITS.invitationsPerRequest} people at once`,
      ),
  ),
});

export const UpdateMemberInput = z.object({
  role: z.enum(CommunityRole.options, { error: () => 'must be owner, moderator or member' }),
});

export const PinInput = z.object({ status_id: Id });

export const CommunityMemberParams = z.object({ id: Id, account_id: Id });
export const CommunityPinParams = z.object({ id: Id, status_id: Id });
