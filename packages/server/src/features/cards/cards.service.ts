import sharp from 'sharp';
import type { AppContext } from '../../context';
import { newId } from '../../db/ids';
import { sniffImageType } from '../../lib/images';
import { type SafeFetchOptions, safeFetch } from '../../lib/safe-fetch';
import { DAY_MS } from '../../lib/time';
import { RAPPORT_VERSION } from '../../version';
import { announceStatusUpdated } from '../statuses/statuses.events';
import {
  type CardDetails,
  type CardRow,
  claimCard,
  findCardById,
  findCardByUrl,
  findStatusForCard,
  insertPendingCard,
  markCardFailed,
  markCardReady,
  setStatusCard,
  statusIdsWithCard,
} from './cards.queries';
import { decodePage, extractPageMetadata, firstPreviewableLink } from './page-metadata';

const PAGE_TYPES = ['text/html', 'application/xhtml+xml'];
const PAGE_MAX_BYTES = 1024 * 1024;
const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Preview images are shown at most this wide; larger ones are scaled down. */
const IMAGE_WIDTH = 640;
/** A page that failed is not asked again before this: one bad link must not hammer a site. */
const RETRY_FAILED_AFTER_MS = DAY_MS;
/** A fetch started this long ago and never finished was abandoned (a crash, a restart). */
const ABANDONED_AFTER_MS = 10 * 60_000;

/** Links in new and edited statuses get a preview card, fetched after the write commits. */
export function registerCardFetching(ctx: AppContext): void {
  if (!ctx.config.linkPreviews) return;
  const link = (event: { audience: { status_id: string } }) =>
    linkStatusCard(ctx, Number(event.audience.status_id));
  ctx.events.on('status.created', link);
  ctx.events.on('status.updated', link);
}

/**
 * Gives a status the card of its first link (fetched once per URL), or none when it has no
 * link, and announces the change when readers would see it. Announcing emits
 * `status.updated`, which runs this again and finds nothing changed: the loop stops there.
 */
export async function linkStatusCard(ctx: AppContext, statusId: number): Promise<void> {
  const status = await findStatusForCard(ctx.db, statusId);
  if (!status || status.reblog_of_id !== null) return;
  const url = firstPreviewableLink(status.content, ctx.config.publicUrl);
  const card = url === undefined ? undefined : await obtainCard(ctx, url);
  const cardId = card === undefined || card.state === 'failed' ? null : card.id;
  if (!(await setStatusCard(ctx.db, statusId, cardId))) return;
  // A card still pending is being fetched by another handler, which announces every status
  // linked to it once it is ready; re-reading catches one that got ready meanwhile.
  const current = cardId === null ? undefined : await findCardById(ctx.db, cardId);
  if (cardId === null || current?.state === 'ready') await announceStatusUpdated(ctx, statusId);
}

/** The card for `url`: stored, or fetched now when there is none or it is due again. */
async function obtainCard(ctx: AppContext, url: string): Promise<CardRow | undefined> {
  const now = Date.now();
  const existing = await findCardByUrl(ctx.db, url);
  if (!existing) {
    const id = newId();
    if (await insertPendingCard(ctx.db, { id, url, now })) return fetchCard(ctx, id, url);
    return findCardByUrl(ctx.db, url);
  }
  if (isDue(existing, now) && (await claimCard(ctx.db, existing, now))) {
    return fetchCard(ctx, existing.id, url);
  }
  return existing;
}

function isDue(card: CardRow, now: number): boolean {
  const since = now - (card.fetched_at ?? card.created_at);
  if (card.state === 'failed') return since >= RETRY_FAILED_AFTER_MS;
  if (card.state === 'pending') return since >= ABANDONED_AFTER_MS;
  return false;
}

/** Fetches a claimed card, records the outcome, and announces statuses that waited for it. */
async function fetchCard(ctx: AppContext, id: number, url: string): Promise<CardRow | undefined> {
  try {
    await markCardReady(ctx.db, id, await fetchCardDetails(ctx, url), Date.now());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    ctx.log.info({ url, reason: message }, 'link preview not available');
    await markCardFailed(ctx.db, id, message.slice(0, 500), Date.now());
    return findCardById(ctx.db, id);
  }
  for (const statusId of await statusIdsWithCard(ctx.db, id)) {
    await announceStatusUpdated(ctx, statusId);
  }
  return findCardById(ctx.db, id);
}

function fetchOptions(ctx: AppContext, accept: string[], maxBytes: number): SafeFetchOptions {
  return {
    accept,
    maxBytes,
    allow: ctx.config.fetchAllow,
    userAgent: `Rapport/${RAPPORT_VERSION} (+${ctx.config.publicUrl})`,
  };
}

async function fetchCardDetails(ctx: AppContext, url: string): Promise<CardDetails> {
  const page = await safeFetch(url, fetchOptions(ctx, PAGE_TYPES, PAGE_MAX_BYTES));
  const metadata = extractPageMetadata(decodePage(page.body, page.charset), page.url);
  // Mastodon shows no card for a page without a title; neither do we.
  if (metadata.title === '') throw new Error('The page has no title');
  const image = metadata.imageUrl ? await storeCardImage(ctx, metadata.imageUrl) : undefined;
  return {
    title: metadata.title,
    description: metadata.description,
    provider_name: metadata.providerName,
    author_name: metadata.authorName,
    image_file: image?.file ?? null,
    image_description: image ? metadata.imageDescription : '',
    width: image?.width ?? 0,
    height: image?.height ?? 0,
  };
}

/**
 * A local copy of the preview image (the CSP lets pages show images from this server only),
 * re-encoded, which also drops metadata and anything hidden after the pixels. A card
 * without its image is still a card, so failures here are logged, not thrown.
 */
async function storeCardImage(
  ctx: AppContext,
  url: string,
): Promise<{ file: string; width: number; height: number } | undefined> {
  try {
    const fetched = await safeFetch(url, fetchOptions(ctx, IMAGE_TYPES, IMAGE_MAX_BYTES));
    if (!sniffImageType(fetched.body)) throw new Error('Not a PNG, JPEG, GIF or WebP image');
    const image = sharp(fetched.body, { limitInputPixels: 40_000_000, animated: false })
      .rotate()
      .resize({ width: IMAGE_WIDTH, withoutEnlargement: true });
    const { hasAlpha } = await image.metadata();
    const { data, info } = await (hasAlpha ? image.png() : image.jpeg({ quality: 85 })).toBuffer({
      resolveWithObject: true,
    });
    const file = await ctx.media.put('cards', hasAlpha ? 'png' : 'jpg', data);
    return { file, width: info.width, height: info.height };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    ctx.log.info({ url, reason }, 'link preview image not available');
    return undefined;
  }
}
