import type { Role } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import type { Viewer } from '../../http/auth';
import { type AccountRow, listPeople } from '../accounts/accounts.queries';
import { visibleAccounts } from './account-visibility';
import { accountScope, canSee } from './visibility';

const ROLES: Role[] = ['admin', 'member', 'guest'];

let t: TestApp;
let accounts: AccountRow[];
beforeAll(async () => {
  t = await startTestApp();
  accounts = [];
  // Two of each role, so "sees themself" and "sees others of the same role" both show.
  for (const role of ROLES) {
    for (let i = 0; i < 2; i++) accounts.push(await createAccount(t.ctx, { role }));
  }
});
afterAll(() => t.close());

describe('the one visibility rule and its SQL twin', () => {
  it.each(ROLES)('agree for a viewer who is %s', async (role) => {
    for (const account of accounts.filter((row) => row.role === role)) {
      const viewer: Viewer = { id: account.id, username: account.username, role };
      const listed = await listPeople(t.ctx.db, {
        scope: accountScope(viewer),
        viewerId: viewer.id,
        limit: 80,
      });
      const expected = accounts
        .filter((row) => canSee(viewer, { kind: 'account', account: row }))
        .map((row) => row.id)
        .sort((a, b) => a - b);
      expect(listed.map((row) => row.id).sort((a, b) => a - b)).toEqual(expected);
      expect(expected).toContain(viewer.id);
    }
  });

  it('says what the design says', () => {
    const of = (role: Role) => accounts.filter((row) => row.role === role);
    const [admin, member, guest] = ROLES.map((role) => of(role)[0] as AccountRow);
    const as = (row: AccountRow): Viewer => ({
      id: row.id,
      username: row.username,
      role: row.role,
    });
    const sees = (viewer: AccountRow, target: AccountRow) =>
      canSee(as(viewer), { kind: 'account', account: target });
    expect(accounts.every((row) => sees(admin as AccountRow, row))).toBe(true);
    expect(
      accounts.filter((row) => sees(member as AccountRow, row)).map((row) => row.role),
    ).toEqual(['admin', 'admin', 'member', 'member']);
    expect(accounts.filter((row) => sees(guest as AccountRow, row))).toEqual([guest]);
    expect(canSee(null, { kind: 'account', account: admin as AccountRow })).toBe(false);
  });
});

describe('communities in the one rule', () => {
  const viewer = (role: Role, id = 1): Viewer => ({ id, username: `v${id}`, role });
  const community = (privacy: 'public' | 'private' | 'secret') => ({ id: 9, privacy });
  const states = [null, 'invited', 'requested', 'member'] as const;

  it('tells who knows a community exists and who reads its content', () => {
    const table: string[] = [];
    for (const privacy of ['public', 'private', 'secret'] as const) {
      for (const role of ROLES) {
        for (const membership of states) {
          const exists = canSee(viewer(role), {
            kind: 'community',
            community: community(privacy),
            membership,
          });
          const content = canSee(viewer(role), {
            kind: 'community_content',
            community: community(privacy),
            membership,
          });
          table.push(
            `${privacy} ${role} ${membership ?? 'none'}: ${exists ? 'E' : '-'}${content ? 'C' : '-'}`,
          );
        }
      }
    }
    expect(table).toEqual([
      'public admin none: EC',
      'public admin invited: EC',
      'public admin requested: EC',
      'public admin member: EC',
      'public member none: EC',
      'public member invited: EC',
      'public member requested: EC',
      'public member member: EC',
      'public guest none: --',
      'public guest invited: E-',
      'public guest requested: E-',
      'public guest member: EC',
      'private admin none: E-',
      'private admin invited: E-',
      'private admin requested: E-',
      'private admin member: EC',
      'private member none: E-',
      'private member invited: E-',
      'private member requested: E-',
      'private member member: EC',
      'private guest none: --',
      'private guest invited: E-',
      'private guest requested: E-',
      'private guest member: EC',
      'secret admin none: E-',
      'secret admin invited: E-',
      'secret admin requested: E-',
      'secret admin member: EC',
      'secret member none: --',
      'secret member invited: E-',
      'secret member requested: E-',
      'secret member member: EC',
      'secret guest none: --',
      'secret guest invited: E-',
      'secret guest requested: E-',
      'secret guest member: EC',
    ]);
  });

  it('lets only readers of a community see its statuses, whatever they mention', () => {
    const status = (privacy: 'public' | 'private' | 'secret') => ({
      account_id: 2,
      visibility: 'public' as const,
      author: { id: 2, role: 'member' as const, suspended: 0 },
      community: community(privacy),
      hidden: false,
    });
    const facts = (membership: 'member' | null, mentioned = false) => ({
      following: false,
      mentioned,
      blocked: false,
      membership,
    });
    const sees = (
      role: Role,
      privacy: 'public' | 'private' | 'secret',
      f: ReturnType<typeof facts>,
    ) => canSee(viewer(role), { kind: 'status', status: status(privacy), facts: f });
    expect(sees('member', 'public', facts(null))).toBe(true);
    expect(sees('member', 'private', facts(null, true))).toBe(false);
    expect(sees('admin', 'secret', facts(null, true))).toBe(false);
    expect(sees('member', 'secret', facts('member'))).toBe(true);
    expect(sees('guest', 'public', facts(null))).toBe(false);
    expect(sees('guest', 'private', facts('member'))).toBe(true);
    // Outside communities, a guest reads only what addresses them.
    const orgWide = { ...status('public'), community: null };
    expect(canSee(viewer('guest'), { kind: 'status', status: orgWide, facts: facts(null) })).toBe(
      false,
    );
    expect(
      canSee(viewer('guest'), { kind: 'status', status: orgWide, facts: facts(null, true) }),
    ).toBe(true);
  });

  it('agrees with its SQL twin once people share a community', async () => {
    const member = accounts.find((row) => row.role === 'member') as AccountRow;
    const guest = accounts.find((row) => row.role === 'guest') as AccountRow;
    const now = Date.now();
    const id = Number(`9${String(now).slice(-9)}`);
    await t.ctx.db
      .insertInto('communities')
      .values({
        id,
        name: `Shared ${id}`,
        name_key: `shared ${id}`,
        description: '',
        privacy: 'private',
        cover_file: null,
        cover_description: '',
        created_by_id: null,
        members_count: 2,
        statuses_count: 0,
        last_status_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await t.ctx.db
      .insertInto('community_members')
      .values(
        [member, guest].map((row) => ({
          community_id: id,
          account_id: row.id,
          role: 'member' as const,
          state: 'member' as const,
          invited_by_id: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    for (const row of [member, guest]) {
      const v: Viewer = { id: row.id, username: row.username, role: row.role };
      const listed = await listPeople(t.ctx.db, {
        scope: accountScope(v),
        viewerId: v.id,
        limit: 80,
      });
      const visible = await visibleAccounts(t.ctx.db, v, accounts);
      expect(listed.map((a) => a.id).sort()).toEqual(visible.map((a) => a.id).sort());
    }
    const guestSees = await visibleAccounts(
      t.ctx.db,
      { id: guest.id, username: guest.username, role: 'guest' },
      accounts,
    );
    expect(guestSees.map((a) => a.id).sort()).toEqual([member.id, guest.id].sort());
  });
});
