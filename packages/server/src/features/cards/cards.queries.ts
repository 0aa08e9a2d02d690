import type { Selectable } from 'kysely';
import { preparedByIds } from '../../db/prepared';
import type { Db } from '../../db/tables';
import type { PreviewCardsTable } from '../../db/tables/statuses.table';

export type CardRow = Selectable<PreviewCardsTable>;

/** What a fetch found, written when the card becomes ready. */
export type CardDetails = Pick<
  CardRow,
  | 'title'
  | 'description'
  | 'provider_name'
  | 'author_name'
  | 'image_file'
  | 'image_description'
  | 'width'
  | 'height'
>;

export async function findCardByUrl(db: Db, url: string): Promise<CardRow | undefined> {
  return db.selectFrom('preview_cards').selectAll().where('url', '=', url).executeTakeFirst();
}

export async function findCardById(db: Db, id: number): Promise<CardRow | undefined> {
  return db.selectFrom('preview_cards').selectAll().where('id', '=', id).executeTakeFirst();
}

const readyCards = preparedByIds((db, ids) =>
  db.selectFrom('preview_cards').selectAll().where('id', 'in', ids).where('state', '=', 'ready'),
);

export function findReadyCards(db: Db, ids: number[]): Promise<CardRow[]> {
  return readyCards(db, [...new Set(ids)]);
}

/** A pending card for a new URL; false when another handler inserted that URL first. */
export async function insertPendingCard(
  db: Db,
  card: { id: number; url: string; now: number },
): Promise<boolean> {
  const result = await db
    .insertInto('preview_cards')
    .values({
      id: card.id,
      url: card.url,
      state: 'pending',
      type: 'link',
      title: '',
      description: '',
      provider_name: '',
      author_name: '',
      image_file: null,
      image_description: '',
      width: 0,
      height: 0,
      error: null,
      created_at: card.now,
      fetched_at: null,
    })
    .onConflict((conflict) => conflict.column('url').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/**
 * Takes a failed or abandoned card for a new fetch, only if nobody changed it since it was
 * read (compare-and-set on state and fetched_at), so two nodes never fetch it together.
 * `fetched_at` of a pending card is when its fetch started.
 */
export async function claimCard(db: Db, card: CardRow, now: number): Promise<boolean> {
  const result = await db
    .updateTable('preview_cards')
    .set({ state: 'pending', fetched_at: now })
    .where('id', '=', card.id)
    .where('state', '=', card.state)
    .where('fetched_at', card.fetched_at === null ? 'is' : '=', card.fetched_at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markCardReady(
  db: Db,
  id: number,
  details: CardDetails,
  now: number,
): Promise<void> {
  await db
    .updateTable('preview_cards')
    .set({ ...details, state: 'ready', error: null, fetched_at: now })
    .where('id', '=', id)
    .execute();
}

export async function markCardFailed(db: Db, id: number, error: string, now: number) {
  await db
    .updateTable('preview_cards')
    .set({ state: 'failed', error, fetched_at: now })
    .where('id', '=', id)
    .execute();
}

/** The fields of a status that decide its card. */
export async function findStatusForCard(
  db: Db,
  id: number,
): Promise<{ id: number; content: string; reblog_of_id: number | null } | undefined> {
  return db
    .selectFrom('statuses')
    .select(['id', 'content', 'reblog_of_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Links a status to a card (or to none); true when that changed what was stored. */
export async function setStatusCard(
  db: Db,
  statusId: number,
  cardId: number | null,
): Promise<boolean> {
  const result = await db
    .updateTable('statuses')
    .set({ card_id: cardId })
    .where('id', '=', statusId)
    .where((eb) =>
      cardId === null
        ? eb('card_id', 'is not', null)
        : eb.or([eb('card_id', 'is', null), eb('card_id', '!=', cardId)]),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Statuses pointing at a card; bounded, as only those linked while it was pending need it. */
export async function statusIdsWithCard(db: Db, cardId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('statuses')
    .select('id')
    .where('card_id', '=', cardId)
    .orderBy('id', 'desc')
    .limit(1_000)
    .execute();
  return rows.map((row) => row.id);
}
