import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../packages/server/src/config';
import { type AppContext, createContext } from '../packages/server/src/context';
import { DEPARTMENTS, LOCATIONS } from '../packages/server/src/demo/organisation';
import { generatePeople } from '../packages/server/src/demo/people';
import { Random } from '../packages/server/src/demo/random';
import { updateAccount } from '../packages/server/src/features/accounts/accounts.queries';
import { createAccount } from '../packages/server/src/features/accounts/accounts.service';
import { webApplicationId } from '../packages/server/src/features/oauth/oauth.queries';
import { issueAccessToken } from '../packages/server/src/features/oauth/oauth.service';
import { SESSION_SCOPES } from '../packages/server/src/features/oauth/scopes';
import { hashPassword } from '../packages/server/src/lib/passwords';
import { DAY_MS } from '../packages/server/src/lib/time';
import { type CommunitySeeded, type CommunitySize, seedCommunities } from './seed-communities';
import { type SocialSeeded, seedSocial } from './seed-social';

/** Bump when the generated data changes, so cached databases are rebuilt. */
const SEED_VERSION = 4;
const CACHE_DIR = path.join(import.meta.dirname, '.cache');
/** Written into status HTML; the server's own URL changes from run to run. */
const SEED_URL = 'http://rapport.bench.invalid';

export interface SeedSize {
  accounts: number;
  statuses: number;
  /** Tokens for this many streaming clients. */
  streamingClients: number;
  /** Communities and what lives in them (questions, pages, events). */
  communities: CommunitySize;
}

export interface Viewer {
  id: number;
  token: string;
}

export interface Seeded {
  accountIds: number[];
  /** Bearer tokens of 200 random members, and those members' ids in the same order. */
  tokens: string[];
  viewerIds: number[];
  adminToken: string;
  searchTerms: string[];
  /** Follows 2,000 people (half the organisation in small runs). */
  wideViewer: Viewer;
  /** Follows only people whose last status is months old. */
  staleViewer: Viewer;
  /** Posts the statuses the streaming clients wait for. */
  poster: Viewer;
  streamingTokens: string[];
  social: SocialSeeded;
  communities: CommunitySeeded;
  seedSeconds: number;
}

/**
 * The seeded database for this size: from the cache (bench/.cache, keyed by seed version
 * and size) or built there first. Returns the path of a SQLite file to copy, never to use
 * in place, since a run writes to it.
 */
export async function seededDatabase(
  size: SeedSize,
): Promise<{ file: string; seeded: Seeded; cached: boolean }> {
  const key = `v${SEED_VERSION}-${size.accounts}a-${size.statuses}s-${size.streamingClients}c-${size.communities.communities}g`;
  const file = path.join(CACHE_DIR, `${key}.sqlite`);
  const info = path.join(CACHE_DIR, `${key}.json`);
  if (fs.existsSync(file) && fs.existsSync(info)) {
    return { file, seeded: JSON.parse(fs.readFileSync(info, 'utf8')) as Seeded, cached: true };
  }
  // Databases of earlier seed versions are never used again.
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  for (const name of fs.readdirSync(CACHE_DIR)) {
    if (/^v\d+-/.test(name) && !name.startsWith(`v${SEED_VERSION}-`)) {
      fs.rmSync(path.join(CACHE_DIR, name), { force: true });
    }
  }
  const building = path.join(CACHE_DIR, `building-${process.pid}`);
  fs.rmSync(building, { recursive: true, force: true });
  try {
    const seeded = await seed(building, size);
    fs.renameSync(path.join(building, 'rapport.sqlite'), file);
    // Written last: a database without its description is not used.
    fs.writeFileSync(info, JSON.stringify(seeded));
    return { file, seeded, cached: false };
  } finally {
    fs.rmSync(building, { recursive: true, force: true });
  }
}

async function seed(dataDir: string, size: SeedSize): Promise<Seeded> {
  const started = Date.now();
  const ctx = await createContext(
    loadConfig({
      RAPPORT_DATA_DIR: dataDir,
      RAPPORT_PUBLIC_URL: SEED_URL,
      RAPPORT_LOG_LEVEL: 'warn',
    }),
  );
  let accounts: Awaited<ReturnType<typeof seedAccounts>>;
  let special: { wideViewer: Viewer; staleViewer: Viewer; poster: Viewer };
  let streamingTokens: string[];
  let applicationId: number;
  try {
    accounts = await seedAccounts(ctx, size.accounts);
    const random = new Random(43);
    const members = accounts.accountIds.slice(1);
    const [wide, stale, poster] = members as [number, number, number];
    special = {
      wideViewer: { id: wide, token: await tokenFor(ctx, wide) },
      staleViewer: { id: stale, token: await tokenFor(ctx, stale) },
      poster: { id: poster, token: await tokenFor(ctx, poster) },
    };
    streamingTokens = [];
    for (const id of random.sample(members.slice(3), size.streamingClients)) {
      streamingTokens.push(await tokenFor(ctx, id));
    }
    applicationId = await webApplicationId(ctx.db);
  } finally {
    await ctx.close();
  }
  console.log(
    `  ${size.accounts} accounts in ${((Date.now() - started) / 1000).toFixed(1)} s; writing ${size.statuses} statuses...`,
  );
  const social = seedSocial(path.join(dataDir, 'rapport.sqlite'), {
    statuses: size.statuses,
    days: 182,
    now: Date.now(),
    seed: 42,
    wideViewerId: special.wideViewer.id,
    wideFollows: Math.min(2000, Math.floor(size.accounts / 2)),
    staleViewerId: special.staleViewer.id,
    viewerIds: accounts.viewerIds,
    publicUrl: SEED_URL,
    applicationId,
  });
  const communitiesStarted = Date.now();
  const again = await createContext(
    loadConfig({
      RAPPORT_DATA_DIR: dataDir,
      RAPPORT_PUBLIC_URL: SEED_URL,
      RAPPORT_LOG_LEVEL: 'warn',
    }),
  );
  let communities: CommunitySeeded;
  try {
    communities = await seedCommunities(again, {
      accountIds: accounts.accountIds,
      viewerIds: accounts.viewerIds,
      size: size.communities,
      now: Date.now(),
    });
  } finally {
    await again.close();
  }
  console.log(
    `  communities, questions, pages, events: ${((Date.now() - communitiesStarted) / 1000).toFixed(1)} s`,
  );
  return {
    ...accounts,
    ...special,
    streamingTokens,
    social,
    communities,
    seedSeconds: (Date.now() - started) / 1000,
  };
}

async function tokenFor(ctx: AppContext, accountId: number): Promise<string> {
  const issued = await issueAccessToken(ctx.db, {
    applicationId: await webApplicationId(ctx.db),
    accountId,
    scopes: SESSION_SCOPES,
    kind: 'bearer',
  });
  return issued.token;
}

/**
 * `count` accounts with full profiles (demo generator), created six months to a year and
 * a half ago (before any status), one admin, and tokens for 200 viewers.
 */
export async function seedAccounts(ctx: AppContext, count: number) {
  const random = new Random(42);
  const passwordHash = await hashPassword('bench password');
  const now = Date.now();
  const accountIds: number[] = [];
  const people = generatePeople(random, Math.min(count, 4000));
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < count; i++) {
      const person = people[i % people.length];
      if (!person) continue;
      const suffix = i < people.length ? '' : `_${i}`;
      const account = await createAccount(trx, {
        username: `${person.username}${suffix}`.slice(0, 30),
        email: `${person.username}${suffix}@bench.example`,
        password: '',
        passwordHash,
        role: i === 0 ? 'admin' : 'member',
        displayName: person.displayName,
        createdAt: now - random.int(190, 540) * DAY_MS,
      });
      await updateAccount(trx, account.id, {
        title: person.title,
        department: person.department,
        location: person.location,
        skills: JSON.stringify(person.skills),
        bio: person.bio,
      });
      accountIds.push(account.id);
    }
  });
  const viewerIds = random.sample(accountIds.slice(1), 200);
  const tokens: string[] = [];
  for (const id of viewerIds) tokens.push(await tokenFor(ctx, id));
  const searchTerms = [
    ...DEPARTMENTS.map((d) => d.name.split(' ')[0]?.toLowerCase().slice(0, 4) ?? 'eng'),
    ...LOCATIONS.map((l) => l.toLowerCase().slice(0, 3)),
    'ana',
    'mar',
    'ty',
    'kub',
    'product manager',
    'z',
  ];
  return {
    accountIds,
    tokens,
    viewerIds,
    adminToken: await tokenFor(ctx, accountIds[0] as number),
    searchTerms,
  };
}
