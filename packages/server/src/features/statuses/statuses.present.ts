import type { Mention, PreviewCard, Status } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import type { Viewer } from '../../http/auth';
import { toIso, toIsoOrNull } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountsByIds } from '../accounts/accounts.queries';
import { cardsByIds } from '../cards/cards.presenter';
import { mediaByStatus } from '../media/media.presenter';
import { pollsByStatus } from '../polls/polls.presenter';
import { loadStatusFacts } from '../visibility/status-facts';
import { canSee } from '../visibility/visibility';
import { findStatusesByIds, type StatusRow } from './statuses.queries';

type StatusBody = Omit<NonNullable<Status['reblog']>, 'reblog'>;

/**
 * Statuses as the viewer sees them, in the order of `ids`, leaving out every one `canSee`
 * refuses (and boosts of one it refuses). A constant number of queries per batch.
 */
export async function presentStatuses(
  ctx: AppContext,
  viewer: Viewer,
  ids: number[],
): Promise<Status[]> {
  const rows = await findStatusesByIds(ctx.db, [...new Set(ids)]);
  const originalIds = rows.flatMap((row) => (row.reblog_of_id === null ? [] : [row.reblog_of_id]));
  const originals = await findStatusesByIds(ctx.db, originalIds);
  const all = new Map([...rows, ...originals].map((row) => [row.id, row]));
  const authors = new Map(
    (await findAccountsByIds(ctx.db, [...new Set([...all.values()].map((s) => s.account_id))])).map(
      (row) => [row.id, row],
    ),
  );
  const factsOf = await loadStatusFacts(ctx.db, viewer.id, [...all.values()]);
  const visible = (row: StatusRow | undefined): row is StatusRow => {
    const author = row && authors.get(row.account_id);
    return (
      row !== undefined &&
      author !== undefined &&
      canSee(viewer, { kind: 'status', status: { ...row, author }, facts: factsOf(row) })
    );
  };
  const shown = rows.filter(
    (row) => visible(row) && (row.reblog_of_id === null || visible(all.get(row.reblog_of_id))),
  );
  const bodies = [...new Set(shown.map((row) => row.reblog_of_id ?? row.id))].flatMap((id) => {
    const row = all.get(id);
    return row ? [row] : [];
  });
  const present = await bodyPresenter(ctx, ctx.db, viewer, bodies, authors);
  const byId = new Map(shown.map((row) => [row.id, row]));
  return ids.flatMap((id): Status[] => {
    const row = byId.get(id);
    if (!row) return [];
    const author = authors.get(row.account_id) as AccountRow;
    if (row.reblog_of_id === null) return [{ ...present(row), reblog: null }];
    const original = all.get(row.reblog_of_id) as StatusRow;
    return [
      {
        ...present(row, author),
        content: '',
        reblog: { ...present(original), reblog: null },
      },
    ];
  });
}

/** Loads what the bodies need in one pass and returns a synchronous presenter. */
async function bodyPresenter(
  ctx: AppContext,
  db: Db,
  viewer: Viewer,
  bodies: StatusRow[],
  authors: Map<number, AccountRow>,
): Promise<(row: StatusRow, author?: AccountRow) => StatusBody> {
  const ids = bodies.map((row) => row.id);
  const none = Promise.resolve([]);
  const cardIds = bodies.flatMap((row) => (row.card_id === null ? [] : [row.card_id]));
  const appIds = [...new Set(bodies.flatMap((row) => row.application_id ?? []))];
  const [mentions, tags, media, polls, cards, favourites, bookmarks, reblogs, apps] =
    await Promise.all([
      ids.length === 0
        ? none
        : db
            .selectFrom('status_mentions')
            .innerJoin('accounts', 'accounts.id', 'status_mentions.account_id')
            .select(['status_mentions.status_id', 'accounts.id', 'accounts.username'])
            .where('status_mentions.status_id', 'in', ids)
            .execute(),
      ids.length === 0
        ? none
        : db
            .selectFrom('status_tags')
            .innerJoin('tags', 'tags.id', 'status_tags.tag_id')
            .select(['status_tags.status_id', 'tags.name'])
            .where('status_tags.status_id', 'in', ids)
            .execute(),
      mediaByStatus(ctx, db, ids),
      pollsByStatus(ctx, db, viewer.id, ids),
      cardsByIds(ctx, db, cardIds),
      viewerMarks(db, 'favourites', viewer.id, ids),
      viewerMarks(db, 'bookmarks', viewer.id, ids),
      ids.length === 0
        ? none
        : db
            .selectFrom('statuses')
            .select('reblog_of_id')
            .where('account_id', '=', viewer.id)
            .where('reblog_of_id', 'in', ids)
            .execute(),
      appIds.length === 0
        ? none
        : db
            .selectFrom('oauth_applications')
            .select(['id', 'name', 'website', 'first_party'])
            .where('id', 'in', appIds)
            .execute(),
    ]);
  const mentionsOf = groupBy(mentions, (m) => m.status_id);
  const tagsOf = groupBy(tags, (t) => t.status_id);
  const reblogged = new Set(reblogs.map((row) => row.reblog_of_id));
  const appsById = new Map(apps.map((app) => [app.id, app]));
  const url = ctx.config.publicUrl;

  return (row, authorOverride) => {
    const author = authorOverride ?? (authors.get(row.account_id) as AccountRow);
    const statusUrl = `${url}/@${author.username}/${row.id}`;
    const app = row.application_id === null ? undefined : appsById.get(row.application_id);
    const mentionList: Mention[] = (mentionsOf.get(row.id) ?? []).map((m) => ({
      id: String(m.id),
      username: m.username,
      acct: m.username,
      url: `${url}/@${m.username}`,
    }));
    const tagList: StatusBody['tags'] = (tagsOf.get(row.id) ?? []).map((t) => ({
      name: t.name,
      url: `${url}/tags/${encodeURIComponent(t.name.toLowerCase())}`,
    }));
    const card: PreviewCard | undefined = row.card_id === null ? undefined : cards.get(row.card_id);
    return {
      id: String(row.id),
      uri: statusUrl,
      url: statusUrl,
      created_at: toIso(row.created_at),
      account: presentAccount(ctx, author),
      content: row.content,
      visibility: row.visibility,
      sensitive: row.sensitive === 1,
      spoiler_text: row.spoiler_text,
      media_attachments: media.get(row.id) ?? [],
      // Mastodon shows which app posted a status to its author only.
      application:
        app && row.account_id === viewer.id ? { name: app.name, website: app.website } : null,
      mentions: mentionList,
      tags: tagList,
      emojis: [],
      reblogs_count: row.reblogs_count,
      favourites_count: row.favourites_count,
      replies_count: row.replies_count,
      in_reply_to_id: row.in_reply_to_id === null ? null : String(row.in_reply_to_id),
      in_reply_to_account_id:
        row.in_reply_to_account_id === null ? null : String(row.in_reply_to_account_id),
      poll: polls.get(row.id) ?? null,
      card: card ?? null,
      language: row.language,
      text: null,
      edited_at: toIsoOrNull(row.edited_at),
      favourited: favourites.has(row.id),
      reblogged: reblogged.has(row.id),
      muted: false,
      bookmarked: bookmarks.has(row.id),
      pinned: false,
    };
  };
}

async function viewerMarks(
  db: Db,
  table: 'favourites' | 'bookmarks',
  viewerId: number,
  ids: number[],
): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('status_id')
    .where('account_id', '=', viewerId)
    .where('status_id', 'in', ids)
    .execute();
  return new Set(rows.map((row) => row.status_id));
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
