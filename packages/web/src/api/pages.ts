import type {
  CreatePageInput,
  Page as KnowledgePage,
  PageDiff,
  PagePlaces,
  PagePreview,
  PageRevision,
  PageRevisionSummary,
  PageSummary,
  UpdatePageInput,
} from '@rapport/schema';
import { type Page, sendJson, sendPage } from './client';

export type PageListFilter = {
  q?: string;
  /** A community id, or 'organisation' for organisation-wide pages only. */
  place?: string;
};

/** Knowledge pages the viewer may read, newest updated first; pass `next` to continue. */
export function listPages(
  filter: PageListFilter,
  next?: string | null,
): Promise<Page<PageSummary>> {
  if (next) return sendPage<PageSummary>(next);
  const place = filter.place ?? '';
  return sendPage<PageSummary>('/api/rapport/v1/pages', {
    query: {
      q: filter.q,
      limit: 20,
      scope: place === 'organisation' ? 'organisation' : undefined,
      community_id: place && place !== 'organisation' ? place : undefined,
    },
  });
}

export function getPage(id: string): Promise<KnowledgePage> {
  return sendJson<KnowledgePage>(`/api/rapport/v1/pages/${encodeURIComponent(id)}`);
}

export function getPagePlaces(): Promise<PagePlaces> {
  return sendJson<PagePlaces>('/api/rapport/v1/pages/places');
}

export function createPage(input: CreatePageInput): Promise<KnowledgePage> {
  return sendJson<KnowledgePage>('/api/rapport/v1/pages', { method: 'POST', json: input });
}

/** Answers 409 (code `conflict`) when someone saved after `base_revision`. */
export function updatePage(id: string, input: UpdatePageInput): Promise<KnowledgePage> {
  return sendJson<KnowledgePage>(`/api/rapport/v1/pages/${encodeURIComponent(id)}`, {
    method: 'PUT',
    json: input,
  });
}

export function deletePage(id: string): Promise<unknown> {
  return sendJson(`/api/rapport/v1/pages/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

export function previewPage(body: string): Promise<PagePreview> {
  return sendJson<PagePreview>('/api/rapport/v1/pages/preview', { method: 'POST', json: { body } });
}

export function listPageRevisions(
  id: string,
  next?: string | null,
): Promise<Page<PageRevisionSummary>> {
  if (next) return sendPage<PageRevisionSummary>(next);
  return sendPage<PageRevisionSummary>(
    `/api/rapport/v1/pages/${encodeURIComponent(id)}/revisions`,
    { query: { limit: 40 } },
  );
}

export function getPageRevision(id: string, n: number): Promise<PageRevision> {
  return sendJson<PageRevision>(`/api/rapport/v1/pages/${encodeURIComponent(id)}/revisions/${n}`);
}

export function getPageDiff(id: string, from?: number, to?: number): Promise<PageDiff> {
  return sendJson<PageDiff>(`/api/rapport/v1/pages/${encodeURIComponent(id)}/diff`, {
    query: { from, to },
  });
}
