import { type MediaInput, type MediaUploadInput, STATUS_LIMITS } from '@rapport/schema';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { HttpError, notFound, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { DAY_MS } from '../../lib/time';
import {
  claimMedia,
  deleteUnattached,
  detachMediaExcept,
  findOwnMedia,
  findUnattachedBefore,
  insertMedia,
  type MediaRow,
  setMediaDescription,
  updateUnattachedMedia,
} from './media.queries';
import { processMediaImage } from './media-image';

/** Uploads no status took within this long are deleted with their files. */
export const UNATTACHED_MEDIA_TTL_MS = DAY_MS;

/** Mastodon's focal point "x,y": each from -1 (left, bottom) to 1 (right, top). */
function parseFocus(focus: string | undefined): { x: number; y: number } | undefined {
  if (focus === undefined) return undefined;
  const [x, y] = focus.split(',').map(Number) as [number, number];
  if (!(Math.abs(x) <= 1 && Math.abs(y) <= 1)) {
    throw validationFailed({ focus: ['must be two numbers "x,y" between -1.0 and 1.0'] });
  }
  return { x, y };
}

/**
 * Stores an uploaded image (checked and re-encoded, with a preview) as an attachment
 * waiting for a status. The row is written only once both files are stored, and the files
 * are removed again if the row cannot be written.
 */
export async function uploadMedia(
  ctx: AppContext,
  viewer: Viewer,
  input: MediaUploadInput,
): Promise<MediaRow> {
  const focus = parseFocus(input.focus) ?? { x: 0, y: 0 };
  const image = await processMediaImage(input.file.data);
  const stored: string[] = [];
  try {
    const file = await ctx.media.put('media', image.original.extension, image.original.data);
    stored.push(file);
    const previewFile = await ctx.media.put('media', image.preview.extension, image.preview.data);
    stored.push(previewFile);
    const row: MediaRow = {
      id: newId(),
      account_id: viewer.id,
      status_id: null,
      chat_message_id: null,
      position: 0,
      type: 'image',
      mime_type: image.original.contentType,
      file,
      preview_file: previewFile,
      width: image.original.width,
      height: image.original.height,
      preview_width: image.preview.width,
      preview_height: image.preview.height,
      size: image.original.data.length,
      description: input.description ?? '',
      focus_x: focus.x,
      focus_y: focus.y,
      blurhash: null,
      created_at: Date.now(),
    };
    await insertMedia(ctx.db, row);
    return row;
  } catch (error) {
    for (const file of stored) await ctx.media.remove(file);
    throw error;
  }
}

/** The viewer's own upload; anyone else's is "not found", so ids do not leak. */
export async function getOwnMedia(ctx: AppContext, viewer: Viewer, id: number): Promise<MediaRow> {
  const row = await findOwnMedia(ctx.db, viewer.id, id);
  if (!row) throw notFound();
  return row;
}

/**
 * Changes the description or focal point of an upload before it is posted. Once attached,
 * the status edit changes it (`media_attributes`), so the edit history records it.
 */
export async function updateMedia(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: MediaInput,
): Promise<MediaRow> {
  const current = await getOwnMedia(ctx, viewer, id);
  const focus = parseFocus(input.focus);
  const patch = {
    ...(input.description === undefined ? {} : { description: input.description }),
    ...(focus ? { focus_x: focus.x, focus_y: focus.y } : {}),
  };
  if (Object.keys(patch).length === 0) return current;
  if (
    current.status_id !== null ||
    current.chat_message_id !== null ||
    !(await updateUnattachedMedia(ctx.db, viewer.id, id, patch))
  ) {
    throw new HttpError(
      422,
      'validation_failed',
      'Validation failed: Media is already attached to a status; edit the status to change it',
      { id: ['is already attached to a status'] },
    );
  }
  return getOwnMedia(ctx, viewer, id);
}

/** Mastodon's message when media ids cannot be attached. */
function notAttachable(ids: number[]): HttpError {
  const list = ids.join(', ');
  return new HttpError(
    422,
    'validation_failed',
    `Validation failed: Media ${list} not found or already attached to another status`,
    { media_ids: [`${list} not found or already attached to another status`] },
  );
}

function distinctIds(ids: number[]): number[] {
  const unique = [...new Set(ids)];
  if (unique.length > STATUS_LIMITS.mediaAttachments) {
    throw validationFailed({
      media_ids: [`must have at most ${STATUS_LIMITS.mediaAttachments} attachments`],
    });
  }
  return unique;
}

/** Takes each id for the status in order; throws (rolling the transaction back) on any refusal. */
async function claimAll(trx: Db, accountId: number, statusId: number, ids: number[]) {
  const refused: number[] = [];
  for (const [position, id] of ids.entries()) {
    if (!(await claimMedia(trx, { id, accountId, statusId, position }))) refused.push(id);
  }
  if (refused.length > 0) throw notAttachable(refused);
}

/**
 * Attaches the viewer's unattached uploads to a status, in the given order, inside the
 * status's transaction. Someone else's upload, or one another status took, is a 422.
 */
export async function attachMedia(
  trx: Db,
  input: { accountId: number; statusId: number; mediaIds: number[] },
): Promise<void> {
  await claimAll(trx, input.accountId, input.statusId, distinctIds(input.mediaIds));
}

/**
 * A status edit: keeps `mediaIds` in that order (the status's own, or new uploads of the
 * author), detaches the rest and updates descriptions. Detached uploads are deleted with
 * their files by `cleanUpUnattachedMedia`.
 */
export async function updateAttachedMedia(
  trx: Db,
  input: {
    accountId: number;
    statusId: number;
    mediaIds: number[];
    descriptions: Map<number, string>;
  },
): Promise<void> {
  const ids = distinctIds(input.mediaIds);
  await detachMediaExcept(trx, input.statusId, ids);
  await claimAll(trx, input.accountId, input.statusId, ids);
  for (const id of ids) {
    const description = input.descriptions.get(id);
    if (description === undefined) continue;
    if (description.length > STATUS_LIMITS.mediaDescription) {
      throw validationFailed({
        media_attributes: [
          `description must be at most ${STATUS_LIMITS.mediaDescription} characters`,
        ],
      });
    }
    await setMediaDescription(trx, input.statusId, id, description);
  }
}

/** Batch size of one clean-up pass; the next pass takes the rest. */
const CLEAN_UP_BATCH = 500;

/**
 * Deletes uploads no status took within a day, then their files. A row is deleted only if
 * it is still unattached, so a status posted meanwhile keeps its media. Returns how many.
 */
export async function cleanUpUnattachedMedia(ctx: AppContext, now: number): Promise<number> {
  const ids = await findUnattachedBefore(ctx.db, now - UNATTACHED_MEDIA_TTL_MS, CLEAN_UP_BATCH);
  const files = await deleteUnattached(ctx.db, ids);
  for (const row of files) {
    await ctx.media.remove(row.file);
    await ctx.media.remove(row.preview_file);
  }
  return files.length;
}

/** Runs the clean-up every hour on an unref'd timer; returns the function that stops it. */
export function startMediaCleanup(ctx: AppContext, everyMs = 60 * 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    cleanUpUnattachedMedia(ctx, Date.now())
      .then((removed) => {
        if (removed > 0) ctx.log.info({ removed }, 'removed unattached media');
      })
      .catch((error: unknown) => ctx.log.error({ err: error }, 'media clean-up failed'))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
