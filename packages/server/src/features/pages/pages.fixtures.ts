import type { CommunityPrivacy, CommunityRole, MembershipState, Role } from '@rapport/schema';
import { addMember, insertCommunity } from '../../../test/community-factory';
import { createAccountWithToken } from '../../../test/factories';
import type { TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import type { AccountRow } from '../accounts/accounts.queries';

/**
 * Test helpers for pages. Communities are written straight into the database: their own
 * routes are another capability.
 */
export interface Person {
  account: AccountRow;
  token: string;
  api: ReturnType<typeof api>;
}

export async function person(t: TestApp, role: Role = 'member'): Promise<Person> {
  const { account, token } = await createAccountWithToken(t.ctx, { role });
  return { account, token, api: api(t.app, token) };
}

export async function community(
  t: TestApp,
  privacy: CommunityPrivacy,
  members: Array<[Person, CommunityRole] | [Person, CommunityRole, MembershipState]> = [],
): Promise<number> {
  const { id } = await insertCommunity(t.ctx, { privacy });
  for (const [who, role, state] of members) await join(t, id, who, role, state);
  return id;
}

export async function join(
  t: TestApp,
  communityId: number,
  who: Person,
  role: CommunityRole = 'member',
  state: MembershipState = 'member',
): Promise<void> {
  await addMember(t.ctx, communityId, who.account.id, role, state);
}

export const SAMPLE_BODY = [
  '# Release checklist',
  '',
  'Before every release:',
  '',
  '- Freeze the branch on Tuesday',
  '- Run the full test suite',
  '- Write the release notes',
  '',
  'Ask in #releases when in doubt.',
].join('\n');

/** Writes a page through the API and returns its JSON. */
export async function writePage(
  author: Person,
  fields: { title?: string; body?: string; community_id?: number | string | null } = {},
) {
  const res = await author.api.post('/api/rapport/v1/pages', {
    title: fields.title ?? 'How we run releases',
    body: fields.body ?? SAMPLE_BODY,
    ...(fields.community_id ? { community_id: String(fields.community_id) } : {}),
  });
  if (res.status !== 200) throw new Error(`writing a page answered ${res.status}: ${res.text}`);
  return res.body;
}

/** Row counts of the page tables, to show a refused request changed nothing. */
export async function pageTableCounts(t: TestApp) {
  const counts: Record<string, number> = {};
  for (const table of [
    'pages',
    'page_revisions',
    'page_authors',
    'page_terms',
    'interactions',
  ] as const) {
    const row = await t.ctx.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
