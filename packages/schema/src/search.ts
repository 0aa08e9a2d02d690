import { z } from 'zod';
import { Account } from './accounts';
import { CalendarEvent } from './calendar';
import { FormInt, Id } from './common';
import { Community } from './communities';
import { PageSummary } from './pages';
import { Status } from './statuses';

/** What Rapport's unified search looks through, as `type=` names them. */
export const SearchKind = z.enum(
  ['accounts', 'statuses', 'communities', 'questions', 'pages', 'events'],
  {
    error: () => 'must be one of accounts, statuses, communities, questions, pages, events',
  },
);
export type SearchKind = z.infer<typeof SearchKind>;

export const SEARCH_LIMITS = {
  /** Results of each kind when no `type` is asked for. */
  overview: 5,
  /** One page of a single kind, by default and at most. */
  page: 20,
  maxPage: 40,
  query: 200,
} as const;

/**
 * `GET /api/rapport/v1/search`. Without `type`, a few of each kind; with it, one page of
 * that kind. Statuses and questions page on with `max_id`, communities and pages with
 * `cursor` (both given in the Link header); people and events answer one page.
 */
export const UnifiedSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1, 'must not be blank')
    .max(SEARCH_LIMITS.query, `must be at most ${SEARCH_LIMITS.query} characters`),
  type: SearchKind.optional(),
  limit: FormInt.pipe(
    z
      .number()
      .int()
      .min(1, 'must be at least 1')
      .max(SEARCH_LIMITS.maxPage, `must be at most ${SEARCH_LIMITS.maxPage}`),
  ).optional(),
  max_id: Id.optional(),
  cursor: z.string().max(200).optional(),
});
export type UnifiedSearchQuery = z.infer<typeof UnifiedSearchQuery>;

/** Every kind is always present; kinds not asked for are empty. */
export const UnifiedSearchResults = z.object({
  accounts: z.array(Account),
  statuses: z.array(Status),
  communities: z.array(Community),
  /** Statuses of kind `question`; they are among `statuses` too. */
  questions: z.array(Status),
  pages: z.array(PageSummary),
  events: z.array(CalendarEvent),
});
export type UnifiedSearchResults = z.infer<typeof UnifiedSearchResults>;
