import type { Role } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../../test/factories';
import { startTestApp, type TestApp } from '../../../test/harness';
import type { Viewer } from '../../http/auth';
import { type AccountRow, listPeople } from '../accounts/accounts.queries';
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
