import { z } from 'zod';
import { Account } from './accounts';
import { RegistrationMode } from './common';

const Configuration = z.object({
  accounts: z.object({
    max_featured_tags: z.number().int(),
    max_pinned_statuses: z.number().int(),
    max_profile_fields: z.number().int(),
    profile_field_name_limit: z.number().int(),
    profile_field_value_limit: z.number().int(),
    max_display_name_length: z.number().int(),
    max_note_length: z.number().int(),
  }),
  statuses: z.object({
    max_characters: z.number().int(),
    max_media_attachments: z.number().int(),
    characters_reserved_per_url: z.number().int(),
  }),
  media_attachments: z.object({
    supported_mime_types: z.array(z.string()),
    description_limit: z.number().int(),
    image_size_limit: z.number().int(),
    image_matrix_limit: z.number().int(),
    video_size_limit: z.number().int(),
    video_frame_rate_limit: z.number().int(),
    video_matrix_limit: z.number().int(),
  }),
  polls: z.object({
    max_options: z.number().int(),
    max_characters_per_option: z.number().int(),
    min_expiration: z.number().int(),
    max_expiration: z.number().int(),
  }),
});

export const InstanceV1 = z.object({
  uri: z.string(),
  title: z.string(),
  short_description: z.string(),
  description: z.string(),
  email: z.string(),
  version: z.string(),
  urls: z.object({ streaming_api: z.string() }),
  stats: z.object({
    user_count: z.number().int(),
    status_count: z.number().int(),
    domain_count: z.number().int(),
  }),
  thumbnail: z.string().nullable(),
  languages: z.array(z.string()),
  registrations: z.boolean(),
  approval_required: z.boolean(),
  invites_enabled: z.boolean(),
  configuration: Configuration,
  contact_account: Account.nullable(),
  rules: z.array(z.object({ id: z.string(), text: z.string(), hint: z.string() })),
});

export const InstanceV2 = z.object({
  domain: z.string(),
  title: z.string(),
  version: z.string(),
  source_url: z.string(),
  description: z.string(),
  usage: z.object({ users: z.object({ active_month: z.number().int() }) }),
  thumbnail: z.object({ url: z.string() }),
  icon: z.array(z.object({ src: z.string(), size: z.string() })),
  languages: z.array(z.string()),
  configuration: Configuration.extend({
    urls: z.object({ streaming: z.string(), status: z.string().nullable() }),
    vapid: z.object({ public_key: z.string() }),
    translation: z.object({ enabled: z.boolean() }),
  }),
  registrations: z.object({
    enabled: z.boolean(),
    approval_required: z.boolean(),
    message: z.string().nullable(),
    url: z.string().nullable(),
  }),
  api_versions: z.object({ mastodon: z.number().int() }),
  contact: z.object({ email: z.string(), account: Account.nullable() }),
  rules: z.array(z.object({ id: z.string(), text: z.string(), hint: z.string() })),
  /** Rapport extension: which of open, invite or closed is in force. */
  registration_mode: RegistrationMode,
});
