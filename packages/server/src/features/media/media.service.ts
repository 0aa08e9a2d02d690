import type { Db } from '../../db/tables';

/**
 * Attaches the viewer's unattached uploads to a status, in the given order, inside the
 * status's transaction. (Stub: filled in by the media feature.)
 */
export async function attachMedia(
  _trx: Db,
  _input: { accountId: number; statusId: number; mediaIds: number[] },
): Promise<void> {}

/** A status edit: keeps `mediaIds` in that order, detaches the rest, updates descriptions. (Stub.) */
export async function updateAttachedMedia(
  _trx: Db,
  _input: {
    accountId: number;
    statusId: number;
    mediaIds: number[];
    descriptions: Map<number, string>;
  },
): Promise<void> {}
