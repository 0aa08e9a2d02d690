import type { DiffLine, PageDiff } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { diffBodies } from './pages.diff';
import { community, type Person, pageTableCounts, person, writePage } from './pages.fixtures';

let t: TestApp;
let ana: Person;
let ben: Person;
let cleo: Person;
let guest: Person;

beforeAll(async () => {
  t = await startTestApp();
  [ana, ben, cleo, guest] = await Promise.all([
    person(t),
    person(t),
    person(t),
    person(t, 'guest'),
  ]);
});
afterAll(() => t.close());

const save = (who: Person, id: string, fields: Record<string, unknown>) =>
  who.api.put(`/api/rapport/v1/pages/${id}`, { title: 'Expense policy', ...fields });

const V1 = ['# Expenses', '', 'Keep every receipt.', 'Submit claims monthly.', ''].join('\n');
const V2 = [
  '# Expenses',
  '',
  'Keep every receipt for six years.',
  'Submit claims monthly.',
  '',
].join('\n');
const V3 = [
  '# Expenses',
  '',
  'Keep every receipt for six years.',
  'Submit claims by the 5th of each month.',
  '',
  'Travel is booked through the portal.',
  '',
].join('\n');

describe('saving revisions', () => {
  it('adds a revision per save, counts co-authors, and records who co-authored with whom', async () => {
    const page = await writePage(ana, { title: 'Expense policy', body: V1 });
    const second = await save(ben, page.id, { body: V2, base_revision: 1, summary: 'Retention' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ revision: 2, updated_by: { id: String(ben.account.id) } });
    const third = await save(cleo, page.id, { body: V3, base_revision: 2 });
    expect(third.status).toBe(200);
    const fourth = await save(ben, page.id, { body: `${V3}More.\n`, base_revision: 3 });
    expect(fourth.body.revision).toBe(4);

    const coAuthors = fourth.body.co_authors.map(
      (c: { account: { id: string }; revisions_count: number }) => [
        c.account.id,
        c.revisions_count,
      ],
    );
    expect(coAuthors).toEqual([
      [String(ben.account.id), 2],
      [String(ana.account.id), 1],
      [String(cleo.account.id), 1],
    ]);
    expect(fourth.body.created_by.id).toBe(String(ana.account.id));

    const acts = await t.ctx.db
      .selectFrom('interactions')
      .select(['kind', 'actor_id', 'target_id', 'subject_type', 'subject_id'])
      .where('subject_id', '=', Number(page.id))
      .orderBy('id')
      .execute();
    const pairs = acts.map((act) => [act.actor_id, act.target_id]);
    expect(acts.every((act) => act.kind === 'co_authored' && act.subject_type === 'page')).toBe(
      true,
    );
    // Ben towards Ana; Cleo towards Ana and Ben; Ben towards Ana and Cleo (never himself).
    expect(pairs).toEqual(
      expect.arrayContaining([
        [ben.account.id, ana.account.id],
        [cleo.account.id, ana.account.id],
        [cleo.account.id, ben.account.id],
        [ben.account.id, cleo.account.id],
      ]),
    );
    expect(pairs).toHaveLength(5);
    expect(pairs.some(([actor, target]) => actor === target)).toBe(false);
  });

  it('answers 409 with the current page when someone saved in between, and overwrites nothing', async () => {
    const page = await writePage(ana, { title: 'Expense policy', body: V1 });
    expect((await save(ben, page.id, { body: V2, base_revision: 1 })).status).toBe(200);
    const before = await pageTableCounts(t);
    const stale = await save(ana, page.id, { body: `${V1}\nMy own addition.\n`, base_revision: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');
    expect(stale.body.error).toMatch(/revision 2/);
    expect(stale.body.current).toMatchObject({ revision: 2, body: V2 });
    expect(await pageTableCounts(t)).toEqual(before);
    const now = await ana.api.get(`/api/rapport/v1/pages/${page.id}`);
    expect(now.body).toMatchObject({ revision: 2, body: V2 });
    // Rebased on the colleague's revision, the save goes through.
    const rebased = await save(ana, page.id, {
      body: `${V2}\nMy own addition.\n`,
      base_revision: 2,
    });
    expect(rebased.status).toBe(200);
    expect(rebased.body.revision).toBe(3);
  });

  it('lets exactly one of two simultaneous saves from the same revision win', async () => {
    const page = await writePage(ana, { title: 'Expense policy', body: V1 });
    const results = await Promise.all([
      save(ben, page.id, { body: V2, base_revision: 1 }),
      save(cleo, page.id, { body: V3, base_revision: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const revisions = await ana.api.get(`/api/rapport/v1/pages/${page.id}/revisions`);
    expect(revisions.body.map((r: { revision: number }) => r.revision)).toEqual([2, 1]);
  });

  it('refuses bad saves with a 4xx and changes nothing', async () => {
    const page = await writePage(ana, { title: 'Expense policy', body: V1 });
    const team = await community(t, 'public', [[ben, 'owner']]);
    const teamPage = await writePage(ben, { title: 'Team page', body: V1, community_id: team });
    const before = await pageTableCounts(t);
    const cases: Array<[Person, string, Record<string, unknown>, number]> = [
      [ben, page.id, { body: V2 }, 422],
      [ben, page.id, { body: V2, base_revision: 0 }, 422],
      [ben, page.id, { body: V2, base_revision: 'one' }, 422],
      [ben, page.id, { body: V2, base_revision: 7 }, 422],
      [ben, page.id, { body: '', base_revision: 1 }, 422],
      [ben, page.id, { title: '', body: V2, base_revision: 1 }, 422],
      [guest, page.id, { body: V2, base_revision: 1 }, 404],
      [ben, '987654321', { body: V2, base_revision: 1 }, 404],
      // Ana reads the public community's page but must join it to edit.
      [ana, teamPage.id, { body: V2, base_revision: 1 }, 403],
    ];
    for (const [who, id, body, status] of cases) {
      const res = await save(who, id, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
    }
    expect(await pageTableCounts(t)).toEqual(before);
    expect((await ana.api.get(`/api/rapport/v1/pages/${teamPage.id}`)).body.permissions).toEqual({
      edit: false,
      delete: false,
    });
  });

  it('writes no revision when nothing changed', async () => {
    const page = await writePage(ana, { title: 'Expense policy', body: V1 });
    const same = await save(ben, page.id, { body: V1, base_revision: 1 });
    expect(same.status).toBe(200);
    expect(same.body.revision).toBe(1);
    expect(same.body.co_authors).toHaveLength(1);
  });
});

describe('revisions', () => {
  it('lists revisions newest first with authors, summaries and line counts, paged by cursor', async () => {
    const page = await writePage(ana, { title: 'Expense policy', body: V1 });
    await save(ben, page.id, { body: V2, base_revision: 1, summary: 'Six years' });
    await save(cleo, page.id, { title: 'Expenses and travel', body: V3, base_revision: 2 });
    const first = await guestless(`/api/rapport/v1/pages/${page.id}/revisions?limit=2`);
    expect(first.body.map((r: { revision: number }) => r.revision)).toEqual([3, 2]);
    expect(first.body[0]).toMatchObject({
      title: 'Expenses and travel',
      author: { id: String(cleo.account.id) },
      lines_added: 3,
      lines_removed: 1,
    });
    expect(first.body[1]).toMatchObject({ summary: 'Six years', lines_added: 1, lines_removed: 1 });
    expect(first.body[0]).not.toHaveProperty('body');
    const next = /<([^>]+)>; rel="next"/.exec(String(first.headers.link))?.[1] as string;
    const url = new URL(next);
    const second = await guestless(url.pathname + url.search);
    expect(second.body.map((r: { revision: number }) => r.revision)).toEqual([1]);
    expect(second.body[0]).toMatchObject({ lines_added: 4, lines_removed: 0 });

    const one = await ana.api.get(`/api/rapport/v1/pages/${page.id}/revisions/2`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ revision: 2, body: V2, page_id: page.id });
    expect(one.body.html).toContain('<p>Keep every receipt for six years.');
    expect((await ana.api.get(`/api/rapport/v1/pages/${page.id}/revisions/9`)).status).toBe(404);
    expect((await ana.api.get(`/api/rapport/v1/pages/${page.id}/revisions/x`)).status).toBe(404);
    expect((await guest.api.get(`/api/rapport/v1/pages/${page.id}/revisions`)).status).toBe(404);
    expect((await guest.api.get(`/api/rapport/v1/pages/${page.id}/revisions/1`)).status).toBe(404);
  });
});

function guestless(path: string) {
  return ben.api.get(path);
}

const shape = (lines: DiffLine[]) =>
  lines.map((line) => `${{ context: ' ', added: '+', removed: '-' }[line.type]}${line.text}`);

describe('the diff between revisions', () => {
  it('shows changed lines with word-level changes, added lines, and numbers on both sides', async () => {
    const page = await writePage(ana, { title: 'Expense policy', body: V1 });
    await save(ben, page.id, { body: V2, base_revision: 1 });
    await save(cleo, page.id, { title: 'Expenses and travel', body: V3, base_revision: 2 });

    const res = await ana.api.get(`/api/rapport/v1/pages/${page.id}/diff?from=1&to=3`);
    expect(res.status).toBe(200);
    const diff = res.body as PageDiff;
    expect(diff.from).toMatchObject({ revision: 1, author: { id: String(ana.account.id) } });
    expect(diff.to).toMatchObject({ revision: 3, author: { id: String(cleo.account.id) } });
    expect(diff.title).toEqual({
      from: 'Expense policy',
      to: 'Expenses and travel',
      changed: true,
    });
    expect(diff.lines_added).toBe(4);
    expect(diff.lines_removed).toBe(2);
    expect(diff.hunks).toHaveLength(1);
    const [hunk] = diff.hunks;
    expect(shape(hunk?.lines ?? [])).toEqual([
      ' # Expenses',
      ' ',
      '-Keep every receipt.',
      '-Submit claims monthly.',
      '+Keep every receipt for six years.',
      '+Submit claims by the 5th of each month.',
      '+',
      '+Travel is booked through the portal.',
    ]);
    const lines = hunk?.lines ?? [];
    expect(lines[2]).toMatchObject({ from_line: 3, to_line: null });
    expect(lines[4]).toMatchObject({ from_line: null, to_line: 3 });
    expect(lines[4]?.parts).toEqual([
      { text: 'Keep every receipt', change: 'same' },
      { text: ' for six years', change: 'added' },
      { text: '.', change: 'same' },
    ]);
    expect(lines[3]?.parts).toEqual([
      { text: 'Submit claims ', change: 'same' },
      { text: 'monthly', change: 'removed' },
      { text: '.', change: 'same' },
    ]);
    expect(lines[5]?.parts?.find((part) => part.change === 'added')?.text).toBe(
      'by the 5th of each month',
    );
    // A wholly new line has no word-level parts.
    expect(lines[7]?.parts).toBeUndefined();
  });

  it('defaults to the latest change, works backwards, and is empty between equal revisions', async () => {
    const page = await writePage(ana, { title: 'Expense policy', body: V1 });
    await save(ben, page.id, { body: V2, base_revision: 1 });
    const latest = await ana.api.get(`/api/rapport/v1/pages/${page.id}/diff`);
    expect(latest.body).toMatchObject({ from: { revision: 1 }, to: { revision: 2 } });
    expect(latest.body.lines_added).toBe(1);
    const backwards = await ana.api.get(`/api/rapport/v1/pages/${page.id}/diff?from=2&to=1`);
    expect(shape(backwards.body.hunks[0].lines).filter((l) => !l.startsWith(' '))).toEqual([
      '-Keep every receipt for six years.',
      '+Keep every receipt.',
    ]);
    const same = await ana.api.get(`/api/rapport/v1/pages/${page.id}/diff?from=2&to=2`);
    expect(same.body.hunks).toEqual([]);
    expect((await ana.api.get(`/api/rapport/v1/pages/${page.id}/diff?from=1&to=5`)).status).toBe(
      404,
    );
    expect((await ana.api.get(`/api/rapport/v1/pages/${page.id}/diff?from=zero`)).status).toBe(400);
    expect((await guest.api.get(`/api/rapport/v1/pages/${page.id}/diff`)).status).toBe(404);
  });

  it('keeps distant changes in separate hunks with three lines of context', () => {
    const before = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}`).join('\n');
    const after = before.replace('Line 2\n', 'Line two\n').replace('Line 28', 'Line twenty-eight');
    const hunks = diffBodies(before, after);
    expect(hunks.map((h) => [h.from_start, h.from_lines, h.to_start, h.to_lines])).toEqual([
      [1, 5, 1, 5],
      [25, 6, 25, 6],
    ]);
    expect(hunks[1]?.lines.at(-1)).toMatchObject({ type: 'context', text: 'Line 30' });
  });

  it('treats Windows line ends and a missing final newline as no change', () => {
    expect(diffBodies('a\r\nb\r\n', 'a\nb')).toEqual([]);
  });
});
