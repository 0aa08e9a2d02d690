import type { PageDiff } from '@rapport/schema';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { diffBodies } from './pages.diff';
import { presentVisibleAccounts, revisionSummary } from './pages.presenter';
import { findRevision, listRevisions, type PageRevisionRow } from './pages.queries';
import { getReadablePage } from './pages.service';

const revisionNotFound = () => notFound('Revision');

/** A page's revisions, newest first, if the viewer may read the page. */
export async function listPageRevisions(
  ctx: AppContext,
  viewer: Viewer,
  pageId: number,
  after: Array<string | number> | undefined,
  limit: number,
) {
  await getReadablePage(ctx, viewer, pageId);
  return listRevisions(ctx.db, pageId, after, limit);
}

export async function getPageRevision(
  ctx: AppContext,
  viewer: Viewer,
  pageId: number,
  n: number,
): Promise<PageRevisionRow> {
  await getReadablePage(ctx, viewer, pageId);
  const revision = await findRevision(ctx.db, pageId, n);
  if (!revision) throw revisionNotFound();
  return revision;
}

/**
 * The changes from revision `from` to revision `to` (by default, what the latest save
 * changed). Either order works: from a newer to an older revision shows what undoing
 * would change.
 */
export async function diffPageRevisions(
  ctx: AppContext,
  viewer: Viewer,
  pageId: number,
  wanted: { from?: number | undefined; to?: number | undefined },
): Promise<PageDiff> {
  const { page } = await getReadablePage(ctx, viewer, pageId);
  const toN = wanted.to ?? page.revision;
  const fromN = wanted.from ?? Math.max(1, toN - 1);
  const [from, to] = await Promise.all([
    findRevision(ctx.db, pageId, fromN),
    findRevision(ctx.db, pageId, toN),
  ]);
  if (!from || !to) throw revisionNotFound();
  const hunks = diffBodies(from.body, to.body);
  let added = 0;
  let removed = 0;
  for (const hunk of hunks) {
    for (const line of hunk.lines) {
      if (line.type === 'added') added += 1;
      else if (line.type === 'removed') removed += 1;
    }
  }
  const accounts = await presentVisibleAccounts(ctx, viewer, [from.author_id, to.author_id]);
  const side = (row: PageRevisionRow) => {
    const { revision, title, summary, author, created_at } = revisionSummary(row, accounts);
    return { revision, title, summary, author, created_at };
  };
  return {
    page_id: String(pageId),
    from: side(from),
    to: side(to),
    title: { from: from.title, to: to.title, changed: from.title !== to.title },
    lines_added: added,
    lines_removed: removed,
    hunks,
  };
}
