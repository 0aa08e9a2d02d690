import type { CommunityFile, FileLibrary, FileVersion } from '@rapport/schema';
import { type Page, sendEmpty, sendJson, sendPage, uploadWithProgress } from '../../api/client';

/** Query keys of the file library, kept here with the requests they name. */
export const fileKeys = {
  all: ['files'] as const,
  library: (communityId: string) => ['files', 'library', communityId] as const,
  list: (communityId: string) => ['files', 'list', communityId] as const,
  file: (id: string) => ['files', 'one', id] as const,
  versions: (id: string) => ['files', 'versions', id] as const,
};

const base = '/api/rapport/v1';

export function getLibrary(communityId: string): Promise<FileLibrary> {
  return sendJson<FileLibrary>(
    `${base}/communities/${encodeURIComponent(communityId)}/file_library`,
  );
}

export function listFiles(communityId: string, next?: string | null): Promise<Page<CommunityFile>> {
  if (next) return sendPage<CommunityFile>(next);
  return sendPage<CommunityFile>(`${base}/communities/${encodeURIComponent(communityId)}/files`, {
    query: { limit: 40 },
  });
}

export function getFile(id: string): Promise<CommunityFile> {
  return sendJson<CommunityFile>(`${base}/files/${encodeURIComponent(id)}`);
}

export function listVersions(id: string, next?: string | null): Promise<Page<FileVersion>> {
  if (next) return sendPage<FileVersion>(next);
  return sendPage<FileVersion>(`${base}/files/${encodeURIComponent(id)}/versions`, {
    query: { limit: 40 },
  });
}

export type Progress = (fraction: number) => void;

export async function uploadFile(
  communityId: string,
  file: File,
  description: string,
  onProgress: Progress,
  signal?: AbortSignal,
): Promise<CommunityFile> {
  const form = new FormData();
  if (description.trim()) form.append('description', description.trim());
  form.append('file', file, file.name);
  const { body } = await uploadWithProgress<CommunityFile>(
    `${base}/communities/${encodeURIComponent(communityId)}/files`,
    form,
    onProgress,
    signal,
  );
  return body;
}

export async function uploadVersion(
  id: string,
  file: File,
  onProgress: Progress,
  signal?: AbortSignal,
): Promise<CommunityFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  const { body } = await uploadWithProgress<CommunityFile>(
    `${base}/files/${encodeURIComponent(id)}/versions`,
    form,
    onProgress,
    signal,
  );
  return body;
}

export function deleteFile(id: string): Promise<void> {
  return sendEmpty(`${base}/files/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** The server gives absolute URLs; the browser follows the same-origin path (cookie session). */
export function localPath(url: string): string {
  try {
    const parsed = new URL(url, window.location.origin);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
