/** The current version of a knowledge page; `revision` is the number of its latest revision. */
export interface PagesTable {
  id: number;
  /** null: organisation-wide. */
  community_id: number | null;
  title: string;
  /** Markdown, as written. */
  body: string;
  /** The body rendered and sanitised when it was saved. */
  body_html: string;
  revision: number;
  created_by_id: number | null;
  updated_by_id: number | null;
  created_at: number;
  updated_at: number;
}

/** Every saved version of a page, numbered from 1. */
export interface PageRevisionsTable {
  page_id: number;
  n: number;
  title: string;
  body: string;
  /** The author's note on what changed ('' when none). */
  summary: string;
  author_id: number | null;
  lines_added: number;
  lines_removed: number;
  created_at: number;
}

/** A co-author of a page: how many revisions they wrote, and when the first and last. */
export interface PageAuthorsTable {
  page_id: number;
  account_id: number;
  revisions_count: number;
  first_at: number;
  last_at: number;
}

/** Words of each page's title and body, for prefix search. */
export interface PageTermsTable {
  term: string;
  page_id: number;
}
