import { z } from 'zod';
import { Account } from './accounts';
import { CursorQuery, DateTime, FormInt, Id } from './common';
import { CommunityRef } from './communities';
import { PAGE_LIMITS } from './limits';

/** A revision number: 1 for the first version of a page, then one more per save. */
export const RevisionNumber = FormInt.pipe(z.number().int().min(1).max(1_000_000_000));

const Title = z
  .string()
  .trim()
  .min(1, 'must not be blank')
  .max(PAGE_LIMITS.title, `must be at most ${PAGE_LIMITS.title} characters`);
const Body = z
  .string()
  .max(PAGE_LIMITS.body, `must be at most ${PAGE_LIMITS.body} characters`)
  .refine((body) => body.trim().length > 0, 'must not be blank');
const Summary = z
  .string()
  .trim()
  .max(PAGE_LIMITS.summary, `must be at most ${PAGE_LIMITS.summary} characters`);

export const CreatePageInput = z.object({
  title: Title,
  /** Markdown. */
  body: Body,
  /** Absent or null: an organisation-wide page. */
  community_id: Id.nullish(),
  /** What this first version is, in a few words (shown in the history). */
  summary: Summary.optional(),
});
export type CreatePageInput = z.infer<typeof CreatePageInput>;

export const UpdatePageInput = z.object({
  title: Title,
  body: Body,
  /**
   * The revision the edit started from. When someone saved since, the server answers 409
   * with the current page instead of overwriting their work.
   */
  base_revision: RevisionNumber,
  summary: Summary.optional(),
});
export type UpdatePageInput = z.infer<typeof UpdatePageInput>;

export const PagePreviewInput = z.object({ body: z.string().max(PAGE_LIMITS.body) });
export const PagePreview = z.object({ html: z.string() });
export type PagePreview = z.infer<typeof PagePreview>;

/** Where the viewer may write a new page. */
export const PagePlaces = z.object({
  /** Organisation-wide pages (the staff; not guests). */
  organisation: z.boolean(),
  /** The communities the viewer is a member of. */
  communities: z.array(CommunityRef),
});
export type PagePlaces = z.infer<typeof PagePlaces>;

export const PagesQuery = CursorQuery.extend({
  q: z.string().trim().max(100).optional(),
  /** Only the pages of this community. */
  community_id: Id.optional(),
  /** `organisation`: only organisation-wide pages. */
  scope: z.enum(['all', 'organisation']).optional(),
});
export type PagesQuery = z.infer<typeof PagesQuery>;

/** Someone who wrote at least one revision of the page. */
export const PageCoAuthor = z.object({
  account: Account,
  revisions_count: z.number().int(),
  first_edited_at: DateTime,
  last_edited_at: DateTime,
});
export type PageCoAuthor = z.infer<typeof PageCoAuthor>;

/** What the viewer may do with the page. */
export const PagePermissions = z.object({ edit: z.boolean(), delete: z.boolean() });

const pageFields = {
  id: Id,
  title: z.string(),
  /** null: organisation-wide. */
  community: CommunityRef.nullable(),
  /** null when the account is gone or the viewer may not see it. */
  created_by: Account.nullable(),
  updated_by: Account.nullable(),
  /** Everyone who wrote a revision, most revisions first. */
  co_authors: z.array(PageCoAuthor),
  /** The current revision number. */
  revision: z.number().int(),
  created_at: DateTime,
  updated_at: DateTime,
  /** The web page. */
  url: z.string(),
  permissions: PagePermissions,
};

export const Page = z.object({
  ...pageFields,
  /** Markdown, as written. */
  body: z.string(),
  /** The Markdown rendered and sanitised by the server. */
  html: z.string(),
});
export type Page = z.infer<typeof Page>;

/** A page in a list or a search result: its start as plain text instead of the whole body. */
export const PageSummary = z.object({ ...pageFields, excerpt: z.string() });
export type PageSummary = z.infer<typeof PageSummary>;

/** 409 to a stale `base_revision`: the page as it is now, so nothing is lost. */
export const PageConflict = z.object({
  error: z.string(),
  code: z.literal('conflict'),
  current: Page,
});
export type PageConflict = z.infer<typeof PageConflict>;

export const PageRevisionSummary = z.object({
  revision: z.number().int(),
  title: z.string(),
  summary: z.string(),
  author: Account.nullable(),
  /** Lines added and removed compared with the revision before. */
  lines_added: z.number().int(),
  lines_removed: z.number().int(),
  created_at: DateTime,
});
export type PageRevisionSummary = z.infer<typeof PageRevisionSummary>;

export const PageRevision = PageRevisionSummary.extend({
  page_id: Id,
  body: z.string(),
  html: z.string(),
});
export type PageRevision = z.infer<typeof PageRevision>;

export const PageRevisionParams = z.object({ id: Id, n: RevisionNumber });

export const PageDiffQuery = z.object({
  /** Defaults to the revision before `to`. */
  from: RevisionNumber.optional(),
  /** Defaults to the current revision. */
  to: RevisionNumber.optional(),
});

/** One piece of a changed line: words kept, or added/removed inside the line. */
export const DiffPart = z.object({
  text: z.string(),
  change: z.enum(['same', 'added', 'removed']),
});
export type DiffPart = z.infer<typeof DiffPart>;

export const DiffLine = z.object({
  type: z.enum(['context', 'added', 'removed']),
  text: z.string(),
  /** Line number in the older revision (null for added lines). */
  from_line: z.number().int().nullable(),
  /** Line number in the newer revision (null for removed lines). */
  to_line: z.number().int().nullable(),
  /** For a line changed in place: which words changed (absent for whole-line changes). */
  parts: z.array(DiffPart).optional(),
});
export type DiffLine = z.infer<typeof DiffLine>;

export const DiffHunk = z.object({
  from_start: z.number().int(),
  from_lines: z.number().int(),
  to_start: z.number().int(),
  to_lines: z.number().int(),
  lines: z.array(DiffLine),
});
export type DiffHunk = z.infer<typeof DiffHunk>;

const DiffSide = PageRevisionSummary.pick({
  revision: true,
  title: true,
  summary: true,
  author: true,
  created_at: true,
});

export const PageDiff = z.object({
  page_id: Id,
  from: DiffSide,
  to: DiffSide,
  title: z.object({ from: z.string(), to: z.string(), changed: z.boolean() }),
  lines_added: z.number().int(),
  lines_removed: z.number().int(),
  hunks: z.array(DiffHunk),
});
export type PageDiff = z.infer<typeof PageDiff>;
