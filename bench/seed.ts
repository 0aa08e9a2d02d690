import type { AppContext } from '../packages/server/src/context';
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

export interface Seeded {
  accountIds: number[];
  tokens: string[];
  adminToken: string;
  searchTerms: string[];
}

/** `count` accounts with full profiles (demo generator), one admin, and tokens for 200 viewers. */
export async function seedAccounts(ctx: AppContext, count: number): Promise<Seeded> {
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
        createdAt: now - random.int(0, 365) * DAY_MS,
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
  const app = await webApplicationId(ctx.db);
  const token = async (accountId: number) =>
    (
      await issueAccessToken(ctx.db, {
        applicationId: app,
        accountId,
        scopes: SESSION_SCOPES,
        kind: 'bearer',
      })
    ).token;
  const tokens: string[] = [];
  for (const id of random.sample(accountIds.slice(1), 200)) tokens.push(await token(id));
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
  return { accountIds, tokens, adminToken: await token(accountIds[0] as number), searchTerms };
}
