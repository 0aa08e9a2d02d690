import type {
  Account,
  Page,
  PageCoAuthor,
  PageRevision,
  PageRevisionSummary,
  PageSummary,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountsByIds } from '../accounts/accounts.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { loadCommunityAccess } from '../visibility/community-facts';
import { plainExcerpt, renderMarkdown } from './pages.markdown';
import {
  findAuthors,
  findMemberRoles,
  type PageListRow,
  type PageRevisionRow,
  type PageRow,
} from './pages.queries';
import { canDeletePage, canEditPage, type PageFacts } from './pages.rules';

type PresentableRow = PageListRow | PageRow;

/** The accounts among `ids` the viewer may see, presented, by id. */
export async function presentVisibleAccounts(
  ctx: AppContext,
  viewer: Viewer,
  ids: Array<number | null>,
): Promise<Map<number, Account>> {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await visibleAccounts(ctx.db, viewer, await findAccountsByIds(ctx.db, wanted));
  return new Map(rows.map((row) => [row.id, presentAccount(ctx, row)]));
}

/** What presenting pages needs, loaded for all of them at once (four queries however many). */
async function loadPresentation(ctx: AppContext, viewer: Viewer, rows: PresentableRow[]) {
  const communityIds = rows.flatMap((row) => (row.community_id === null ? [] : [row.community_id]));
  const [access, roles, authors] = await Promise.all([
    loadCommunityAccess(ctx.db, viewer.id, communityIds),
    findMemberRoles(ctx.db, viewer.id, communityIds),
    findAuthors(
      ctx.db,
      rows.map((row) => row.id),
    ),
  ]);
  const accounts = await presentVisibleAccounts(ctx, viewer, [
    ...rows.flatMap((row) => [row.created_by_id, row.updated_by_id]),
    ...authors.map((author) => author.account_id),
  ]);
  return { access, roles, authors, accounts };
}

type Presentation = Awaited<ReturnType<typeof loadPresentation>>;

export function factsOf(
  row: PresentableRow,
  loaded: Pick<Presentation, 'access' | 'roles'>,
): PageFacts {
  const communityId = row.community_id;
  return {
    page: row,
    access: communityId === null ? undefined : loaded.access.get(communityId),
    role: communityId === null ? null : (loaded.roles.get(communityId) ?? null),
  };
}

function common(ctx: AppContext, viewer: Viewer, row: PresentableRow, loaded: Presentation) {
  const facts = factsOf(row, loaded);
  const account = (id: number | null) => (id === null ? null : (loaded.accounts.get(id) ?? null));
  const coAuthors: PageCoAuthor[] = loaded.authors.flatMap((author) => {
    const presented =
      author.page_id === row.id ? loaded.accounts.get(author.account_id) : undefined;
    return presented
      ? [
          {
            account: presented,
            revisions_count: author.revisions_count,
            first_edited_at: toIso(author.first_at),
            last_edited_at: toIso(author.last_at),
          },
        ]
      : [];
  });
  const community = facts.access
    ? {
        id: String(facts.access.community.id),
        name: facts.access.name,
        privacy: facts.access.community.privacy,
        url: `${ctx.config.publicUrl}/communities/${facts.access.community.id}`,
      }
    : null;
  return {
    id: String(row.id),
    title: row.title,
    community,
    created_by: account(row.created_by_id),
    updated_by: account(row.updated_by_id),
    co_authors: coAuthors,
    revision: row.revision,
    created_at: toIso(row.created_at),
    updated_at: toIso(row.updated_at),
    url: `${ctx.config.publicUrl}/pages/${row.id}`,
    permissions: { edit: canEditPage(viewer, facts), delete: canDeletePage(viewer, facts) },
  };
}

/** Whole pages, as `GET /pages/:id` returns them. The rows must be readable by the viewer. */
export async function presentPages(
  ctx: AppContext,
  viewer: Viewer,
  rows: PageRow[],
): Promise<Page[]> {
  const loaded = await loadPresentation(ctx, viewer, rows);
  return rows.map((row) => ({
    ...common(ctx, viewer, row, loaded),
    body: row.body,
    html: row.body_html,
  }));
}

export async function presentPage(ctx: AppContext, viewer: Viewer, row: PageRow): Promise<Page> {
  const [page] = await presentPages(ctx, viewer, [row]);
  return page as Page;
}

/** Many pages open with their title as a heading; the list already shows it. */
function withoutTitle(excerpt: string, title: string): string {
  const lead = `${title} · `;
  return excerpt.toLowerCase().startsWith(lead.toLowerCase())
    ? excerpt.slice(lead.length)
    : excerpt;
}

/** Pages in a list or a search result. The rows must be readable by the viewer. */
export async function presentPageSummaries(
  ctx: AppContext,
  viewer: Viewer,
  rows: PageListRow[],
): Promise<PageSummary[]> {
  const loaded = await loadPresentation(ctx, viewer, rows);
  return rows.map((row) => ({
    ...common(ctx, viewer, row, loaded),
    excerpt: withoutTitle(plainExcerpt(row.html_start), row.title),
  }));
}

export async function presentRevisionSummaries(
  ctx: AppContext,
  viewer: Viewer,
  rows: Array<Omit<PageRevisionRow, 'body'>>,
): Promise<PageRevisionSummary[]> {
  const accounts = await presentVisibleAccounts(
    ctx,
    viewer,
    rows.map((row) => row.author_id),
  );
  return rows.map((row) => revisionSummary(row, accounts));
}

export function revisionSummary(
  row: Omit<PageRevisionRow, 'body'>,
  accounts: Map<number, Account>,
): PageRevisionSummary {
  return {
    revision: row.n,
    title: row.title,
    summary: row.summary,
    author: row.author_id === null ? null : (accounts.get(row.author_id) ?? null),
    lines_added: row.lines_added,
    lines_removed: row.lines_removed,
    created_at: toIso(row.created_at),
  };
}

/** One revision with its body rendered (old revisions are rendered when asked for). */
export async function presentRevision(
  ctx: AppContext,
  viewer: Viewer,
  row: PageRevisionRow,
): Promise<PageRevision> {
  const [summary] = await presentRevisionSummaries(ctx, viewer, [row]);
  return {
    ...(summary as PageRevisionSummary),
    page_id: String(row.page_id),
    body: row.body,
    html: renderMarkdown(row.body),
  };
}
