import type { Status, StatusAudience, Visibility } from '@rapport/schema';
import type { AppContext } from '../context';
import { type AccountRow, findAccountById } from '../features/accounts/accounts.queries';
import { presentStatuses } from '../features/statuses/statuses.present';

type Body = Omit<Status, 'reblog'>;

/** A status event's payload, rendered once for every connection it goes to. */
export interface RenderedStatus {
  author: AccountRow;
  /** For a boost: what the rule needs to know about the boosted status. */
  original: {
    author: AccountRow;
    visibility: Visibility;
    mentioned: Set<number>;
    hidden: boolean;
  } | null;
  /** For the media-only public streams. */
  hasMedia: boolean;
  /** The `payload` field, already a JSON string literal: as the author sees the status... */
  forAuthor: string;
  /** ...and as everyone else does. */
  forOthers: string;
}

/**
 * Renders the status of an event once. It is presented as its author sees it (the author
 * always may), then made viewer-neutral for everyone else: no application (shown to the
 * author only) and no favourited/boosted/bookmarked marks, which are false for everyone on
 * a new status; poll votes are left out, as Mastodon's streaming does. Null when the status
 * is gone or its author may no longer see it (a boost of something since hidden).
 */
export async function renderStatus(
  ctx: AppContext,
  audience: StatusAudience,
): Promise<RenderedStatus | null> {
  const authorId = Number(audience.account_id);
  const statusId = Number(audience.status_id);
  let author: AccountRow | undefined;
  let status: Status | undefined;
  if (audience.reblog_of_id === null) {
    // Authors always see their own statuses, whatever their role: the author's row can be
    // read alongside, which saves a round trip on the path every new status takes.
    [author, [status]] = await Promise.all([
      findAccountById(ctx.db, authorId),
      presentStatuses(ctx, { id: authorId, username: '', role: 'member' }, [statusId]),
    ]);
  } else {
    // Whether a booster still sees the boosted status depends on their role.
    author = await findAccountById(ctx.db, authorId);
    if (author) {
      const viewer = { id: author.id, username: author.username, role: author.role };
      [status] = await presentStatuses(ctx, viewer, [statusId]);
    }
  }
  if (!author || !status) return null;
  let original: RenderedStatus['original'] = null;
  if (status.reblog) {
    const originalId = Number(status.reblog.account.id);
    const originalAuthor =
      originalId === author.id ? author : await findAccountById(ctx.db, originalId);
    if (!originalAuthor) return null;
    original = {
      author: originalAuthor,
      visibility: status.reblog.visibility,
      mentioned: new Set(status.reblog.mentions.map((mention) => Number(mention.id))),
      hidden: status.reblog.hidden !== null,
    };
  }
  const neutral = neutralStatus(status);
  const forAuthor = JSON.stringify(JSON.stringify(status));
  return {
    author,
    original,
    hasMedia: status.media_attachments.length > 0,
    forAuthor,
    forOthers: neutral === status ? forAuthor : JSON.stringify(JSON.stringify(neutral)),
  };
}

/** The status without what depends on who looks at it; the same object if nothing does. */
export function neutralStatus(status: Status): Status {
  const body = neutralBody(status);
  const original = status.reblog;
  const neutralOriginal = original && neutralBody(original);
  if (body === status && neutralOriginal === original) return status;
  return { ...body, reblog: neutralOriginal };
}

function neutralBody<T extends Body>(status: T): T {
  const poll = status.poll;
  const pollMarked = poll != null && (poll.voted !== undefined || poll.own_votes !== undefined);
  const marked =
    status.application != null ||
    status.favourited === true ||
    status.reblogged === true ||
    status.bookmarked === true ||
    status.muted === true ||
    status.pinned === true ||
    pollMarked;
  if (!marked) return status;
  let neutralPoll = poll;
  if (poll && pollMarked) {
    const { voted: _voted, own_votes: _ownVotes, ...rest } = poll;
    neutralPoll = rest;
  }
  return {
    ...status,
    application: null,
    favourited: false,
    reblogged: false,
    bookmarked: false,
    muted: false,
    pinned: false,
    poll: neutralPoll,
  };
}
