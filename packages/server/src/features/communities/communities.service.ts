import type {
  Community,
  CreateCommunityInput,
  DomainEvent,
  UpdateCommunityInput,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import { isUniqueViolation } from '../../db/dialect';
import { newId } from '../../db/ids';
import type { Db } from '../../db/tables';
import { forbidden, validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { findOwnMedia } from '../media/media.queries';
import {
  announceDeletedStatuses,
  deleteCommunityStatuses,
} from '../statuses/community-statuses.service';
import { accountScope } from '../visibility/visibility';
import { presentCommunities, presentCommunity } from './communities.presenter';
import {
  type CommunityRow,
  type DirectoryCursor,
  deleteCommunityRow,
  directoryCursorOf,
  insertCommunity,
  listDirectory,
  lockCommunity,
  nameTaken,
  releaseUpload,
  replaceCommunityTerms,
  updateCommunityRow,
} from './communities.queries';
import {
  communityNotFound,
  loadAccess,
  owns,
  requireOwner,
  requireVisible,
} from './community-access';
import { allPlaces, putMember } from './members.queries';

/** Names compare without case or repeated spaces: "Design  Guild" is "design guild". */
export function tidyName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const nameKeyOf = (name: string) => tidyName(name).toLowerCase();

const nameTakenError = () => validationFailed({ name: ['is already taken by another community'] });

/**
 * An uploaded image becomes a community's cover: the upload must be the viewer's own and
 * not posted yet. The community takes its file; the upload row (and its preview) go, so
 * the clean-up of unposted uploads leaves the file alone. Returns the files to remove
 * after commit.
 */
async function takeCover(
  trx: Db,
  viewer: Viewer,
  mediaId: number,
): Promise<{ file: string; description: string; unused: string }> {
  const media = await findOwnMedia(trx, viewer.id, mediaId);
  if (!media || media.status_id !== null || media.type !== 'image') {
    throw validationFailed({
      cover_media_id: ['must be an image you uploaded (POST /api/v2/media) and have not posted'],
    });
  }
  await releaseUpload(trx, media.id);
  return { file: media.file, description: media.description, unused: media.preview_file };
}

type Emitted = DomainEvent[];

function emitAll(ctx: AppContext, events: Emitted) {
  for (const event of events) ctx.events.emit(event);
}

/** Creates a community with the viewer as its owner. Guests only join communities. */
export async function createCommunity(
  ctx: AppContext,
  viewer: Viewer,
  input: CreateCommunityInput,
): Promise<Community> {
  if (viewer.role === 'guest') throw forbidden('Guests cannot create communities');
  const name = tidyName(input.name);
  const description = input.description ?? '';
  const removeAfter: string[] = [];
  let row: CommunityRow;
  try {
    row = await ctx.db.transaction().execute(async (trx) => {
      if (await nameTaken(trx, nameKeyOf(name))) throw nameTakenError();
      const cover =
        input.cover_media_id === undefined
          ? null
          : await takeCover(trx, viewer, Number(input.cover_media_id));
      const now = Date.now();
      const created: CommunityRow = {
        id: newId(),
        name,
        name_key: nameKeyOf(name),
        description,
        privacy: input.privacy,
        cover_file: cover?.file ?? null,
        cover_description: input.cover_description ?? cover?.description ?? '',
        created_by_id: viewer.id,
        members_count: 1,
        statuses_count: 0,
        last_status_at: null,
        created_at: now,
        updated_at: now,
      };
      await insertCommunity(trx, created);
      await putMember(
        trx,
        {
          community_id: created.id,
          account_id: viewer.id,
          role: 'owner',
          state: 'member',
          invited_by_id: null,
        },
        now,
      );
      await replaceCommunityTerms(trx, created.id, { name, description });
      if (cover) removeAfter.push(cover.unused);
      return created;
    });
  } catch (error) {
    // Two people creating the same name at once: the second hears it is taken.
    if (isUniqueViolation(error)) throw nameTakenError();
    throw error;
  }
  for (const file of removeAfter) await ctx.media.remove(file);
  const id = String(row.id);
  emitAll(ctx, [
    { type: 'community.created', community_id: id, by_id: String(viewer.id) },
    {
      type: 'community.membership_changed',
      community_id: id,
      account_id: String(viewer.id),
      state: 'member',
      role: 'owner',
      by_id: String(viewer.id),
    },
  ]);
  return presentCommunity(ctx, row, { state: 'member', role: 'owner' });
}

export async function getCommunity(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Community> {
  const access = await loadAccess(ctx.db, viewer, id);
  requireVisible(viewer, access);
  return presentCommunity(ctx, access.community, access.place);
}

/** Owners change the name, description, privacy and cover; what is not given stays. */
export async function updateCommunity(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
  input: UpdateCommunityInput,
): Promise<Community> {
  const access = await loadAccess(ctx.db, viewer, id);
  requireOwner(viewer, access);
  const removeAfter: string[] = [];
  let row: CommunityRow;
  try {
    row = await ctx.db.transaction().execute(async (trx) => {
      const current = await lockCommunity(trx, id);
      if (!current) throw communityNotFound();
      const name = input.name === undefined ? current.name : tidyName(input.name);
      if (nameKeyOf(name) !== current.name_key && (await nameTaken(trx, nameKeyOf(name), id))) {
        throw nameTakenError();
      }
      const description = input.description ?? current.description;
      let coverFile = current.cover_file;
      let coverDescription = input.cover_description ?? current.cover_description;
      if (input.cover_media_id !== undefined) {
        if (current.cover_file) removeAfter.push(current.cover_file);
        if (input.cover_media_id === null) {
          coverFile = null;
          coverDescription = '';
        } else {
          const cover = await takeCover(trx, viewer, Number(input.cover_media_id));
          coverFile = cover.file;
          coverDescription = input.cover_description ?? cover.description;
          removeAfter.push(cover.unused);
        }
      }
      const patch = {
        name,
        name_key: nameKeyOf(name),
        description,
        privacy: input.privacy ?? current.privacy,
        cover_file: coverFile,
        cover_description: coverDescription,
        updated_at: Date.now(),
      };
      await updateCommunityRow(trx, id, patch);
      if (name !== current.name || description !== current.description) {
        await replaceCommunityTerms(trx, id, { name, description });
      }
      return { ...current, ...patch };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTakenError();
    throw error;
  }
  for (const file of removeAfter) await ctx.media.remove(file);
  ctx.events.emit({
    type: 'community.updated',
    community_id: String(id),
    by_id: String(viewer.id),
  });
  return presentCommunity(ctx, row, access.place);
}

/**
 * Deletes a community with everything posted in it: its owners may, and admins (who
 * govern every community, secret ones included). Everyone who had a place in it hears
 * of it on their streams.
 */
export async function deleteCommunity(ctx: AppContext, viewer: Viewer, id: number): Promise<void> {
  const access = await loadAccess(ctx.db, viewer, id);
  requireVisible(viewer, access);
  if (!owns(access) && viewer.role !== 'admin') {
    throw forbidden('Only owners of the community and admins can delete it');
  }
  const done = await ctx.db.transaction().execute(async (trx) => {
    const current = await lockCommunity(trx, id);
    if (!current) throw communityNotFound();
    const places = await allPlaces(trx, id);
    const statuses = await deleteCommunityStatuses(trx, id);
    await deleteCommunityRow(trx, id);
    return { places, statuses, cover: current.cover_file };
  });
  await announceDeletedStatuses(ctx, done.statuses);
  if (done.cover) await ctx.media.remove(done.cover);
  const by = String(viewer.id);
  emitAll(ctx, [
    ...done.places.map(
      (place): DomainEvent => ({
        type: 'community.membership_changed',
        community_id: String(id),
        account_id: String(place.account_id),
        state: null,
        role: null,
        by_id: by,
      }),
    ),
    { type: 'community.deleted', community_id: String(id), by_id: by },
  ]);
}

export interface DirectoryPage {
  communities: Community[];
  /** Where the next page starts, when this one was full. */
  next: DirectoryCursor | undefined;
}

/** The directory: what the viewer may know exists, matching `q`, most active first. */
export async function listCommunities(
  ctx: AppContext,
  viewer: Viewer,
  options: {
    q?: string | undefined;
    membership?: 'member' | 'invited' | 'requested' | undefined;
    after: DirectoryCursor | undefined;
    limit: number;
  },
): Promise<DirectoryPage> {
  const rows = await listDirectory(
    ctx.db,
    {
      scope: accountScope(viewer),
      viewerId: viewer.id,
      q: options.q,
      membership: options.membership,
    },
    options.after,
    options.limit,
  );
  const last = rows.at(-1);
  return {
    communities: await presentCommunities(ctx, viewer, rows),
    next: last && rows.length === options.limit ? directoryCursorOf(last) : undefined,
  };
}
