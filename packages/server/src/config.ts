import net from 'node:net';
import path from 'node:path';
import { RegistrationMode } from '@rapport/schema';
import { z } from 'zod';

/** A rate limit written as `<max>/<window>`, e.g. `25/5m`; windows in s, m or h. */
const RateLimit = z
  .string()
  .regex(/^\d+\/\d+[smh]$/, 'must look like 25/5m (count/window, window in s, m or h)')
  .transform((value) => {
    const [max, window] = value.split('/') as [string, string];
    const unit = { s: 1_000, m: 60_000, h: 3_600_000 }[window.slice(-1) as 's' | 'm' | 'h'];
    return { max: Number(max), windowMs: Number(window.slice(0, -1)) * unit };
  });
export type RateLimit = z.output<typeof RateLimit>;

/** A size in bytes, or with a unit: `25MB`, `1GB`, `512KB` (units of 1024). */
const ByteSize = z
  .string()
  .regex(/^\d+\s*([KMGT]?B)?$/i, 'must be a size such as 25MB, 1GB or a number of bytes')
  .transform((value) => {
    const [, digits, unit] = /^(\d+)\s*([KMGT]?B)?$/i.exec(value) as RegExpExecArray;
    const power = ['B', 'KB', 'MB', 'GB', 'TB'].indexOf((unit ?? 'B').toUpperCase());
    return Number(digits) * 1024 ** power;
  })
  .refine((bytes) => bytes >= 1 && Number.isSafeInteger(bytes), 'must be at least 1 byte');

/** A From address: `Name <address@host>` or a bare address. */
const MailFrom = z
  .string()
  .trim()
  .regex(
    /^(?:[^<>@\r\n]+ <[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/,
    'must be an address, optionally with a name, such as Rapport <no-reply@example.com>',
  );

const OnOff = z.enum(['on', 'off']).transform((value) => value === 'on');

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\.?$/;

/** Comma-separated host names or IP addresses (an IPv6 one with or without brackets). */
const HostList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((entry) =>
        entry
          .trim()
          .toLowerCase()
          .replace(/^\[(.*)\]$/, '$1'),
      )
      .filter((entry) => entry !== ''),
  )
  .refine(
    (entries) => entries.every((entry) => net.isIP(entry) !== 0 || HOST_NAME.test(entry)),
    'must be host names or IP addresses separated by commas, e.g. 127.0.0.1,intranet.example.com',
  );

const Env = z
  .object({
    PORT: z.coerce
      .number({ error: 'must be a number' })
      .int('must be an integer')
      .min(0)
      .max(65535, 'must be at most 65535')
      .default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    RAPPORT_DATA_DIR: z.string().min(1).default('./data'),
    RAPPORT_PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        error: 'must be an http(s) URL such as https://rapport.example.com',
      })
      .optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
      .optional(),
    RAPPORT_REGISTRATIONS: RegistrationMode.default('invite'),
    SMTP_URL: z
      .string()
      .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
      .optional(),
    RAPPORT_MAIL_FROM: MailFrom.optional(),
    RAPPORT_DIGESTS: OnOff.default(true),
    RAPPORT_ANALYTICS_CACHE_SECONDS: z.coerce
      .number()
      .int('must be a whole number of seconds')
      .min(0, 'must be 0 or more')
      .default(300),
    RAPPORT_ADMIN_USERNAME: z.string().optional(),
    RAPPORT_ADMIN_EMAIL: z.string().optional(),
    RAPPORT_ADMIN_PASSWORD: z.string().optional(),
    RAPPORT_RATE_LIMIT: OnOff.default(true),
    RAPPORT_RATE_LIMIT_SIGN_IN: RateLimit.default(RateLimit.parse('25/5m')),
    RAPPORT_RATE_LIMIT_SIGN_UP: RateLimit.default(RateLimit.parse('5/30m')),
    RAPPORT_RATE_LIMIT_API: RateLimit.default(RateLimit.parse('300/5m')),
    RAPPORT_TRUST_PROXY: OnOff.default(false),
    RAPPORT_LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    RAPPORT_WEB_DIST: z.string().optional(),
    RAPPORT_LINK_PREVIEWS: OnOff.default(true),
    RAPPORT_FETCH_ALLOW: HostList.default([]),
    RAPPORT_FILE_MAX_BYTES: ByteSize.default(ByteSize.parse('25MB')),
    RAPPORT_COMMUNITY_FILE_QUOTA: ByteSize.default(ByteSize.parse('1GB')),
    RAPPORT_VAPID_SUBJECT: z
      .string()
      .regex(
        /^(mailto:\S+@\S+|https:\/\/\S+)$/,
        'must be a mailto: address or an https:// URL, e.g. mailto:it@example.com',
      )
      .optional(),
    RAPPORT_PUSH_ALLOW: HostList.default([]),
  })
  .superRefine((env, issues) => {
    const admin = {
      RAPPORT_ADMIN_USERNAME: env.RAPPORT_ADMIN_USERNAME,
      RAPPORT_ADMIN_EMAIL: env.RAPPORT_ADMIN_EMAIL,
      RAPPORT_ADMIN_PASSWORD: env.RAPPORT_ADMIN_PASSWORD,
    };
    const missing = Object.entries(admin).filter(
      ([, value]) => value === undefined || value === '',
    );
    // Each missing variable is named; the ones given are not echoed (one is a password).
    if (missing.length !== 0 && missing.length !== 3) {
      for (const [name] of missing) {
        issues.addIssue({
          code: 'custom',
          path: [name],
          message:
            'is missing: RAPPORT_ADMIN_USERNAME, RAPPORT_ADMIN_EMAIL and RAPPORT_ADMIN_PASSWORD must be set together',
        });
      }
    }
  });

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  publicUrl: string;
  /** Host (with port when not default) of the public URL: the domain in `acct` URIs. */
  domain: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  registrations: RegistrationMode;
  smtpUrl: string | undefined;
  /** The From of every mail Rapport sends. */
  mailFrom: string;
  /** Whether this process sends the daily and weekly digests (off for load tests). */
  digests: boolean;
  /** How long a computed analytics report is served again before it is recomputed (0: never). */
  analyticsCacheSeconds: number;
  bootstrapAdmin: { username: string; email: string; password: string } | undefined;
  rateLimit: { enabled: boolean; signIn: RateLimit; signUp: RateLimit; api: RateLimit };
  trustProxy: boolean;
  logLevel: string;
  /** Where the built web app lives; served at / when it exists. */
  webDist: string;
  /** Whether links in statuses get a preview card fetched by the server. */
  linkPreviews: boolean;
  /** Host names and addresses the server may fetch from although they are private. */
  fetchAllow: string[];
  /** Community files: the largest file, and the bytes each community may store (all versions). */
  files: { maxBytes: number; quotaBytes: number };
  /**
   * Web Push: the contact push services see in the VAPID token (unset: the first admin's
   * email, else the public URL), and hosts push may reach although private, over plain http
   * too (an intranet push relay; 127.0.0.1 in tests).
   */
  push: { vapidSubject: string | undefined; allow: string[] };
}

export class ConfigError extends Error {}

const SECRET_VARIABLES = new Set([
  'DATABASE_URL',
  'REDIS_URL',
  'SMTP_URL',
  'RAPPORT_ADMIN_PASSWORD',
]);

const DEFAULT_WEB_DIST = path.resolve(import.meta.dirname, '../../web/dist');

/** The only reader of process.env: validates everything and explains what is wrong. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const blankless = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = Env.safeParse(blankless);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const name = String(issue.path[0] ?? 'environment');
      const value = blankless[name];
      // Connection strings and passwords may hold secrets: never echo them into logs.
      const got =
        value === undefined || SECRET_VARIABLES.has(name) ? '' : ` (got ${JSON.stringify(value)})`;
      return `  ${name}: ${issue.message}${got}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.RAPPORT_PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.RAPPORT_DATA_DIR),
    publicUrl,
    domain: new URL(publicUrl).host,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    registrations: e.RAPPORT_REGISTRATIONS,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.RAPPORT_MAIL_FROM ?? `Rapport <no-reply@${new URL(publicUrl).hostname}>`,
    digests: e.RAPPORT_DIGESTS,
    analyticsCacheSeconds: e.RAPPORT_ANALYTICS_CACHE_SECONDS,
    bootstrapAdmin:
      e.RAPPORT_ADMIN_USERNAME && e.RAPPORT_ADMIN_EMAIL && e.RAPPORT_ADMIN_PASSWORD
        ? {
            username: e.RAPPORT_ADMIN_USERNAME,
            email: e.RAPPORT_ADMIN_EMAIL,
            password: e.RAPPORT_ADMIN_PASSWORD,
          }
        : undefined,
    rateLimit: {
      enabled: e.RAPPORT_RATE_LIMIT,
      signIn: e.RAPPORT_RATE_LIMIT_SIGN_IN,
      signUp: e.RAPPORT_RATE_LIMIT_SIGN_UP,
      api: e.RAPPORT_RATE_LIMIT_API,
    },
    trustProxy: e.RAPPORT_TRUST_PROXY,
    logLevel: e.RAPPORT_LOG_LEVEL,
    webDist: e.RAPPORT_WEB_DIST ? path.resolve(e.RAPPORT_WEB_DIST) : DEFAULT_WEB_DIST,
    linkPreviews: e.RAPPORT_LINK_PREVIEWS,
    fetchAllow: e.RAPPORT_FETCH_ALLOW,
    files: { maxBytes: e.RAPPORT_FILE_MAX_BYTES, quotaBytes: e.RAPPORT_COMMUNITY_FILE_QUOTA },
    push: { vapidSubject: e.RAPPORT_VAPID_SUBJECT, allow: e.RAPPORT_PUSH_ALLOW },
  };
}
