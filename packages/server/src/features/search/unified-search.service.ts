import type { SearchKind, Status, UnifiedSearchResults } from '@rapport/schema';
import type { AppContext } from '../../context';
import { parseTextQuery, searchQuestionIds } from '../../db/dialect';
import { validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { termsOf } from '../accounts/terms';
import type { DirectoryCursor } from '../communities/communities.queries';
import { listCommunities } from '../communities/communities.service';
import { searchEvents } from '../events/events.service';
import { presentPageSummaries } from '../pages/pages.presenter';
import { listPages, searchPages } from '../pages/pages.search';
import { presentStatuses } from '../statuses/statuses.present';
import { search } from './search.service';

export interface UnifiedSearchRequest {
  q: string;
  /** Undefined: a few of each kind. */
  type: SearchKind | undefined;
  limit: number;
  /** Statuses and questions: only those older than this id. */
  maxId: number | undefined;
  /** Communities and pages: the sort key of the last one already shown. */
  after: Array<string | number> | undefined;
}

/** Where the next page of the one kind asked for starts, when there may be more. */
export type NextPage = { maxId: string } | { after: Array<string | number> } | undefined;

export interface UnifiedSearchPage {
  results: UnifiedSearchResults;
  next: NextPage;
}

const PAGED_BY_ID: ReadonlySet<SearchKind> = new Set(['statuses', 'questions']);
const PAGED_BY_CURSOR: ReadonlySet<SearchKind> = new Set(['communities', 'pages']);

const empty = (): UnifiedSearchResults => ({
  accounts: [],
  statuses: [],
  communities: [],
  questions: [],
  pages: [],
  events: [],
});

/**
 * Rapport's search over people, statuses, communities, questions, pages and events. Each
 * kind is found by its own feature's search, which already applies the visibility rule;
 * this only picks the kinds and carries their paging.
 */
export async function unifiedSearch(
  ctx: AppContext,
  viewer: Viewer,
  request: UnifiedSearchRequest,
): Promise<UnifiedSearchPage> {
  const { type } = request;
  if (request.maxId !== undefined && (type === undefined || !PAGED_BY_ID.has(type)))
    throw validationFailed({ max_id: ['pages only type=statuses or type=questions'] });
  if (request.after !== undefined && (type === undefined || !PAGED_BY_CURSOR.has(type)))
    throw validationFailed({ cursor: ['pages only type=communities or type=pages'] });
  // Word-prefix searches with no word would match everything: "!!!" finds nothing instead.
  const hasWords = termsOf(request.q).length > 0;

  if (type === undefined) {
    const each = request.limit;
    const mastodon = (kind: 'accounts' | 'statuses') =>
      search(ctx, viewer, request.q, {
        type: kind,
        limit: each,
        maxId: undefined,
        accountId: undefined,
      });
    // Each kind on its own: Mastodon's search would also count hashtags' weekly use.
    const [people, found, communities, questions, pages, events] = await Promise.all([
      hasWords ? mastodon('accounts') : undefined,
      mastodon('statuses'),
      hasWords ? searchCommunities(ctx, viewer, request.q, undefined, each) : undefined,
      searchQuestions(ctx, viewer, request.q, undefined, each),
      hasWords ? searchPages(ctx, viewer, request.q, each) : [],
      searchEvents(ctx, viewer, request.q, each),
    ]);
    return {
      results: {
        ...empty(),
        accounts: people?.accounts ?? [],
        statuses: found.statuses,
        communities: communities?.communities ?? [],
        questions: questions.questions,
        pages,
        events,
      },
      next: undefined,
    };
  }

  const results = empty();
  switch (type) {
    case 'accounts': {
      if (!hasWords) return { results, next: undefined };
      const found = await search(ctx, viewer, request.q, {
        type,
        limit: request.limit,
        maxId: undefined,
        accountId: undefined,
      });
      return { results: { ...results, accounts: found.accounts }, next: undefined };
    }
    case 'statuses': {
      const found = await search(ctx, viewer, request.q, {
        type,
        limit: request.limit,
        maxId: request.maxId,
        accountId: undefined,
      });
      const last = found.statuses.at(-1);
      return {
        results: { ...results, statuses: found.statuses },
        next: last && found.statuses.length >= request.limit ? { maxId: last.id } : undefined,
      };
    }
    case 'questions': {
      const found = await searchQuestions(ctx, viewer, request.q, request.maxId, request.limit);
      return { results: { ...results, questions: found.questions }, next: found.next };
    }
    case 'communities': {
      if (!hasWords) return { results, next: undefined };
      const found = await searchCommunities(ctx, viewer, request.q, request.after, request.limit);
      return {
        results: { ...results, communities: found.communities },
        next: found.next && { after: found.next },
      };
    }
    case 'pages': {
      if (!hasWords) return { results, next: undefined };
      const rows = await listPages(ctx, viewer, {
        q: request.q,
        after: request.after,
        limit: request.limit,
      });
      const last = rows.at(-1);
      return {
        results: { ...results, pages: await presentPageSummaries(ctx, viewer, rows) },
        next:
          last && rows.length === request.limit ? { after: [last.updated_at, last.id] } : undefined,
      };
    }
    case 'events':
      return {
        results: { ...results, events: await searchEvents(ctx, viewer, request.q, request.limit) },
        next: undefined,
      };
  }
}

async function searchCommunities(
  ctx: AppContext,
  viewer: Viewer,
  q: string,
  after: Array<string | number> | undefined,
  limit: number,
) {
  if (after !== undefined && !after.every((value) => typeof value === 'number'))
    throw validationFailed({ cursor: ['is not valid; start from the first page'] });
  return listCommunities(ctx, viewer, {
    q,
    after: after as DirectoryCursor | undefined,
    limit,
  });
}

/** How many rounds of text matches a page of questions looks through at most. */
const QUESTION_ROUNDS = 3;
/** Text matches looked through per round for questions among them. */
const QUESTION_WINDOW = 2_000;

/**
 * Questions whose text matches: the text index's matches that are questions (in SQL),
 * then the one visibility rule through the status presenter, topped up for a few rounds.
 * When the rounds run out before the page is full, the next page starts below the last
 * match looked at, so no question is skipped.
 */
async function searchQuestions(
  ctx: AppContext,
  viewer: Viewer,
  q: string,
  maxId: number | undefined,
  limit: number,
): Promise<{ questions: Status[]; next: NextPage }> {
  const query = parseTextQuery(q);
  const questions: Status[] = [];
  let before = maxId;
  for (let round = 0; round < QUESTION_ROUNDS; round++) {
    // Half as many again: some matching questions are hidden from this viewer.
    const want = Math.ceil((limit - questions.length) * 1.5);
    const { ids, scannedTo } = await searchQuestionIds(
      ctx.db,
      query,
      before,
      want,
      QUESTION_WINDOW,
    );
    questions.push(...(await presentStatuses(ctx, viewer, ids)));
    if (questions.length >= limit) {
      const page = questions.slice(0, limit);
      return { questions: page, next: { maxId: page[page.length - 1]?.id ?? '' } };
    }
    const last = ids.at(-1);
    if (ids.length === want && last !== undefined) before = last;
    else if (scannedTo !== undefined) before = scannedTo;
    else return { questions, next: undefined };
  }
  return { questions, next: before === undefined ? undefined : { maxId: String(before) } };
}
