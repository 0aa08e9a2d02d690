import type { Selectable } from 'kysely';
import type { Db } from '../../db/tables';
import type { MarkersTable } from '../../db/tables/graph.table';

export type MarkerRow = Selectable<MarkersTable>;
export type MarkerTimeline = MarkersTable['timeline'];

export async function findMarkers(
  db: Db,
  accountId: number,
  timelines: MarkerTimeline[],
): Promise<MarkerRow[]> {
  if (timelines.length === 0) return [];
  return db
    .selectFrom('markers')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('timeline', 'in', timelines)
    .execute();
}

/**
 * Moves a marker forward in one statement: a new marker starts at version 0, and each save
 * that moves it bumps the version. A save that would move it back (an older tab or device
 * writing late) changes nothing, so concurrent saves never lose the newest position.
 */
export async function advanceMarker(
  db: Db,
  accountId: number,
  timeline: MarkerTimeline,
  lastReadId: number,
  now: number,
): Promise<void> {
  await db
    .insertInto('markers')
    .values({
      account_id: accountId,
      timeline,
      last_read_id: lastReadId,
      version: 0,
      updated_at: now,
    })
    .onConflict((oc) =>
      oc
        .columns(['account_id', 'timeline'])
        .doUpdateSet((eb) => ({
          last_read_id: eb.ref('excluded.last_read_id'),
          version: eb('markers.version', '+', 1),
          updated_at: eb.ref('excluded.updated_at'),
        }))
        .whereRef('markers.last_read_id', '<', 'excluded.last_read_id'),
    )
    .execute();
}
