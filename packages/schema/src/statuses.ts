import { z } from 'zod';
import { Account, CustomEmoji, Visibility } from './accounts';
import { DateTime, FormBoolean, FormInt, Id, PageQuery, UploadedFile } from './common';
import { CommunityRef } from './communities';
import { POLL_LIMITS, STATUS_LIMITS } from './limits';
import { AnswerSummary, QuestionSummary } from './questions';

/** Rapport: a question asks the organisation (or a community); replies to it are answers. */
export const StatusKind = z.enum(['status', 'question']);
export type StatusKind = z.infer<typeof StatusKind>;

export const MediaType = z.enum(['image', 'gifv', 'video', 'audio', 'unknown']);

const MediaSize = z.object({
  width: z.number().int(),
  height: z.number().int(),
  size: z.string(),
  aspect: z.number(),
});

/** Mastodon's MediaAttachment. */
export const MediaAttachment = z.object({
  id: Id,
  type: MediaType,
  url: z.string().nullable(),
  preview_url: z.string().nullable(),
  remote_url: z.string().nullable(),
  meta: z.object({
    original: MediaSize.optional(),
    small: MediaSize.optional(),
    focus: z.object({ x: z.number(), y: z.number() }).optional(),
  }),
  description: z.string().nullable(),
  blurhash: z.string().nullable(),
});
export type MediaAttachment = z.infer<typeof MediaAttachment>;

/** `POST /api/v2/media` (multipart) and `PUT /api/v1/media/:id`. */
export const MediaInput = z.object({
  description: z
    .string()
    .max(
      STATUS_LIMITS.mediaDescription,
      `must be at most ${STATUS_LIMITS.mediaDescription} characters`,
    )
    .optional(),
  /** "x,y", each between -1 and 1 (Mastodon's focal point). */
  focus: z
    .string()
    .regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?$/, 'must be two numbers "x,y" between -1.0 and 1.0')
    .optional(),
});

export const PollOption = z.object({ title: z.string(), votes_count: z.number().int().nullable() });

export const Poll = z.object({
  id: Id,
  expires_at: DateTime.nullable(),
  expired: z.boolean(),
  multiple: z.boolean(),
  votes_count: z.number().int(),
  voters_count: z.number().int().nullable(),
  options: z.array(PollOption),
  emojis: z.array(CustomEmoji),
  voted: z.boolean().optional(),
  own_votes: z.array(z.number().int()).optional(),
});
export type Poll = z.infer<typeof Poll>;

export const PollVoteInput = z.object({
  choices: z
    .array(FormInt.pipe(z.number().int().min(0)))
    .min(1, 'must choose at least one option')
    .max(POLL_LIMITS.maxOptions),
});

export const Mention = z.object({
  id: Id,
  username: z.string(),
  url: z.string(),
  acct: z.string(),
});
export type Mention = z.infer<typeof Mention>;

export const TagRef = z.object({ name: z.string(), url: z.string() });

/** Mastodon's Tag, with a week of daily use counts. */
export const Tag = TagRef.extend({
  id: Id,
  history: z.array(z.object({ day: z.string(), uses: z.string(), accounts: z.string() })),
  following: z.boolean().optional(),
});
export type Tag = z.infer<typeof Tag>;

/** Mastodon's PreviewCard: the link preview shown under a status. */
export const PreviewCard = z.object({
  url: z.string(),
  title: z.string(),
  description: z.string(),
  type: z.enum(['link', 'photo', 'video', 'rich']),
  author_name: z.string(),
  author_url: z.string(),
  provider_name: z.string(),
  provider_url: z.string(),
  html: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  image: z.string().nullable(),
  image_description: z.string(),
  embed_url: z.string(),
  blurhash: z.string().nullable(),
});
export type PreviewCard = z.infer<typeof PreviewCard>;

export const StatusApplication = z.object({ name: z.string(), website: z.string().nullable() });

const StatusFields = z.object({
  id: Id,
  uri: z.string(),
  url: z.string().nullable(),
  created_at: DateTime,
  account: Account,
  content: z.string(),
  visibility: Visibility,
  sensitive: z.boolean(),
  spoiler_text: z.string(),
  media_attachments: z.array(MediaAttachment),
  application: StatusApplication.nullable().optional(),
  mentions: z.array(Mention),
  tags: z.array(TagRef),
  emojis: z.array(CustomEmoji),
  reblogs_count: z.number().int(),
  favourites_count: z.number().int(),
  replies_count: z.number().int(),
  in_reply_to_id: Id.nullable(),
  in_reply_to_account_id: Id.nullable(),
  poll: Poll.nullable(),
  card: PreviewCard.nullable(),
  language: z.string().nullable(),
  text: z.string().nullable(),
  edited_at: DateTime.nullable(),
  favourited: z.boolean().optional(),
  reblogged: z.boolean().optional(),
  muted: z.boolean().optional(),
  bookmarked: z.boolean().optional(),
  pinned: z.boolean().optional(),
  filtered: z.array(z.unknown()).optional(),
  /** Rapport: the community the status was posted in. */
  community: CommunityRef.nullable(),
  /** Rapport: a question, or an ordinary status. */
  kind: StatusKind,
  /** Rapport: hidden by a moderator (only its author sees it, with the reason). */
  hidden: z.object({ reason: z.string() }).nullable(),
  /** Rapport: on a question, its state and answers; null on anything else. */
  question: QuestionSummary.nullable(),
  /** Rapport: on an answer (a direct reply to a question by someone else), its votes. */
  answer: AnswerSummary.nullable(),
});

/** Mastodon's Status; a boost carries the boosted status in `reblog` (one level deep). */
export const Status = StatusFields.extend({
  reblog: StatusFields.extend({ reblog: z.null() }).nullable(),
});
export type Status = z.infer<typeof Status>;

export const StatusEdit = z.object({
  content: z.string(),
  spoiler_text: z.string(),
  sensitive: z.boolean(),
  created_at: DateTime,
  account: Account,
  poll: z.object({ options: z.array(z.object({ title: z.string() })) }).nullable(),
  media_attachments: z.array(MediaAttachment),
  emojis: z.array(CustomEmoji),
});

export type StatusEdit = z.infer<typeof StatusEdit>;

export const StatusSource = z.object({ id: Id, text: z.string(), spoiler_text: z.string() });

export const Context = z.object({ ancestors: z.array(Status), descendants: z.array(Status) });
export type Context = z.infer<typeof Context>;

const PollInput = z.object({
  options: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'must not be blank')
        .max(
          POLL_LIMITS.optionCharacters,
          `must be at most ${POLL_LIMITS.optionCharacters} characters`,
        ),
    )
    .min(POLL_LIMITS.minOptions, `must have at least ${POLL_LIMITS.minOptions} options`)
    .max(POLL_LIMITS.maxOptions, `must have at most ${POLL_LIMITS.maxOptions} options`),
  expires_in: FormInt.pipe(
    z
      .number()
      .int()
      .min(POLL_LIMITS.minExpiration, `must be at least ${POLL_LIMITS.minExpiration} seconds`)
      .max(POLL_LIMITS.maxExpiration, `must be at most ${POLL_LIMITS.maxExpiration} seconds`),
  ),
  multiple: FormBoolean.optional(),
  hide_totals: FormBoolean.optional(),
});

const statusText = z
  .string()
  .max(STATUS_LIMITS.characters * 4, `must be at most ${STATUS_LIMITS.characters} characters`);

const mediaIds = z
  .array(Id)
  .max(
    STATUS_LIMITS.mediaAttachments,
    `must have at most ${STATUS_LIMITS.mediaAttachments} attachments`,
  );

/** `POST /api/v1/statuses`. The character limit counts links as 23 characters, as Mastodon does. */
export const CreateStatusInput = z.object({
  status: statusText.optional(),
  /** Rapport: post in this community (a reply stays in its parent's community). */
  community_id: Id.optional(),
  /** Rapport: `question` asks the organisation (or the community); replies are answers. */
  kind: StatusKind.optional(),
  media_ids: mediaIds.optional(),
  poll: PollInput.optional(),
  in_reply_to_id: Id.optional(),
  sensitive: FormBoolean.optional(),
  spoiler_text: z.string().max(STATUS_LIMITS.characters).optional(),
  visibility: Visibility.optional(),
  language: z.string().max(10).optional(),
});
export type CreateStatusInput = z.infer<typeof CreateStatusInput>;

/** `PUT /api/v1/statuses/:id`. */
export const EditStatusInput = z.object({
  status: statusText.optional(),
  media_ids: mediaIds.optional(),
  media_attributes: z
    .array(
      z.object({ id: Id, description: z.string().max(STATUS_LIMITS.mediaDescription).optional() }),
    )
    .optional(),
  poll: PollInput.optional(),
  sensitive: FormBoolean.optional(),
  spoiler_text: z.string().max(STATUS_LIMITS.characters).optional(),
  language: z.string().max(10).optional(),
});
export type EditStatusInput = z.infer<typeof EditStatusInput>;

export const DeleteStatusQuery = z.object({ delete_media: FormBoolean.optional() });

/** Timeline filters Mastodon accepts. */
export const TimelineQuery = PageQuery.extend({
  local: FormBoolean.optional(),
  remote: FormBoolean.optional(),
  only_media: FormBoolean.optional(),
});

export const TagTimelineQuery = TimelineQuery.extend({
  any: z.array(z.string()).optional(),
  all: z.array(z.string()).optional(),
  none: z.array(z.string()).optional(),
});

export const AccountStatusesQuery = PageQuery.extend({
  only_media: FormBoolean.optional(),
  exclude_replies: FormBoolean.optional(),
  exclude_reblogs: FormBoolean.optional(),
  pinned: FormBoolean.optional(),
  tagged: z.string().optional(),
});

/** `POST /api/v2/media` and `POST /api/v1/media` (multipart/form-data). */
export const MediaUploadInput = MediaInput.extend({
  file: UploadedFile,
  /** Mastodon's custom thumbnail for audio and video; images make their own, so it is ignored. */
  thumbnail: UploadedFile.optional(),
});
export type MediaUploadInput = z.infer<typeof MediaUploadInput>;
export type MediaInput = z.infer<typeof MediaInput>;
