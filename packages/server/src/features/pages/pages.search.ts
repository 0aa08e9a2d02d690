import type { PageSummary } from '@rapport/schema';
import type { AppContext } from '../../context';
import { notFound } from '../../errors';
import type { Viewer } from '../../http/auth';
import { toIso } from '../../lib/time';
import { loadCommunityAccess } from '../visibility/community-facts';
import { canSee } from '../visibility/visibility';
import { presentPageSummaries } from './pages.presenter';
import { findAuthors, listReadablePages, type PageListRow } from './pages.queries';

export interface PageListRequest {
  communityId?: number | undefined;
  organisationOnly?: boolean | undefined;
  q?: string | undefined;
  after?: Array<string | number> | undefined;
  limit: number;
}

/**
 * Pages the viewer may read, newest updated first. Asking for a community the viewer may
 * not read is a 404, as for anything they may not see.
 */
export async function listPages(
  ctx: AppContext,
  viewer: Viewer,
  request: PageListRequest,
): Promise<PageListRow[]> {
  if (request.communityId !== undefined) {
    const access = (await loadCommunityAccess(ctx.db, viewer.id, [request.communityId])).get(
      request.communityId,
    );
    if (!access || !canSee(viewer, { kind: 'community_content', ...access }))
      throw notFound('Community');
  }
  return listReadablePages(ctx.db, {
    viewer,
    communityId: request.organisationOnly ? null : request.communityId,
    q: request.q,
    after: request.after,
    limit: request.limit,
  });
}

/**
 * For the unified search: pages the viewer may read whose title or body has every word
 * of `q` (by prefix), newest updated first, presented.
 */
export async function searchPages(
  ctx: AppContext,
  viewer: Viewer,
  q: string,
  limit: number,
): Promise<PageSummary[]> {
  if (q.trim() === '') return [];
  const rows = await listReadablePages(ctx.db, { viewer, q, limit });
  return presentPageSummaries(ctx, viewer, rows);
}

export interface PageEvidence {
  accountId: number;
  kind: 'page';
  id: string;
  title: string;
  at: string;
}

/** How many of the most recently updated matching pages count as evidence. */
const EVIDENCE_PAGES = 50;

/**
 * For the expertise ranking: each co-author of each page on the topic that the viewer may
 * read, with when they last wrote it. The caller still decides which accounts the viewer
 * may see.
 */
export async function pageEvidence(
  ctx: AppContext,
  viewer: Viewer,
  topic: string,
): Promise<PageEvidence[]> {
  if (topic.trim() === '') return [];
  const rows = await listReadablePages(ctx.db, { viewer, q: topic, limit: EVIDENCE_PAGES });
  const titles = new Map(rows.map((row) => [row.id, row.title]));
  const authors = await findAuthors(
    ctx.db,
    rows.map((row) => row.id),
  );
  return authors.map((author) => ({
    accountId: author.account_id,
    kind: 'page' as const,
    id: String(author.page_id),
    title: titles.get(author.page_id) ?? '',
    at: toIso(author.last_at),
  }));
}
