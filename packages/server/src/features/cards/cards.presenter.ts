import type { PreviewCard } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { type CardRow, findReadyCards } from './cards.queries';

/**
 * Mastodon's PreviewCard. Rapport reads no oEmbed (its HTML would be a third party's markup
 * under our CSP), so `html` and `embed_url` are always empty and the image is our own copy.
 */
export function presentCard(ctx: AppContext, row: CardRow): PreviewCard {
  return {
    url: row.url,
    title: row.title,
    description: row.description,
    type: row.type,
    author_name: row.author_name,
    author_url: '',
    provider_name: row.provider_name,
    provider_url: '',
    html: '',
    width: row.width,
    height: row.height,
    image: row.image_file === null ? null : ctx.media.url(row.image_file),
    image_description: row.image_description,
    embed_url: '',
    blurhash: null,
  };
}

/** The ready cards among `cardIds`, by id; pending and failed ones are left out. */
export async function cardsByIds(
  ctx: AppContext,
  db: Db,
  cardIds: number[],
): Promise<Map<number, PreviewCard>> {
  const rows = await findReadyCards(db, cardIds);
  return new Map(rows.map((row) => [row.id, presentCard(ctx, row)]));
}
