import type { Marker, MarkersInput } from '@rapport/schema';
import type { z } from 'zod';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso } from '../../lib/time';
import { advanceMarker, findMarkers, type MarkerRow, type MarkerTimeline } from './markers.queries';
import { markerSaved } from './read-state.service';

type Markers = Partial<Record<MarkerTimeline, z.infer<typeof Marker>>>;

const TIMELINES: MarkerTimeline[] = ['home', 'notifications'];

function present(rows: MarkerRow[]): Markers {
  const markers: Markers = {};
  for (const row of rows) {
    markers[row.timeline] = {
      last_read_id: String(row.last_read_id),
      version: row.version,
      updated_at: toIso(row.updated_at),
    };
  }
  return markers;
}

/** The viewer's markers for these timelines (both when none is named). */
export async function getMarkers(
  ctx: AppContext,
  viewer: Viewer,
  timelines: MarkerTimeline[] | undefined,
): Promise<Markers> {
  const wanted = timelines?.length ? [...new Set(timelines)] : TIMELINES;
  return present(await findMarkers(ctx.db, viewer.id, wanted));
}

/**
 * Saves the positions given and answers with the markers as stored: a position older than
 * the stored one leaves the marker where it is.
 */
export async function saveMarkers(
  ctx: AppContext,
  viewer: Viewer,
  input: z.infer<typeof MarkersInput>,
): Promise<Markers> {
  const now = Date.now();
  const saved = TIMELINES.filter((timeline) => input[timeline] !== undefined);
  for (const timeline of saved) {
    const lastReadId = Number(input[timeline]?.last_read_id);
    await advanceMarker(ctx.db, viewer.id, timeline, lastReadId, now);
  }
  if (input.notifications !== undefined) await markerSaved(ctx, viewer);
  return present(await findMarkers(ctx.db, viewer.id, saved));
}
