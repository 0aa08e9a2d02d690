import type {
  Account,
  MediaAttachment,
  Poll,
  Status,
  StatusKind,
  Visibility,
} from '@rapport/schema';
import { type Page, sendJson, sendPage, uploadWithProgress } from './client';
import type { Context, StatusEdit, StatusSource } from './entities';

const STATUSES = '/api/v1/statuses';

function statusPath(id: string, action?: string): string {
  const base = `${STATUSES}/${encodeURIComponent(id)}`;
  return action ? `${base}/${action}` : base;
}

export interface PollDraft {
  options: string[];
  /** Seconds. */
  expires_in: number;
  multiple: boolean;
}

/** `POST /api/v1/statuses`; the shape Mastodon takes as JSON. */
export interface NewStatus {
  status: string;
  in_reply_to_id?: string;
  media_ids?: string[];
  poll?: PollDraft;
  sensitive?: boolean;
  spoiler_text?: string;
  visibility?: Visibility;
  /** Rapport: `question` asks; replies to it are answers. */
  kind?: StatusKind;
  /** Rapport: post in this community. */
  community_id?: string;
}

export interface StatusChanges {
  status: string;
  media_ids?: string[];
  media_attributes?: Array<{ id: string; description: string }>;
  poll?: PollDraft;
  sensitive?: boolean;
  spoiler_text?: string;
}

/**
 * Posts a status. The same `idempotencyKey` for the same draft makes a retried or doubled
 * request post once: the server answers the second with the first status.
 */
export function createStatus(input: NewStatus, idempotencyKey: string): Promise<Status> {
  return sendJson<Status>(STATUSES, {
    method: 'POST',
    json: input,
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

export function getStatus(id: string): Promise<Status> {
  return sendJson<Status>(statusPath(id));
}

export function editStatus(id: string, changes: StatusChanges): Promise<Status> {
  return sendJson<Status>(statusPath(id), { method: 'PUT', json: changes });
}

/** Answers the deleted status with its source text, as Mastodon does (for "delete and redraft"). */
export function deleteStatus(id: string): Promise<Status> {
  return sendJson<Status>(statusPath(id), { method: 'DELETE' });
}

export function getContext(id: string): Promise<Context> {
  return sendJson<Context>(statusPath(id, 'context'));
}

export function getStatusHistory(id: string): Promise<StatusEdit[]> {
  return sendJson<StatusEdit[]>(statusPath(id, 'history'));
}

export function getStatusSource(id: string): Promise<StatusSource> {
  return sendJson<StatusSource>(statusPath(id, 'source'));
}

export type StatusToggle = 'favourite' | 'reblog' | 'bookmark';

/** Favourite, boost or bookmark (`on`), or undo it; the server answers the status as it now is. */
export function toggleStatus(id: string, action: StatusToggle, on: boolean): Promise<Status> {
  return sendJson<Status>(statusPath(id, on ? action : `un${action}`), { method: 'POST' });
}

/** Who favourited or boosted a status; pass the `next` path of the previous page to continue. */
export function listStatusAccounts(
  id: string,
  which: 'favourited_by' | 'reblogged_by',
  next?: string | null,
): Promise<Page<Account>> {
  return sendPage<Account>(next ?? statusPath(id, which), next ? {} : { query: { limit: 40 } });
}

export type UploadProgress = (fraction: number) => void;

const PROCESSING_POLL_MS = 1000;
const PROCESSING_ATTEMPTS = 30;

/**
 * `POST /api/v2/media`. A 202 means the file is still being processed (its `url` is null):
 * ask again until it is ready, as Mastodon clients do.
 */
export async function uploadMedia(
  file: File,
  description: string,
  onProgress: UploadProgress,
  signal?: AbortSignal,
): Promise<MediaAttachment> {
  const form = new FormData();
  form.append('file', file);
  if (description.trim()) form.append('description', description);
  const { status, body } = await uploadWithProgress<MediaAttachment>(
    '/api/v2/media',
    form,
    onProgress,
    signal,
  );
  let media = body;
  if (status !== 202) return media;
  for (let attempt = 0; attempt < PROCESSING_ATTEMPTS && media.url === null; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, PROCESSING_POLL_MS));
    signal?.throwIfAborted();
    media = await sendJson<MediaAttachment>(`/api/v1/media/${encodeURIComponent(media.id)}`, {
      signal,
    });
  }
  return media;
}

export function describeMedia(id: string, description: string): Promise<MediaAttachment> {
  return sendJson<MediaAttachment>(`/api/v1/media/${encodeURIComponent(id)}`, {
    method: 'PUT',
    json: { description },
  });
}

export function getPoll(id: string): Promise<Poll> {
  return sendJson<Poll>(`/api/v1/polls/${encodeURIComponent(id)}`);
}

export function votePoll(id: string, choices: number[]): Promise<Poll> {
  return sendJson<Poll>(`/api/v1/polls/${encodeURIComponent(id)}/votes`, {
    method: 'POST',
    json: { choices },
  });
}
