import type { CreatePageInput, PagePlaces, UpdatePageInput } from '@rapport/schema';
import type { AppContext } from '../../context';
import { idFor, newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { forbidden, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { recordInteractions } from '../interactions/interactions.queries';
import { loadCommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import { countChangedLines } from './pages.diff';
import { renderMarkdown } from './pages.markdown';
import {
  advancePage,
  countAuthorRevision,
  deletePageRow,
  findAuthors,
  findMemberCommunities,
  findMemberRoles,
  findPage,
  insertPage,
  insertRevision,
  lockPage,
  type PageRow,
  pageTerms,
  replacePageTerms,
} from './pages.queries';
import { canDeletePage, canEditPage, canReadPage, type PageFacts } from './pages.rules';

const pageNotFound = () => notFound('Page');

/** Demo and imports write history in the past; requests always write "now". */
export interface WriteOptions {
  at?: number;
}

/** The facts the page rules need, for one page and the viewer. */
export async function loadPageFacts(
  ctx: AppContext,
  viewer: Viewer,
  page: PageRow,
): Promise<PageFacts> {
  if (page.community_id === null) return { page, access: undefined, role: null };
  const [access, roles] = await Promise.all([
    loadCommunityAccess(ctx.db, viewer.id, [page.community_id]),
    findMemberRoles(ctx.db, viewer.id, [page.community_id]),
  ]);
  return {
    page,
    access: access.get(page.community_id),
    role: roles.get(page.community_id) ?? null,
  };
}

/** The page, if the viewer may read it; 404 otherwise (existence does not leak). */
export async function getReadablePage(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<{ page: PageRow; facts: PageFacts }> {
  const page = await findPage(ctx.db, id);
  if (!page) throw pageNotFound();
  const facts = await loadPageFacts(ctx, viewer, page);
  if (!canReadPage(viewer, facts)) throw pageNotFound();
  return { page, facts };
}

/**
 * Where a new page may go: organisation-wide for the staff; a community for its members
 * (404 when the viewer may not know the community exists, 403 when they are not in it).
 */
async function checkPlace(
  ctx: AppContext,
  viewer: Viewer,
  communityId: number | null,
): Promise<void> {
  if (communityId === null) {
    if (viewer.role === 'guest')
      throw forbidden('Guests write pages in their communities; choose one of them');
    return;
  }
  const access = (await loadCommunityAccess(ctx.db, viewer.id, [communityId])).get(communityId);
  if (!access || !canSee(viewer, { kind: 'community', ...access })) throw notFound('Community');
  if (access.membership !== 'member')
    throw forbidden('Only members of this community can write its pages');
}

export async function createPage(
  ctx: AppContext,
  viewer: Viewer,
  input: CreatePageInput,
  options: WriteOptions = {},
): Promise<PageRow> {
  const communityId = input.community_id ? Number(input.community_id) : null;
  await checkPlace(ctx, viewer, communityId);
  const at = options.at ?? Date.now();
  const row: PageRow = {
    id: options.at === undefined ? newId() : idFor(at),
    community_id: communityId,
    title: input.title,
    body: input.body,
    body_html: renderMarkdown(input.body),
    revision: 1,
    created_by_id: viewer.id,
    updated_by_id: viewer.id,
    created_at: at,
    updated_at: at,
  };
  const lines = countChangedLines('', input.body);
  await ctx.db.transaction().execute(async (trx) => {
    await insertPage(trx, row);
    await insertRevision(trx, {
      page_id: row.id,
      n: 1,
      title: row.title,
      body: row.body,
      summary: input.summary ?? '',
      author_id: viewer.id,
      lines_added: lines.added,
      lines_removed: 0,
      created_at: at,
    });
    await countAuthorRevision(trx, { pageId: row.id, accountId: viewer.id, at });
    await replacePageTerms(trx, row.id, pageTerms(row.title, row.body));
  });
  ctx.events.emit({
    type: 'page.created',
    page_id: String(row.id),
    community_id: communityId === null ? null : String(communityId),
    revision: 1,
    by_id: String(viewer.id),
  });
  return row;
}

export type SaveResult =
  | { outcome: 'saved' | 'unchanged'; page: PageRow }
  /** Someone saved since `base_revision`: nothing was written; `page` is the current one. */
  | { outcome: 'conflict'; page: PageRow };

/**
 * Saves a new revision. The page row stays locked from the revision check to the write, so
 * of two people saving from the same revision the second gets a conflict, never an
 * overwrite. The editor co-authors with everyone who wrote the page before them.
 */
export async function updatePage(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: UpdatePageInput,
  options: WriteOptions = {},
): Promise<SaveResult> {
  const { facts } = await getReadablePage(ctx, viewer, id);
  if (!canEditPage(viewer, facts)) {
    throw forbidden(
      facts.page.community_id === null
        ? 'Guests cannot edit organisation-wide pages'
        : 'Only members of this community can edit its pages',
    );
  }
  const at = options.at ?? Date.now();
  const result = await ctx.db.transaction().execute(async (trx): Promise<SaveResult> => {
    const current = await lockPage(trx, id);
    if (!current) throw pageNotFound();
    if (input.base_revision > current.revision) {
      throw validationFailed({ base_revision: [`must be at most ${current.revision}`] });
    }
    if (input.base_revision < current.revision) return { outcome: 'conflict', page: current };
    if (input.title === current.title && input.body === current.body) {
      return { outcome: 'unchanged', page: current };
    }
    const patch = {
      title: input.title,
      body: input.body,
      body_html: input.body === current.body ? current.body_html : renderMarkdown(input.body),
      revision: current.revision + 1,
      updated_by_id: viewer.id,
      updated_at: Math.max(at, current.updated_at),
    };
    if (!(await advancePage(trx, id, current.revision, patch))) {
      return { outcome: 'conflict', page: (await findPage(trx, id)) ?? current };
    }
    const lines = countChangedLines(current.body, input.body);
    await insertRevision(trx, {
      page_id: id,
      n: patch.revision,
      title: input.title,
      body: input.body,
      summary: input.summary ?? '',
      author_id: viewer.id,
      lines_added: lines.added,
      lines_removed: lines.removed,
      created_at: patch.updated_at,
    });
    await recordCoAuthoring(trx, current, viewer.id, patch.updated_at);
    await countAuthorRevision(trx, { pageId: id, accountId: viewer.id, at: patch.updated_at });
    await replacePageTerms(trx, id, pageTerms(input.title, input.body));
    return { outcome: 'saved', page: { ...current, ...patch } };
  });
  if (result.outcome === 'saved') {
    ctx.events.emit({
      type: 'page.updated',
      page_id: String(id),
      community_id: result.page.community_id === null ? null : String(result.page.community_id),
      revision: result.page.revision,
      by_id: String(viewer.id),
    });
  }
  return result;
}

/** A revision of a page others wrote: one `co_authored` act towards each earlier author. */
async function recordCoAuthoring(trx: Db, page: PageRow, editorId: number, at: number) {
  const earlier = await findAuthors(trx, [page.id]);
  await recordInteractions(
    trx,
    earlier.map((author) => ({
      kind: 'co_authored' as const,
      actorId: editorId,
      targetId: author.account_id,
      subjectType: 'page',
      subjectId: page.id,
      communityId: page.community_id,
      at,
    })),
  );
}

export async function deletePage(ctx: AppContext, viewer: Viewer, id: number): Promise<void> {
  const { page, facts } = await getReadablePage(ctx, viewer, id);
  if (!canDeletePage(viewer, facts)) {
    throw forbidden(
      page.community_id === null
        ? 'Only its creator or an admin can delete this page'
        : "Only its creator or the community's owners and moderators can delete this page",
    );
  }
  await ctx.db.transaction().execute((trx) => deletePageRow(trx, id));
  ctx.events.emit({
    type: 'page.deleted',
    page_id: String(id),
    community_id: page.community_id === null ? null : String(page.community_id),
    by_id: String(viewer.id),
  });
}

/** Where the viewer may write a new page: organisation-wide (staff) and their communities. */
export async function pagePlaces(ctx: AppContext, viewer: Viewer): Promise<PagePlaces> {
  const rows = await findMemberCommunities(ctx.db, viewer.id, 500);
  return {
    organisation: viewer.role !== 'guest',
    communities: rows.map((row) => ({
      id: String(row.id),
      name: row.name,
      privacy: row.privacy,
      url: `${ctx.config.publicUrl}/communities/${row.id}`,
    })),
  };
}
