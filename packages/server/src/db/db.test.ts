import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../test/factories';
import { startTestApp, TEST_DB, type TestApp } from '../../test/harness';
import { compareVersions, MIN_SQLITE_VERSION } from './dialect';
import { idAt, idFor, idTime, newId } from './ids';
import { migrateDown, migrateToLatest } from './migrate';
import { migrations } from './migrations';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function tableNames(): Promise<string[]> {
  const tables = await t.ctx.db.introspection.getTables();
  return tables.map((table) => table.name).sort();
}

describe('migrations', () => {
  it(`apply on ${TEST_DB} and create every table`, async () => {
    expect(t.ctx.dialect).toBe(TEST_DB);
    expect(await tableNames()).toEqual(
      expect.arrayContaining([
        'accounts',
        'account_terms',
        'oauth_applications',
        'oauth_authorization_codes',
        'access_tokens',
        'invitations',
        'server_settings',
      ]),
    );
    // Already at the latest: nothing more to apply.
    expect(await migrateToLatest(t.ctx.db)).toEqual([]);
  });

  it('round-trip: down removes the tables, up brings them back usable', async () => {
    const names = Object.keys(migrations);
    const down = await migrateDown(t.ctx.db);
    expect(down).toEqual([names.at(-1)]);
    if (names.length === 1) expect(await tableNames()).not.toContain('accounts');

    const up = await migrateToLatest(t.ctx.db);
    expect(up).toEqual(down);
    expect(await tableNames()).toContain('accounts');
    const account = await createAccount(t.ctx, { username: 'after_round_trip' });
    expect(account.username).toBe('after_round_trip');
  });
});

describe.runIf(TEST_DB === 'sqlite')('SQLite settings', () => {
  const pragma = async (name: string) => {
    const result = await sql<Record<string, unknown>>`${sql.raw(`pragma ${name}`)}`.execute(
      t.ctx.db,
    );
    return Object.values(result.rows[0] ?? {})[0];
  };

  it('runs in WAL mode with synchronous=FULL and foreign keys enforced', async () => {
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2);
    expect(await pragma('foreign_keys')).toBe(1);
  });

  it('is at least the minimum version Rapport accepts', async () => {
    const result = await sql<{ v: string }>`select sqlite_version() as v`.execute(t.ctx.db);
    const version = result.rows[0]?.v as string;
    expect(compareVersions(version, MIN_SQLITE_VERSION)).toBeGreaterThanOrEqual(0);
  });
});

describe('compareVersions', () => {
  it.each([
    ['3.51.3', '3.51.3', 0],
    ['3.51.3', '3.51.2', 1],
    ['3.51.2', '3.51.3', -1],
    ['3.52.0', '3.51.3', 1],
    ['3.9.0', '3.10.0', -1],
    ['4.0', '3.99.99', 1],
    ['3.51', '3.51.0', 0],
    ['3.51', '3.51.3', -1],
  ])('compares %s with %s numerically', (a, b, expected) => {
    expect(compareVersions(a, b)).toBe(expected);
  });

  it('refuses SQLite older than 3.51.3, the WAL-reset fix', () => {
    expect(MIN_SQLITE_VERSION).toBe('3.51.3');
    expect(compareVersions('3.51.2', MIN_SQLITE_VERSION)).toBeLessThan(0);
    expect(compareVersions('3.45.1', MIN_SQLITE_VERSION)).toBeLessThan(0);
    expect(compareVersions('3.51.3', MIN_SQLITE_VERSION)).toBe(0);
  });
});

describe('ids', () => {
  it('are strictly increasing and safe integers, even many per millisecond', () => {
    let previous = newId();
    let outOfOrder = 0;
    for (let i = 0; i < 50_000; i++) {
      const id = newId();
      if (id <= previous) outOfOrder += 1;
      previous = id;
    }
    expect(outOfOrder).toBe(0);
    expect(Number.isSafeInteger(previous)).toBe(true);
    expect(previous).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });

  it('tell when they were minted', () => {
    const before = Date.now();
    const id = newId();
    // Bursts may run a few milliseconds ahead of the clock, never behind it.
    expect(idTime(id)).toBeGreaterThanOrEqual(before);
    expect(idTime(id)).toBeLessThan(Date.now() + 1_000);
    const at = Date.UTC(2024, 5, 1, 12, 30);
    expect(idTime(idFor(at))).toBe(at);
    expect(idTime(idAt(at))).toBe(at);
    expect(idAt(at)).toBeLessThanOrEqual(idFor(at));
  });

  it('minted for a past moment sort before ids minted now', () => {
    const past = idFor(Date.now() - 60_000);
    expect(past).toBeLessThan(newId());
    expect(idFor(Date.UTC(2021, 0, 1))).toBeLessThan(idFor(Date.UTC(2022, 0, 1)));
  });

  it('stay below 2^53 for decades', () => {
    expect(idFor(Date.UTC(2080, 0, 1))).toBeLessThan(Number.MAX_SAFE_INTEGER);
  });
});
