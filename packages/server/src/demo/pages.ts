import type { AppContext } from '../context';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { createPage, updatePage } from '../features/pages/pages.service';
import { DAY_MS } from '../lib/time';
import { type Edit, HANDBOOK_PART_ONE } from './handbook';
import { HANDBOOK_PART_TWO } from './handbook-part-two';
import type { Random } from './random';

/**
 * The organisation's handbook: a dozen organisation-wide pages, each written by someone in
 * the department that owns the subject and then revised by colleagues over the last months,
 * so co-authors, the history and the diffs have something to show.
 */

const PAGES = [...HANDBOOK_PART_ONE, ...HANDBOOK_PART_TWO];

function applyEdit(page: { title: string; body: string }, edit: Edit) {
  let { title, body } = page;
  if ('title' in edit) title = edit.title;
  if ('replace' in edit && edit.replace) {
    const [from, to] = edit.replace;
    if (!body.includes(from)) throw new Error(`demo page edit does not apply: ${from}`);
    body = body.replace(from, to);
  }
  if ('append' in edit) body = `${body.trimEnd()}\n${edit.append}`;
  return { title, body };
}

/** Writes the handbook, each page's history spread over the last five months. */
export async function seedPages(
  ctx: AppContext,
  random: Random,
  accounts: AccountRow[],
  now: number,
  options: { featured: string },
): Promise<number> {
  const staff = accounts.filter((a) => a.role !== 'guest' && a.suspended === 0);
  const featured = staff.find((a) => a.username === options.featured);
  let revisions = 0;
  for (const [index, spec] of PAGES.entries()) {
    const department = staff.filter((a) => a.department === spec.department);
    const pool = department.length >= 3 ? department : staff;
    const writers = random.sample(pool, Math.min(pool.length, 3));
    // The featured member co-writes a few pages, so their profile has pages to show.
    if (featured && index % 4 === 0 && !writers.includes(featured)) writers[1] = featured;
    const viewerOf = (a: AccountRow) => ({ id: a.id, username: a.username, role: a.role });
    const steps = spec.edits.length + 1;
    // From 150 to 20 days ago for the first version, later edits closer to now.
    let at = now - random.int(20 + steps * 6, 150) * DAY_MS - random.int(0, DAY_MS);
    const first = writers[0] as AccountRow;
    const created = await createPage(
      ctx,
      viewerOf(first),
      { title: spec.title, body: spec.body, summary: spec.summary },
      { at },
    );
    let page = { title: spec.title, body: spec.body, revision: 1 };
    revisions += 1;
    for (const edit of spec.edits) {
      at += random.int(2, 6) * DAY_MS + random.int(0, DAY_MS / 2);
      const next = applyEdit(page, edit);
      const author = writers[1 + (page.revision % Math.max(1, writers.length - 1))] ?? first;
      await updatePage(
        ctx,
        viewerOf(author),
        created.id,
        { ...next, base_revision: page.revision, summary: edit.summary },
        { at: Math.min(at, now - DAY_MS) },
      );
      page = { ...next, revision: page.revision + 1 };
      revisions += 1;
    }
  }
  return revisions;
}
