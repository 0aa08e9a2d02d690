import type { SearchResults, Status, Tag } from '@rapport/schema';
import type { AppContext } from '../../context';
import { parseTextQuery, prefixEnd, searchStatusIds } from '../../db/dialect';
import { idAt } from '../../db/ids';
import type { Viewer } from '../../http/auth';
import { presentAccount } from '../accounts/accounts.presenter';
import { listPeople } from '../accounts/accounts.queries';
import { presentStatuses } from '../statuses/statuses.present';
import { accountScope } from '../visibility/visibility';

export interface SearchOptions {
  type: 'accounts' | 'statuses' | 'hashtags' | undefined;
  limit: number;
  maxId: number | undefined;
  accountId: number | undefined;
}

const DAY = 24 * 60 * 60 * 1000;

/**
 * Mastodon's v2 search over people, statuses and hashtags. Statuses come newest first
 * from the text index and pass the one visibility rule; a page with hidden matches is
 * topped up from the next matches, a few rounds at most.
 */
export async function search(
  ctx: AppContext,
  viewer: Viewer,
  q: string,
  options: SearchOptions,
): Promise<SearchResults> {
  const wants = (type: SearchOptions['type']) =>
    options.type === undefined || options.type === type;
  const [accounts, statuses, hashtags] = await Promise.all([
    wants('accounts') && options.maxId === undefined
      ? searchAccounts(ctx, viewer, q, options.limit)
      : [],
    wants('statuses') ? searchStatuses(ctx, viewer, q, options) : [],
    wants('hashtags') && options.maxId === undefined ? searchTags(ctx, q, options.limit) : [],
  ]);
  return { accounts, statuses, hashtags };
}

async function searchAccounts(ctx: AppContext, viewer: Viewer, q: string, limit: number) {
  const rows = await listPeople(ctx.db, {
    scope: accountScope(viewer),
    viewerId: viewer.id,
    q: q.replace(/^@/, '').replace(/@.*$/, ''),
    limit,
  });
  return rows.map((row) => presentAccount(ctx, row));
}

async function searchStatuses(
  ctx: AppContext,
  viewer: Viewer,
  q: string,
  options: SearchOptions,
): Promise<Status[]> {
  const query = parseTextQuery(q);
  const found: Status[] = [];
  let before = options.maxId;
  for (let round = 0; round < 4 && found.length < options.limit; round++) {
    // Some matches are usually hidden (followers-only, direct): asking for half as many
    // again up front saves a second round most of the time.
    const batch = Math.ceil(options.limit * (round === 0 ? 1.5 : 2));
    const ids = await searchStatusIds(ctx.db, query, before, batch);
    if (ids.length === 0) break;
    const shown = await presentStatuses(ctx, viewer, ids);
    const phrases = query.phrases.map((phrase) => phrase.toLowerCase());
    for (const status of shown) {
      if (options.accountId !== undefined && status.account.id !== String(options.accountId))
        continue;
      // FTS matches words in order; the phrase check on the text rules out markup oddities.
      if (phrases.length > 0 && !phrases.every((phrase) => plain(status).includes(phrase)))
        continue;
      found.push(status);
    }
    if (ids.length < batch) break;
    before = ids.at(-1);
  }
  return found.slice(0, options.limit);
}

function plain(status: Status): string {
  return `${status.spoiler_text} ${status.content.replace(/<[^>]+>/g, '')}`
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Hashtags by prefix, with a week of daily use as Mastodon shows it. */
async function searchTags(ctx: AppContext, q: string, limit: number): Promise<Tag[]> {
  const prefix = q.replace(/^#/, '').trim().toLowerCase();
  if (!/^[\p{L}\p{N}_]+$/u.test(prefix)) return [];
  const tags = await ctx.db
    .selectFrom('tags')
    .select(['id', 'name', 'name_key'])
    .where('name_key', '>=', prefix)
    .where('name_key', '<', prefixEnd(prefix))
    .orderBy('last_status_at', 'desc')
    .limit(limit)
    .execute();
  const now = Date.now();
  const weekStart = Math.floor(now / DAY) * DAY - 6 * DAY;
  return Promise.all(
    tags.map(async (tag) => {
      const uses = await ctx.db
        .selectFrom('status_tags')
        .innerJoin('statuses', 'statuses.id', 'status_tags.status_id')
        .select(['statuses.created_at', 'statuses.account_id'])
        .where('status_tags.tag_id', '=', tag.id)
        .where('status_tags.status_id', '>=', idAt(weekStart))
        .where('statuses.visibility', '=', 'public')
        .execute();
      const history = Array.from({ length: 7 }, (_, i) => {
        const day = weekStart + (6 - i) * DAY;
        const that = uses.filter((use) => use.created_at >= day && use.created_at < day + DAY);
        return {
          day: String(day / 1000),
          uses: String(that.length),
          accounts: String(new Set(that.map((use) => use.account_id)).size),
        };
      });
      return {
        id: String(tag.id),
        name: tag.name,
        url: `${ctx.config.publicUrl}/tags/${encodeURIComponent(tag.name_key)}`,
        history,
        following: false,
      };
    }),
  );
}
