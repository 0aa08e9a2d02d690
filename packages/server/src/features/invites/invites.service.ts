import type { InviteInput, InviteResult } from '@rapport/schema';
import type { AppContext } from '../../context';
import { validationFailed } from '../../errors';
import { type Viewer, viewerFrom } from '../../http/auth';
import { type AccountRow, findAccountsByIds } from '../accounts/accounts.queries';
import { eventPath } from '../events/events.presenter';
import { canSeeEvent } from '../events/events.rules';
import { announceNotifications, getVisibleEvent } from '../events/events.service';
import { insertNotification } from '../notifications/notifications.queries';
import { canReadPage } from '../pages/pages.rules';
import { getReadablePage } from '../pages/pages.service';
import { visibleAccounts } from '../visibility/account-visibility';
import { type CommunityAccess, loadCommunityAccess } from '../visibility/community-facts';
import { findAlreadyInvited } from './invites.queries';

/** What is being shared, and the one visibility rule that says who may see it. */
interface Subject {
  kind: 'event' | 'page';
  id: number;
  title: string;
  path: string;
  communityId: number | null;
  /** Whether `reader` may see the subject, given their place in its community. */
  readable: (reader: Viewer, access: CommunityAccess | undefined) => boolean;
}

const nameOf = (row: AccountRow) => `@${row.username}`;

/** The invitees as accounts the inviter may see; anyone else (or oneself) is a 422. */
async function loadInvitees(ctx: AppContext, viewer: Viewer, ids: number[]): Promise<AccountRow[]> {
  if (ids.includes(viewer.id)) {
    throw validationFailed({ account_ids: ['cannot include yourself'] });
  }
  const rows = (await findAccountsByIds(ctx.db, ids)).filter((row) => row.suspended === 0);
  const visible = new Set((await visibleAccounts(ctx.db, viewer, rows)).map((row) => row.id));
  const unknown = ids.filter((id) => !visible.has(id));
  if (unknown.length > 0) {
    throw validationFailed({ account_ids: [`include people not found: ${unknown.join(', ')}`] });
  }
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => byId.get(id) as AccountRow);
}

/**
 * Invites people to a subject the inviter can see. Every invitee must be able to see it
 * too (an invitation to a private community's event is no use to an outsider): otherwise
 * a 422 names them and nothing is sent. Each is told once per inviter and subject.
 */
async function invite(
  ctx: AppContext,
  viewer: Viewer,
  subject: Subject,
  input: InviteInput,
): Promise<InviteResult> {
  const ids = [...new Set(input.account_ids.map(Number))];
  const invitees = await loadInvitees(ctx, viewer, ids);
  const blind: AccountRow[] = [];
  for (const person of invitees) {
    const access =
      subject.communityId === null
        ? undefined
        : (await loadCommunityAccess(ctx.db, person.id, [subject.communityId])).get(
            subject.communityId,
          );
    if (!subject.readable(viewerFrom(person), access)) blind.push(person);
  }
  if (blind.length > 0) {
    throw validationFailed({
      account_ids: [
        `include people who cannot see this ${subject.kind}: ${blind.map(nameOf).join(', ')}`,
      ],
    });
  }
  const type = subject.kind === 'event' ? 'event_invitation' : 'page_invitation';
  const note = input.note?.trim() ?? '';
  // The note travels as the line under the notification, after the subject's title.
  const title = note ? `${subject.title} — ${note}` : subject.title;
  const result = await ctx.db.transaction().execute(async (trx) => {
    const already = await findAlreadyInvited(
      trx,
      { type, subjectType: subject.kind, subjectId: subject.id, fromId: viewer.id },
      ids,
    );
    const sent: Array<{ id: number; accountId: number }> = [];
    for (const id of ids) {
      if (already.has(id)) continue;
      const notification = await insertNotification(trx, {
        accountId: id,
        type,
        fromAccountId: viewer.id,
        statusId: null,
        subject: {
          type: subject.kind,
          id: subject.id,
          title,
          path: subject.path,
          communityId: subject.communityId,
        },
      });
      if (notification !== null) sent.push({ id: notification, accountId: id });
    }
    return { already, sent };
  });
  // Someone who blocked or muted the inviter is silently not told; the inviter is not told that.
  const invited = ids.filter((id) => !result.already.has(id));
  if (invited.length > 0) {
    ctx.events.emit({
      type: subject.kind === 'event' ? 'event.invited' : 'page.invited',
      subject_id: String(subject.id),
      by_id: String(viewer.id),
      invitee_ids: invited.map(String),
    });
  }
  announceNotifications(ctx, result.sent);
  return {
    invited: invited.map(String),
    already_invited: ids.filter((id) => result.already.has(id)).map(String),
  };
}

/** `POST /events/:id/invitations`: whoever sees the event may invite people who can too. */
export async function inviteToEvent(
  ctx: AppContext,
  viewer: Viewer,
  eventId: number,
  input: InviteInput,
): Promise<InviteResult> {
  const { row } = await getVisibleEvent(ctx, viewer, eventId);
  return invite(
    ctx,
    viewer,
    {
      kind: 'event',
      id: row.id,
      title: row.title,
      path: eventPath(row.id),
      communityId: row.community_id,
      readable: (reader, access) => canSeeEvent(reader, row, access),
    },
    input,
  );
}

/** `POST /pages/:id/invitations`: "look at this page, help me with it". */
export async function inviteToPage(
  ctx: AppContext,
  viewer: Viewer,
  pageId: number,
  input: InviteInput,
): Promise<InviteResult> {
  const { page } = await getReadablePage(ctx, viewer, pageId);
  return invite(
    ctx,
    viewer,
    {
      kind: 'page',
      id: page.id,
      title: page.title,
      path: `/pages/${page.id}`,
      communityId: page.community_id,
      readable: (reader, access) => canReadPage(reader, { page, access, role: null }),
    },
    input,
  );
}
