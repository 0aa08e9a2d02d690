import type { DomainEvent, MembershipState } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { HttpError, notFound } from '../../errors';
import { recordInteractions } from '../interactions/interactions.queries';
import {
  insertNotification,
  type NotificationSubject,
} from '../notifications/notifications.queries';
import { communityPath } from './communities.presenter';
import { type CommunityRow, lockCommunity } from './communities.queries';
import { communityNotFound } from './community-access';
import {
  backfillCommunityHome,
  bumpMembersCount,
  deleteMember,
  findMember,
  type MemberRow,
  memberIdsWithRoles,
  putMember,
  removeCommunityFromHome,
} from './members.queries';

/** What the membership services tell people about a community. */
type CommunityNotificationType =
  | 'community_request'
  | 'community_invitation'
  | 'community_approved';

/*
 * The steps every membership change is made of (locking a place, admitting, dismissing,
 * counting owners) and what it announces after commit; the services in
 * membership.service.ts (joining, leaving, inviting) and membership-decisions.service.ts
 * (roles, removals, requests) compose them.
 */

/**
 * A community this small is a working group: joining it counts as meeting each of its
 * members (a `same_community` interaction, DESIGN.md's co-presence), larger ones do not.
 */
export const SMALL_COMMUNITY = 25;

/** What a membership change announces after commit. */
export class Announcements {
  readonly events: DomainEvent[] = [];

  constructor(
    private readonly communityId: number,
    private readonly byId: number,
  ) {}

  place(accountId: number, place: Pick<MemberRow, 'state' | 'role'> | null) {
    this.events.push({
      type: 'community.membership_changed',
      community_id: String(this.communityId),
      account_id: String(accountId),
      state: place?.state ?? null,
      role: place?.state === 'member' ? place.role : null,
      by_id: String(this.byId),
    });
  }

  /** Tells someone about the community (a notification about it), announced after commit. */
  async notify(
    trx: Db,
    community: CommunityRow,
    to: { accountId: number; type: CommunityNotificationType; fromId: number },
  ) {
    const id = await insertNotification(trx, {
      accountId: to.accountId,
      type: to.type,
      fromAccountId: to.fromId,
      statusId: null,
      subject: subjectOf(community),
    });
    if (id === null) return;
    this.events.push({
      type: 'notification.created',
      notification_id: String(id),
      account_id: String(to.accountId),
    });
  }

  emit(ctx: AppContext) {
    for (const event of this.events) ctx.events.emit(event);
  }
}

function subjectOf(community: CommunityRow): NotificationSubject {
  return {
    type: 'community',
    id: community.id,
    title: community.name,
    path: communityPath(community.id),
    communityId: community.id,
  };
}

/** The community, locked for the change (see lockCommunity), and the person's fresh place. */
export async function lockPlace(trx: Db, communityId: number, accountId: number) {
  const community = await lockCommunity(trx, communityId);
  if (!community) throw communityNotFound();
  return { community, place: (await findMember(trx, communityId, accountId)) ?? null };
}

/**
 * Makes someone a member: the counter, the community's recent conversations in their home
 * feed, and in a small community an interaction with each member.
 */
export async function admit(
  trx: Db,
  community: CommunityRow,
  accountId: number,
  by: { invitedById: number | null; at: number },
): Promise<void> {
  await putMember(
    trx,
    {
      community_id: community.id,
      account_id: accountId,
      role: 'member',
      state: 'member',
      invited_by_id: by.invitedById,
    },
    by.at,
  );
  await bumpMembersCount(trx, community.id, 1);
  await backfillCommunityHome(trx, accountId, community.id);
  if (community.members_count + 1 <= SMALL_COMMUNITY) {
    const others = await memberIdsWithRoles(trx, community.id, ['owner', 'moderator', 'member']);
    await recordInteractions(
      trx,
      others.map((targetId) => ({
        kind: 'same_community' as const,
        actorId: accountId,
        targetId,
        subjectType: 'community',
        subjectId: community.id,
        communityId: community.id,
        at: by.at,
      })),
    );
  }
}

/**
 * Takes someone out: the counter, and unless the community is public (whose statuses they
 * may still read), its statuses leave their home feed.
 */
export async function dismiss(trx: Db, community: CommunityRow, place: MemberRow): Promise<void> {
  await deleteMember(trx, community.id, place.account_id);
  if (place.state !== 'member') return;
  await bumpMembersCount(trx, community.id, -1);
  if (community.privacy !== 'public') {
    await removeCommunityFromHome(trx, place.account_id, community.id);
  }
}

export async function ownerCount(trx: Db, communityId: number): Promise<number> {
  return (await memberIdsWithRoles(trx, communityId, ['owner'])).length;
}

export const lastOwner = (message: string) => new HttpError(422, 'validation_failed', message);

/** A member's place, for the routes that act on one (404 when they have none of this kind). */
export async function lockTarget(
  trx: Db,
  communityId: number,
  accountId: number,
  state: MembershipState,
) {
  const locked = await lockPlace(trx, communityId, accountId);
  if (locked.place?.state !== state) {
    throw notFound(state === 'requested' ? 'Join request' : 'Member');
  }
  return locked as { community: CommunityRow; place: MemberRow };
}
