import type {
  Advice,
  Nudge,
  OutreachChannel,
  PersonToMeet,
  RelationshipCard,
  RelationshipPrivacy,
  RelationshipStage,
  UpdateRelationship,
  WorkingRelationship,
} from '@rapport/schema';
import { type Page, send, sendJson, sendPage } from '../../api/client';

/** A filter of My network: one stage as shown now, or only the ties gone quiet. */
export type NetworkFilter =
  | { stage: Exclude<RelationshipStage, 'none'> }
  | { dormant: true }
  | null;

/**
 * Query keys of relationship intelligence, kept with the requests they name. Everything
 * lives under 'network' (Mastodon's follow `relationships` keys are another thing).
 */
export const networkKeys = {
  all: ['network'] as const,
  lists: ['network', 'list'] as const,
  list: (filter: NetworkFilter) =>
    [
      'network',
      'list',
      filter === null ? 'all' : 'stage' in filter ? filter.stage : 'dormant',
    ] as const,
  card: (accountId: string) => ['network', 'card', accountId] as const,
  advice: (accountId: string, channel: OutreachChannel) =>
    ['network', 'advice', accountId, channel] as const,
  nudges: ['network', 'nudges'] as const,
  dormant: ['network', 'dormant'] as const,
  peopleToMeet: ['network', 'people-to-meet'] as const,
  privacy: ['network', 'privacy'] as const,
};

const base = '/api/rapport/v1';
const relationshipPath = (accountId: string) =>
  `${base}/relationships/${encodeURIComponent(accountId)}`;

/** How many relationships one page of My network asks for. */
export const NETWORK_PAGE_SIZE = 40;

/** My network, strongest first; pass the `next` path (max_id from the Link header) to go on. */
export function listRelationships(
  filter: NetworkFilter,
  next?: string | null,
  limit = NETWORK_PAGE_SIZE,
): Promise<Page<WorkingRelationship>> {
  if (next) return sendPage<WorkingRelationship>(next);
  return sendPage<WorkingRelationship>(`${base}/relationships`, {
    query: {
      limit,
      ...(filter && 'stage' in filter ? { stage: filter.stage } : {}),
      ...(filter && 'dormant' in filter ? { dormant: true } : {}),
    },
  });
}

/** The person card: my relationship with one person and what we share. */
export function getRelationshipCard(accountId: string): Promise<RelationshipCard> {
  return sendJson<RelationshipCard>(relationshipPath(accountId));
}

/** My private note, reminder and marks about one person. */
export function updateRelationship(
  accountId: string,
  changes: UpdateRelationship,
): Promise<RelationshipCard> {
  return sendJson<RelationshipCard>(relationshipPath(accountId), { method: 'PUT', json: changes });
}

/** How best to reach someone on a channel, given where we stand. */
export function getAdvice(accountId: string, channel: OutreachChannel): Promise<Advice> {
  return sendJson<Advice>(`${relationshipPath(accountId)}/advice`, { query: { channel } });
}

/** Reminders that fell due and ties gone quiet, most pressing first. */
export function listNudges(): Promise<Nudge[]> {
  return sendJson<Nudge[]>(`${base}/nudges`);
}

export function listPeopleToMeet(): Promise<PersonToMeet[]> {
  return sendJson<PersonToMeet[]>(`${base}/people_to_meet`);
}

export function getRelationshipPrivacy(): Promise<RelationshipPrivacy> {
  return sendJson<RelationshipPrivacy>(`${base}/preferences/relationships`);
}

export function saveRelationshipPrivacy(
  privacy: RelationshipPrivacy,
): Promise<RelationshipPrivacy> {
  return sendJson<RelationshipPrivacy>(`${base}/preferences/relationships`, {
    method: 'PUT',
    json: privacy,
  });
}

/** The address of my own relationship data as a JSON download. */
export const RELATIONSHIP_EXPORT_PATH = `${base}/relationships/export`;

/** `attachment; filename="x.json"` -> `x.json`. */
export function attachmentName(header: string | null): string | null {
  const match = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return match?.[1]?.trim() || null;
}

/** My relationship data, fetched (so errors can be shown) and handed over as a file. */
export async function downloadRelationshipExport(): Promise<{ blob: Blob; name: string | null }> {
  const response = await send(RELATIONSHIP_EXPORT_PATH);
  return {
    blob: await response.blob(),
    name: attachmentName(response.headers.get('Content-Disposition')),
  };
}
