import type { Account, Status } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { toIso, toIsoOrNull } from '../../lib/time';
import {
  type AccountState,
  cachedProfile,
  presentAccount,
  withCounts,
} from '../accounts/accounts.presenter';
import { findAccountStates, findAccountsByIds } from '../accounts/accounts.queries';
import { cardsByIds } from '../cards/cards.presenter';
import { mediaByStatus } from '../media/media.presenter';
import { pollsByStatus } from '../polls/polls.presenter';
import { findPollsOfStatuses } from '../polls/polls.queries';
import { loadQuestionFacts } from '../questions/questions.present';
import { type CommunityAccess, loadCommunityAccess } from '../visibility/community-facts';
import { communityFor, loadRelationFacts } from '../visibility/status-facts';
import { canSee } from '../visibility/visibility';
import {
  findApplicationsByIds,
  findMentionsOfStatuses,
  findTagsOfStatuses,
  findViewerMarks,
} from './statuses.present.queries';
import { findStatusesByIds, findStatusStates, type StatusState } from './statuses.queries';

type StatusBody = Omit<NonNullable<Status['reblog']>, 'reblog'>;

/**
 * What a status shows that changes only when it is edited (text, media, mentions, tags,
 * whether it has a poll), kept between requests. `edited_at` moves forward on every edit,
 * so an entry is used only while the row it was made from is unchanged, whichever node
 * edited it. Counts, the author, the card, the poll and the viewer's marks are read fresh.
 */
export interface CachedStatusBody {
  editedAt: number | null;
  createdAt: string;
  content: string;
  spoilerText: string;
  sensitive: boolean;
  language: string | null;
  inReplyToId: string | null;
  inReplyToAccountId: string | null;
  media: StatusBody['media_attachments'];
  mentions: StatusBody['mentions'];
  tags: StatusBody['tags'];
  /** Who the status mentions: one of the facts `canSee` needs. */
  mentionIds: ReadonlySet<number>;
  hasPoll: boolean;
}

export interface PresentOptions {
  /** Statuses by these authors, and boosts of them, are left out (the viewer mutes them). */
  muted?: ReadonlySet<number>;
  /** ...except this account's own (a profile someone opened on purpose). */
  keepMutedAuthor?: number;
}

/** The statuses of a batch the viewer may see, with what it took to decide. */
export interface SeenBatch {
  /** The visible ones, boosts included (with a visible original), in no particular order. */
  shown: StatusState[];
  all: Map<number, StatusState>;
  authors: Map<number, Author>;
  bodies: Map<number, CachedStatusBody>;
  communities: Map<number, CommunityAccess>;
}

/**
 * The one visibility step of every status list: the rows' changing columns, the authors,
 * the viewer's relations and the communities, then `canSee` on each (and on a boost's
 * original). A constant number of queries per batch.
 */
export async function seeBatch(
  ctx: AppContext,
  viewer: Viewer,
  ids: number[],
  options: PresentOptions,
): Promise<SeenBatch> {
  const rows = await findStatusStates(ctx.db, [...new Set(ids)]);
  const originalIds = rows.flatMap((row) => (row.reblog_of_id === null ? [] : [row.reblog_of_id]));
  const originals = await findStatusStates(ctx.db, [...new Set(originalIds)]);
  const all = new Map<number, StatusState>();
  for (const row of rows) all.set(row.id, row);
  for (const row of originals) all.set(row.id, row);
  const authorIds = [...new Set([...all.values()].map((s) => s.account_id))];
  const communityIds = [...all.values()].flatMap((s) =>
    s.community_id === null ? [] : [s.community_id],
  );
  const [authors, relations, bodies, communities] = await Promise.all([
    accountsOf(ctx, authorIds),
    loadRelationFacts(ctx.db, viewer.id, authorIds),
    bodiesOf(ctx, [...all.values()]),
    loadCommunityAccess(ctx.db, viewer.id, communityIds),
  ]);

  const { muted, keepMutedAuthor } = options;
  const mutedAuthor = (id: number) => muted?.has(id) === true && id !== keepMutedAuthor;
  const visible = (row: StatusState | undefined): row is StatusState => {
    const author = row && authors.get(row.account_id);
    const body = row && bodies.get(row.id);
    if (!row || !author || !body) return false;
    const access = row.community_id === null ? undefined : communities.get(row.community_id);
    return canSee(viewer, {
      kind: 'status',
      status: {
        account_id: row.account_id,
        visibility: row.visibility,
        author: author.state,
        community: communityFor(row.community_id, access),
        hidden: row.hidden_at !== null,
      },
      facts: {
        following: relations.following.has(row.account_id),
        mentioned: body.mentionIds.has(viewer.id),
        blocked: relations.blocked.has(row.account_id),
        membership: access?.membership ?? null,
      },
    });
  };
  const shown = rows.filter((row) => {
    if (!visible(row) || mutedAuthor(row.account_id)) return false;
    if (row.reblog_of_id === null) return true;
    const original = all.get(row.reblog_of_id);
    return visible(original) && !mutedAuthor(original.account_id);
  });
  return { shown, all, authors, bodies, communities };
}

/**
 * Statuses as the viewer sees them, in the order of `ids`, leaving out every one `canSee`
 * refuses (and boosts of one it refuses). A constant number of queries per batch: the
 * rows' changing columns, the authors' counts, the viewer's relations and marks; statuses
 * and profiles not in the cache (or changed since) cost a few more.
 */
export async function presentStatuses(
  ctx: AppContext,
  viewer: Viewer,
  ids: number[],
  options: PresentOptions = {},
): Promise<Status[]> {
  const { shown, all, authors, bodies, communities } = await seeBatch(ctx, viewer, ids, options);
  const shownBodies = [...new Set(shown.map((row) => row.reblog_of_id ?? row.id))].flatMap(
    (id) => all.get(id) ?? [],
  );
  const present = await viewerPresenter(ctx, viewer, shownBodies, {
    bodies,
    authors,
    communities,
  });
  const byId = new Map(shown.map((row) => [row.id, row]));
  return ids.flatMap((id): Status[] => {
    const row = byId.get(id);
    if (!row) return [];
    if (row.reblog_of_id === null) return [present(row, null)];
    // A boost is its own status around the original: its own id, time and booster.
    const original = present(all.get(row.reblog_of_id) as StatusState, null);
    return [present(row, original as NonNullable<Status['reblog']>)];
  });
}

interface Author {
  state: AccountState;
  /** The account as every status shows it (built once per author per page). */
  account: Account;
}

/** The authors of a page: their current counts, their profiles from the cache or the rows. */
async function accountsOf(ctx: AppContext, ids: number[]): Promise<Map<number, Author>> {
  const states = await findAccountStates(ctx.db, ids);
  const authors = new Map<number, Author>();
  const stale: number[] = [];
  for (const state of states) {
    const profile = cachedProfile(ctx, state);
    if (profile) authors.set(state.id, { state, account: withCounts(profile, state) });
    else stale.push(state.id);
  }
  for (const row of await findAccountsByIds(ctx.db, stale)) {
    authors.set(row.id, { state: row, account: presentAccount(ctx, row) });
  }
  return authors;
}

/**
 * The edit-bound part of each status: from the cache when the row has not been edited
 * since, rendered for the rest (their rows, mentions, tags, media and whether they have a
 * poll, in one pass).
 */
async function bodiesOf(
  ctx: AppContext,
  states: StatusState[],
): Promise<Map<number, CachedStatusBody>> {
  const cache = ctx.presented.statuses;
  const found = new Map<number, CachedStatusBody>();
  const missing: number[] = [];
  for (const state of states) {
    const cached = cache.get(state.id);
    if (cached && cached.editedAt === state.edited_at) found.set(state.id, cached);
    else missing.push(state.id);
  }
  if (missing.length === 0) return found;
  const [rows, mentions, tags, media, polls] = await Promise.all([
    findStatusesByIds(ctx.db, missing),
    findMentionsOfStatuses(ctx.db, missing),
    findTagsOfStatuses(ctx.db, missing),
    mediaByStatus(ctx, ctx.db, missing),
    findPollsOfStatuses(ctx.db, missing),
  ]);
  const mentionsOf = groupBy(mentions, (m) => m.status_id);
  const tagsOf = groupBy(tags, (t) => t.status_id);
  const withPoll = new Set(polls.map((poll) => poll.status_id));
  const url = ctx.config.publicUrl;
  for (const row of rows) {
    const statusMentions = mentionsOf.get(row.id) ?? [];
    // Shared between requests, so nothing may change the lists in place.
    const entry: CachedStatusBody = {
      editedAt: row.edited_at,
      createdAt: toIso(row.created_at),
      content: row.content,
      spoilerText: row.spoiler_text,
      sensitive: row.sensitive === 1,
      language: row.language,
      inReplyToId: row.in_reply_to_id === null ? null : String(row.in_reply_to_id),
      inReplyToAccountId:
        row.in_reply_to_account_id === null ? null : String(row.in_reply_to_account_id),
      media: Object.freeze(media.get(row.id) ?? []) as CachedStatusBody['media'],
      mentions: Object.freeze(
        statusMentions.map((m) =>
          Object.freeze({
            id: String(m.account_id),
            username: m.username,
            acct: m.username,
            url: `${url}/@${m.username}`,
          }),
        ),
      ) as CachedStatusBody['mentions'],
      tags: Object.freeze(
        (tagsOf.get(row.id) ?? []).map((t) =>
          Object.freeze({
            name: t.name,
            url: `${url}/tags/${encodeURIComponent(t.name.toLowerCase())}`,
          }),
        ),
      ) as CachedStatusBody['tags'],
      mentionIds: new Set(statusMentions.map((m) => m.account_id)),
      hasPoll: withPoll.has(row.id),
    };
    cache.set(row.id, entry);
    found.set(row.id, entry);
  }
  return found;
}

/**
 * Loads what depends on the viewer or changes without an edit (marks, polls, cards,
 * applications) in one pass and returns a synchronous presenter.
 */
async function viewerPresenter(
  ctx: AppContext,
  viewer: Viewer,
  rows: StatusState[],
  loaded: {
    bodies: Map<number, CachedStatusBody>;
    authors: Map<number, Author>;
    communities: Map<number, CommunityAccess>;
  },
): Promise<(row: StatusState, reblog: Status['reblog']) => Status> {
  const { bodies, authors, communities } = loaded;
  const ids = rows.map((row) => row.id);
  const pollStatusIds = ids.filter((id) => bodies.get(id)?.hasPoll);
  const cardIds = rows.flatMap((row) => (row.card_id === null ? [] : [row.card_id]));
  // Mastodon shows which app posted a status to its author only.
  const appIds = [
    ...new Set(
      rows.flatMap((row) =>
        row.account_id === viewer.id && row.application_id !== null ? [row.application_id] : [],
      ),
    ),
  ];
  // Questions and answers: nothing is read unless the page has questions or replies.
  const questionRows = rows.map((row) => {
    const body = bodies.get(row.id);
    return {
      id: row.id,
      account_id: row.account_id,
      kind: row.kind,
      inReplyToId: body?.inReplyToId ?? null,
      inReplyToAccountId: body?.inReplyToAccountId ?? null,
    };
  });
  const [marks, polls, cards, apps, questions] = await Promise.all([
    findViewerMarks(ctx.db, viewer.id, ids),
    pollsByStatus(ctx, ctx.db, viewer.id, pollStatusIds),
    cardsByIds(ctx, ctx.db, cardIds),
    findApplicationsByIds(ctx.db, appIds),
    loadQuestionFacts(ctx.db, viewer.id, questionRows),
  ]);
  const appsById = new Map(apps.map((app) => [app.id, app]));
  const url = ctx.config.publicUrl;

  return (row, reblog) => {
    // Every presented row passed `canSee`, which needed its author and cached body.
    const body = bodies.get(row.id) as CachedStatusBody;
    const author = authors.get(row.account_id) as Author;
    const statusUrl = `${url}/@${author.state.username}/${row.id}`;
    const access = row.community_id === null ? undefined : communities.get(row.community_id);
    const app =
      row.application_id === null || row.account_id !== viewer.id
        ? undefined
        : appsById.get(row.application_id);
    // One object literal (no spreads): this runs for every status of every timeline page.
    return {
      id: String(row.id),
      uri: statusUrl,
      url: statusUrl,
      created_at: body.createdAt,
      account: author.account,
      content: reblog ? '' : body.content,
      visibility: row.visibility,
      sensitive: body.sensitive,
      spoiler_text: body.spoilerText,
      media_attachments: body.media,
      application: app ? { name: app.name, website: app.website } : null,
      mentions: body.mentions,
      tags: body.tags,
      emojis: [],
      reblogs_count: row.reblogs_count,
      favourites_count: row.favourites_count,
      replies_count: row.replies_count,
      in_reply_to_id: body.inReplyToId,
      in_reply_to_account_id: body.inReplyToAccountId,
      poll: polls.get(row.id) ?? null,
      card: (row.card_id === null ? undefined : cards.get(row.card_id)) ?? null,
      language: body.language,
      text: null,
      edited_at: toIsoOrNull(row.edited_at),
      favourited: marks.favourited.has(row.id),
      reblogged: marks.reblogged.has(row.id),
      muted: false,
      bookmarked: marks.bookmarked.has(row.id),
      pinned: false,
      reblog,
      community: access
        ? {
            id: String(access.community.id),
            name: access.name,
            privacy: access.community.privacy,
            url: `${url}/communities/${access.community.id}`,
          }
        : null,
      kind: row.kind,
      hidden: row.hidden_at === null ? null : { reason: row.hidden_reason ?? '' },
      question: questions.question(row),
      answer: questions.answer(row.id),
    };
  };
}

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export async function presentStatus(
  ctx: AppContext,
  viewer: Viewer,
  id: number,
): Promise<Status | undefined> {
  return (await presentStatuses(ctx, viewer, [id]))[0];
}
