import {
  ACCOUNT_LIMITS,
  InstanceV1,
  InstanceV2,
  POLL_LIMITS,
  ServerInfo,
  STATUS_LIMITS,
} from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import type { App } from '../../http/app-types';
import { MASTODON_COMPATIBLE_VERSION, RAPPORT_VERSION } from '../../version';
import { countAccounts } from '../accounts/accounts.queries';
import { serverKey } from '../push/vapid';

const tags = ['instance'];
const TITLE = 'Rapport';
const DESCRIPTION =
  'Rapport: an enterprise social network that puts relationships before information.';
/** Apps parse this to decide which features to use: Mastodon's version, then ours. */
const VERSION = `${MASTODON_COMPATIBLE_VERSION} (compatible; Rapport ${RAPPORT_VERSION})`;

/** Counting accounts scans an index; a minute-old count is fine for this page. */
function cachedCount(load: () => Promise<number>, ttlMs = 60_000) {
  let value: { at: number; count: Promise<number> } | undefined;
  return () => {
    if (!value || Date.now() - value.at > ttlMs) value = { at: Date.now(), count: load() };
    return value.count;
  };
}

function configuration() {
  return {
    accounts: {
      max_featured_tags: 0,
      max_pinned_statuses: 5,
      max_profile_fields: ACCOUNT_LIMITS.customFields + 4,
      profile_field_name_limit: ACCOUNT_LIMITS.fieldName,
      profile_field_value_limit: ACCOUNT_LIMITS.fieldValue,
      max_display_name_length: ACCOUNT_LIMITS.displayName,
      max_note_length: ACCOUNT_LIMITS.note,
    },
    statuses: {
      max_characters: STATUS_LIMITS.characters,
      max_media_attachments: STATUS_LIMITS.mediaAttachments,
      characters_reserved_per_url: STATUS_LIMITS.urlCharacters,
    },
    media_attachments: {
      supported_mime_types: [...STATUS_LIMITS.imageTypes],
      description_limit: STATUS_LIMITS.mediaDescription,
      image_size_limit: STATUS_LIMITS.imageBytes,
      image_matrix_limit: 33_177_600,
      video_size_limit: 0,
      video_frame_rate_limit: 0,
      video_matrix_limit: 0,
    },
    polls: {
      max_options: POLL_LIMITS.maxOptions,
      max_characters_per_option: POLL_LIMITS.optionCharacters,
      min_expiration: POLL_LIMITS.minExpiration,
      max_expiration: POLL_LIMITS.maxExpiration,
    },
  };
}

/** Mastodon's instance metadata, Rapport's pre-sign-in facts, and the health check. */
export function instanceRoutes(app: App, ctx: AppContext): void {
  const { publicUrl, domain, registrations } = ctx.config;
  const streaming = publicUrl.replace(/^http/, 'ws');
  const userCount = cachedCount(() => countAccounts(ctx.db, { activeOnly: true }));

  app.get('/health', { config: { auth: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }));

  app.get(
    '/api/v1/instance',
    { config: { auth: 'public' }, schema: { tags, response: { 200: InstanceV1 } } },
    async () => ({
      uri: domain,
      title: TITLE,
      short_description: DESCRIPTION,
      description: DESCRIPTION,
      email: '',
      version: VERSION,
      urls: { streaming_api: streaming },
      stats: { user_count: await userCount(), status_count: 0, domain_count: 0 },
      thumbnail: null,
      languages: ['en'],
      registrations: registrations === 'open',
      approval_required: false,
      invites_enabled: registrations !== 'closed',
      configuration: configuration(),
      contact_account: null,
      rules: [],
    }),
  );

  app.get(
    '/api/v2/instance',
    { config: { auth: 'public' }, schema: { tags, response: { 200: InstanceV2 } } },
    async () => ({
      domain,
      title: TITLE,
      version: VERSION,
      source_url: 'https://github.com/rapport/rapport',
      description: DESCRIPTION,
      usage: { users: { active_month: await userCount() } },
      thumbnail: { url: `${publicUrl}/headers/original/missing.png` },
      icon: [],
      languages: ['en'],
      configuration: {
        ...configuration(),
        urls: { streaming, status: null },
        vapid: { public_key: serverKey(ctx.vapid) },
        translation: { enabled: false },
      },
      registrations: {
        enabled: registrations === 'open',
        approval_required: false,
        message: registrations === 'invite' ? 'Joining needs an invitation from an admin.' : null,
        url: null,
      },
      api_versions: { mastodon: 2 },
      contact: { email: '', account: null },
      rules: [],
      registration_mode: registrations,
    }),
  );

  app.get(
    '/api/v1/custom_emojis',
    { config: { auth: 'public' }, schema: { tags, response: { 200: z.array(z.never()) } } },
    async () => [],
  );

  app.get(
    '/api/rapport/v1/server',
    { config: { auth: 'public' }, schema: { tags, response: { 200: ServerInfo } } },
    async () => ({
      title: TITLE,
      version: RAPPORT_VERSION,
      registrations,
      setup_required: (await countAccounts(ctx.db, { role: 'admin' })) === 0,
    }),
  );
}
