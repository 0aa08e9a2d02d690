import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

/** The error loadConfig throws for `env`, or a failure when it throws none. */
function configError(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir).toBe(path.resolve('./data'));
    expect(path.isAbsolute(config.dataDir)).toBe(true);
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.domain).toBe('localhost:3000');
    expect(config.databaseUrl).toBeUndefined();
    expect(config.redisUrl).toBeUndefined();
    expect(config.registrations).toBe('invite');
    expect(config.bootstrapAdmin).toBeUndefined();
    expect(config.rateLimit.enabled).toBe(true);
    expect(config.rateLimit.signIn).toEqual({ max: 25, windowMs: 5 * 60_000 });
    expect(config.rateLimit.signUp).toEqual({ max: 5, windowMs: 30 * 60_000 });
    expect(config.trustProxy).toBe(false);
    expect(config.linkPreviews).toBe(true);
    expect(config.fetchAllow).toEqual([]);
  });

  it('reads the link preview switch and the fetch allow-list', () => {
    const config = loadConfig({
      RAPPORT_LINK_PREVIEWS: 'off',
      RAPPORT_FETCH_ALLOW: ' 127.0.0.1, Intranet.Example.com ,[::1],,10.0.0.5',
    });
    expect(config.linkPreviews).toBe(false);
    expect(config.fetchAllow).toEqual(['127.0.0.1', 'intranet.example.com', '::1', '10.0.0.5']);
  });

  it('sends mail from Rapport at the public URL’s host unless RAPPORT_MAIL_FROM says otherwise', () => {
    expect(loadConfig({}).mailFrom).toBe('Rapport <no-reply@localhost>');
    expect(loadConfig({ RAPPORT_PUBLIC_URL: 'https://social.example.com:8443' }).mailFrom).toBe(
      'Rapport <no-reply@social.example.com>',
    );
    expect(
      loadConfig({ RAPPORT_MAIL_FROM: 'Meridian Works <hello@meridian.example>' }).mailFrom,
    ).toBe('Meridian Works <hello@meridian.example>');
    expect(loadConfig({ RAPPORT_MAIL_FROM: 'hello@meridian.example' }).mailFrom).toBe(
      'hello@meridian.example',
    );
    expect(() => loadConfig({ RAPPORT_MAIL_FROM: 'Meridian Works' })).toThrow(
      /RAPPORT_MAIL_FROM: must be an address/,
    );
    expect(loadConfig({}).digests).toBe(true);
    expect(loadConfig({ RAPPORT_DIGESTS: 'off' }).digests).toBe(false);
  });

  it('reads community file sizes in bytes or with a unit, and refuses anything else', () => {
    expect(loadConfig({}).files).toEqual({ maxBytes: 25 * 1024 ** 2, quotaBytes: 1024 ** 3 });
    const config = loadConfig({
      RAPPORT_FILE_MAX_BYTES: '512kb',
      RAPPORT_COMMUNITY_FILE_QUOTA: '2000000',
    });
    expect(config.files).toEqual({ maxBytes: 512 * 1024, quotaBytes: 2_000_000 });
    expect(() => loadConfig({ RAPPORT_FILE_MAX_BYTES: '25 megs' })).toThrow(
      /RAPPORT_FILE_MAX_BYTES: must be a size such as 25MB/,
    );
    expect(() => loadConfig({ RAPPORT_COMMUNITY_FILE_QUOTA: '0' })).toThrow(
      /RAPPORT_COMMUNITY_FILE_QUOTA: must be at least 1 byte/,
    );
  });

  it('derives the public URL from PORT and strips a trailing slash from an explicit one', () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    const config = loadConfig({ RAPPORT_PUBLIC_URL: 'https://rapport.example.com/' });
    expect(config.publicUrl).toBe('https://rapport.example.com');
    expect(config.domain).toBe('rapport.example.com');
  });

  it('reads every variable it documents', () => {
    const config = loadConfig({
      PORT: '4000',
      HOST: '0.0.0.0',
      RAPPORT_DATA_DIR: '/var/lib/rapport',
      DATABASE_URL: 'postgresql://rapport@db/rapport',
      REDIS_URL: 'redis://cache:6379',
      RAPPORT_REGISTRATIONS: 'open',
      RAPPORT_RATE_LIMIT: 'off',
      RAPPORT_RATE_LIMIT_SIGN_IN: '3/10s',
      RAPPORT_RATE_LIMIT_SIGN_UP: '2/1h',
      RAPPORT_ADMIN_USERNAME: 'root',
      RAPPORT_ADMIN_EMAIL: 'root@example.com',
      RAPPORT_ADMIN_PASSWORD: 'a long password',
    });
    expect(config).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
      dataDir: '/var/lib/rapport',
      databaseUrl: 'postgresql://rapport@db/rapport',
      redisUrl: 'redis://cache:6379',
      registrations: 'open',
      bootstrapAdmin: {
        username: 'root',
        email: 'root@example.com',
        password: 'a long password',
      },
    });
    expect(config.rateLimit).toMatchObject({
      enabled: false,
      signIn: { max: 3, windowMs: 10_000 },
      signUp: { max: 2, windowMs: 3_600_000 },
    });
  });

  it('treats blank variables as unset', () => {
    const config = loadConfig({ PORT: '', RAPPORT_REGISTRATIONS: '', RAPPORT_ADMIN_EMAIL: '' });
    expect(config.port).toBe(3000);
    expect(config.registrations).toBe('invite');
    expect(config.bootstrapAdmin).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '3.5'],
    ['RAPPORT_REGISTRATIONS', 'maybe'],
    ['RAPPORT_PUBLIC_URL', 'ftp://x'],
    ['RAPPORT_PUBLIC_URL', 'not a url'],
    ['RAPPORT_RATE_LIMIT', 'sometimes'],
    ['RAPPORT_RATE_LIMIT_SIGN_IN', 'lots'],
    ['RAPPORT_RATE_LIMIT_SIGN_UP', '5 per minute'],
    ['RAPPORT_LINK_PREVIEWS', 'yes'],
    ['RAPPORT_FETCH_ALLOW', 'http://intranet.example.com'],
    ['RAPPORT_FETCH_ALLOW', '127.0.0.1;10.0.0.1'],
    ['RAPPORT_FETCH_ALLOW', '10.0.0.0/8'],
  ])('refuses %s=%s, naming the variable and the value', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.message).toContain(`${name}:`);
    expect(error.message).toContain(JSON.stringify(value));
  });

  it.each([
    ['DATABASE_URL', 'mysql://rapport:hunter2@db/rapport'],
    ['REDIS_URL', 'http://:hunter2@cache'],
    ['SMTP_URL', 'http://mail:hunter2@mail'],
  ])('refuses %s without echoing a value that may hold a password', (name, value) => {
    const error = configError({ [name]: value });
    expect(error.message).toContain(`${name}:`);
    expect(error.message).not.toContain('hunter2');
  });

  it('lists every bad variable at once', () => {
    const error = configError({ PORT: 'abc', RAPPORT_REGISTRATIONS: 'maybe' });
    expect(error.message).toMatch(/PORT: .*"abc"/);
    expect(error.message).toMatch(/RAPPORT_REGISTRATIONS: .*"maybe"/);
  });

  const ADMIN_VARIABLES = [
    'RAPPORT_ADMIN_USERNAME',
    'RAPPORT_ADMIN_EMAIL',
    'RAPPORT_ADMIN_PASSWORD',
  ];

  it.each([
    ['RAPPORT_ADMIN_USERNAME', 'root'],
    ['RAPPORT_ADMIN_EMAIL', 'root@example.com'],
    ['RAPPORT_ADMIN_PASSWORD', 'a long password'],
  ])(
    'refuses %s set without the other two admin variables, naming the missing ones',
    (name, value) => {
      const error = configError({ [name]: value });
      for (const other of ADMIN_VARIABLES.filter((variable) => variable !== name)) {
        expect(error.message).toContain(`${other}: is missing`);
      }
      expect(error.message).not.toContain(`${name}: is missing`);
      expect(error.message).toMatch(/set together/);
      // A password never ends up in an error message (and so in logs).
      expect(error.message).not.toContain('a long password');
    },
  );

  it('refuses two of the three admin variables', () => {
    const error = configError({
      RAPPORT_ADMIN_USERNAME: 'root',
      RAPPORT_ADMIN_PASSWORD: 'a long password',
    });
    expect(error.message).toContain('RAPPORT_ADMIN_EMAIL: is missing');
    expect(error.message).not.toContain('RAPPORT_ADMIN_USERNAME: is missing');
    expect(error.message).not.toContain('a long password');
  });
});
