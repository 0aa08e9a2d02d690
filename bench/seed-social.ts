import Database from 'better-sqlite3';
import { Random } from '../packages/server/src/demo/random';
import { HOME_FEED_LENGTH } from '../packages/server/src/features/statuses/statuses.queries';
import {
  BOOST,
  buildSocialModel,
  IdMinter,
  type ModelOptions,
  REPLY,
  type SocialModel,
  VISIBILITIES,
} from './social-model';
import { buildTags, buildVocabulary, TextGenerator } from './vocabulary';

/**
 * Writes the social history (social-model.ts) straight into the SQLite file the server's
 * migrations created, with prepared statements in big transactions and the secondary
 * indexes built once at the end: the services would take hours for a million statuses.
 */

export interface SearchCase {
  name: string;
  q: string;
  /** Statuses the text index matches. */
  matches: number;
}

export interface SocialSeeded {
  counts: Record<string, number>;
  /** Share of statuses written by the 15% most active accounts. */
  topShare: number;
  maxFollowers: number;
  search: SearchCase[];
  /** Accounts with statuses (for profile timelines). */
  posterIds: number[];
  /** Statuses in conversations (for thread context). */
  threadStatusIds: number[];
  staleFollowIds: number[];
  /** For each of `viewerIds`, the oldest status in that viewer's home feed. */
  oldestFeedIds: number[];
}

export interface SocialOptions extends Omit<ModelOptions, 'wideViewer' | 'staleViewer'> {
  wideViewerId: number;
  staleViewerId: number;
  /** Viewers whose home feeds' oldest entries the bench pages past. */
  viewerIds: number[];
  /** Written into status HTML (links of mentions and tags). */
  publicUrl: string;
  applicationId: number;
}

const TABLES = ['statuses', 'status_mentions', 'status_tags', 'favourites', 'follows', 'home_feed'];

export function seedSocial(file: string, options: SocialOptions): SocialSeeded {
  let last = Date.now();
  const phase = (name: string) => {
    console.log(`  ${name}: ${((Date.now() - last) / 1000).toFixed(1)} s`);
    last = Date.now();
  };
  const db = new Database(file);
  // A throwaway file written once: no journal, no syncing, a large cache for index builds.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -1000000');
  db.pragma('temp_store = MEMORY');
  try {
    const accounts = db
      // Not by id: ids carry a random sequence, and the same seed must give the same history.
      .prepare(
        'select id, username, created_at as createdAt from accounts order by created_at, username_key',
      )
      .all() as Array<{ id: number; username: string; createdAt: number }>;
    const index = new Map(accounts.map((account, i) => [account.id, i]));
    const model = buildSocialModel(accounts, {
      ...options,
      wideViewer: index.get(options.wideViewerId) as number,
      staleViewer: index.get(options.staleViewerId) as number,
    });

    const indexes = db
      .prepare(
        `select name, sql from sqlite_master where type = 'index' and sql is not null
         and tbl_name in (${TABLES.map(() => '?').join(', ')})`,
      )
      .all(...TABLES) as Array<{ name: string; sql: string }>;
    for (const { name } of indexes) db.exec(`drop index "${name}"`);

    const ids = new IdMinter();
    phase('model');
    db.transaction(() => writeFollows(db, model, ids))();
    phase('follows');
    const text = db.transaction(() => writeStatuses(db, model, ids, accounts, options))();
    phase('statuses, mentions, tags and the text index');
    db.transaction(() => writeFavourites(db, model, ids))();
    db.transaction(() => writeFeeds(db, model))();
    db.transaction(() => writeCounters(db, model))();
    phase('favourites, home feeds and counters');
    for (const { sql } of indexes) db.exec(sql);
    phase('indexes');

    const search = searchCases(db, text);
    return summarise(db, model, search, accounts, options.viewerIds);
  } finally {
    db.pragma('journal_mode = WAL');
    db.close();
  }
}

function writeFollows(db: Database.Database, model: SocialModel, ids: IdMinter) {
  const { follows, accounts } = model;
  const rowIds = Array.from({ length: follows.count }, (_, f) =>
    ids.mint(follows.createdAt[f] as number),
  );
  const order = Array.from({ length: follows.count }, (_, f) => f).sort(
    (a, b) => (rowIds[a] as number) - (rowIds[b] as number),
  );
  const insert = db.prepare(
    `insert into follows (id, account_id, target_account_id, show_reblogs, notify, created_at)
     values (?, ?, ?, 1, 0, ?)`,
  );
  for (const f of order) {
    insert.run(
      rowIds[f],
      accounts[follows.follower[f] as number]?.id,
      accounts[follows.target[f] as number]?.id,
      Math.floor(follows.createdAt[f] as number),
    );
  }
}

/** A mention as status-text.ts renders it. */
function mentionHtml(url: string, username: string): string {
  return `<span class="h-card"><a href="${url}/@${username}" class="u-url mention">@<span>${username}</span></a></span>`;
}

const SPOILERS = ['Long read', 'Launch details', 'Not for everyone', 'Incident notes'];

/** Statuses, their mentions and tags, and the text index, in id order. */
function writeStatuses(
  db: Database.Database,
  model: SocialModel,
  ids: IdMinter,
  accounts: Array<{ id: number; username: string }>,
  options: SocialOptions,
): TextGenerator {
  const { s } = model;
  const url = options.publicUrl;
  const tagNames = buildTags(model.tagCount);
  const random = new Random(options.seed + 1);
  const text = new TextGenerator(buildVocabulary(300_000), random);

  const tagFirst = new Float64Array(model.tagCount).fill(-1);
  const tagLast = new Float64Array(model.tagCount);
  for (let i = 0; i < s.count; i++) {
    for (let t = s.tagStart[i] as number; t < (s.tagStart[i + 1] as number); t++) {
      const tag = s.tags[t] as number;
      if (tagFirst[tag] === -1) tagFirst[tag] = s.time[i] as number;
      tagLast[tag] = s.time[i] as number;
    }
  }
  const tagIds = new Float64Array(model.tagCount);
  const insertTag = db.prepare(
    'insert into tags (id, name, name_key, created_at, last_status_at) values (?, ?, ?, ?, ?)',
  );
  for (let tag = 0; tag < model.tagCount; tag++) {
    if (tagFirst[tag] === -1) continue;
    tagIds[tag] = ids.mint(tagFirst[tag] as number);
    const name = tagNames[tag] as string;
    insertTag.run(tagIds[tag], name, name.toLowerCase(), tagFirst[tag], tagLast[tag]);
  }

  const insertStatus = db.prepare(
    `insert into statuses (id, account_id, thread_id, in_reply_to_id, in_reply_to_account_id,
       reblog_of_id, visibility, text, content, spoiler_text, sensitive, language,
       application_id, card_id, replies_count, reblogs_count, favourites_count, created_at, edited_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, null, ?, ?, ?, ?, null)`,
  );
  const insertMention = db.prepare(
    'insert into status_mentions (status_id, account_id) values (?, ?)',
  );
  const insertStatusTag = db.prepare('insert into status_tags (tag_id, status_id) values (?, ?)');
  const index = db.prepare('insert into status_search (rowid, body) values (?, ?)');

  for (let i = 0; i < s.count; i++) {
    const id = s.id[i] as number;
    const author = accounts[s.author[i] as number] as { id: number; username: string };
    const parent = s.parent[i] as number;
    const boost = s.kind[i] === BOOST;
    let plain = '';
    let html = '';
    let spoiler = '';
    if (!boost) {
      // Mastodon-style: a reply starts with the person replied to; other mentions follow.
      let plainMentions = '';
      let htmlMentions = '';
      for (let m = s.mentionStart[i] as number; m < (s.mentionStart[i + 1] as number); m++) {
        const account = accounts[s.mentions[m] as number] as { id: number; username: string };
        insertMention.run(id, account.id);
        const name = account.username;
        if (m === s.mentionStart[i] && s.kind[i] === REPLY) {
          plain = `@${name} `;
          html = `${mentionHtml(url, name)} `;
        } else {
          plainMentions += ` @${name}`;
          htmlMentions += ` ${mentionHtml(url, name)}`;
        }
      }
      const words = text.next();
      plain += words + plainMentions;
      html += words + htmlMentions;
      for (let t = s.tagStart[i] as number; t < (s.tagStart[i + 1] as number); t++) {
        const name = tagNames[s.tags[t] as number] as string;
        insertStatusTag.run(tagIds[s.tags[t] as number], id);
        plain += ` #${name}`;
        html += ` <a href="${url}/tags/${name.toLowerCase()}" class="mention hashtag" rel="tag">#<span>${name}</span></a>`;
      }
      html = `<p>${html}</p>`;
      if (s.spoiler[i]) spoiler = SPOILERS[i % SPOILERS.length] as string;
      index.run(id, `${spoiler}\n${plain}`);
    }
    const replyTo = s.kind[i] === REPLY ? parent : -1;
    insertStatus.run(
      id,
      author.id,
      s.id[s.root[i] as number],
      replyTo === -1 ? null : s.id[replyTo],
      replyTo === -1 ? null : accounts[s.author[replyTo] as number]?.id,
      boost ? s.id[parent] : null,
      VISIBILITIES[s.visibility[i] as number],
      plain,
      html,
      spoiler,
      spoiler ? 1 : 0,
      boost ? null : options.applicationId,
      s.replies[i],
      s.reblogs[i],
      s.favourites[i],
      s.time[i],
    );
  }
  return text;
}

function writeFavourites(db: Database.Database, model: SocialModel, ids: IdMinter) {
  const { favourites, s, accounts } = model;
  const rows = Array.from({ length: favourites.count }, (_, f) => ({
    id: ids.mint(favourites.time[f] as number),
    f,
  })).sort((a, b) => a.id - b.id);
  const insert = db.prepare(
    'insert into favourites (id, account_id, status_id, created_at) values (?, ?, ?, ?)',
  );
  for (const { id, f } of rows) {
    insert.run(
      id,
      accounts[favourites.account[f] as number]?.id,
      s.id[favourites.status[f] as number],
      Math.floor(favourites.time[f] as number),
    );
  }
}

function writeFeeds(db: Database.Database, model: SocialModel) {
  const insert = db.prepare('insert into home_feed (account_id, status_id) values (?, ?)');
  // In primary key order: accounts by id, each feed's statuses by index (= by id).
  const byId = model.accounts
    .map((_, a) => a)
    .sort((x, y) => (model.accounts[x]?.id as number) - (model.accounts[y]?.id as number));
  for (const a of byId) {
    const size = model.feedSize[a] as number;
    const from = a * HOME_FEED_LENGTH;
    const entries = model.feed.slice(from, from + size).sort();
    const accountId = model.accounts[a]?.id;
    for (const i of entries) insert.run(accountId, model.s.id[i]);
  }
}

function writeCounters(db: Database.Database, model: SocialModel) {
  const update = db.prepare(
    `update accounts set statuses_count = ?, followers_count = ?, following_count = ?,
       last_status_at = ? where id = ?`,
  );
  model.accounts.forEach((account, a) => {
    update.run(
      model.statusesCount[a],
      model.followersCount[a],
      model.followingCount[a],
      (model.statusesCount[a] as number) > 0 ? model.lastStatusAt[a] : null,
      account.id,
    );
  });
}

/**
 * The searches the bench measures: the most common word, a rare word that occurs in a
 * handful of statuses, two mid-frequency words together, and a quoted phrase.
 */
function searchCases(db: Database.Database, text: TextGenerator): SearchCase[] {
  const { words, documentFrequency } = text;
  // About ten statuses in a million (at least three in small runs).
  const target = Math.max(3, Math.round(text.documents / 100_000));
  let rare = words[words.length - 1] as string;
  for (let w = words.length - 1; w >= 1000; w--) {
    if (documentFrequency[w] === target) {
      rare = words[w] as string;
      break;
    }
  }
  const count = db.prepare('select count(*) as n from status_search where status_search match ?');
  const matches = (terms: string[]) =>
    (count.get(terms.map((term) => `"${term}"`).join(' ')) as { n: number }).n;
  return [
    { name: 'rare word', q: rare, matches: matches([rare]) },
    { name: 'common word', q: 'the', matches: matches(['the']) },
    { name: 'two words', q: 'deploy staging', matches: matches(['deploy', 'staging']) },
    { name: 'quoted phrase', q: '"design review"', matches: matches(['design review']) },
  ];
}

function summarise(
  db: Database.Database,
  model: SocialModel,
  search: SearchCase[],
  accounts: Array<{ id: number }>,
  viewerIds: number[],
): SocialSeeded {
  const { s } = model;
  const random = new Random(7);
  const counts: Record<string, number> = {};
  for (const table of ['accounts', ...TABLES, 'tags']) {
    counts[table] = (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  }
  counts.replies = s.kind.reduce((sum, kind) => sum + (kind === REPLY ? 1 : 0), 0);
  counts.boosts = s.kind.reduce((sum, kind) => sum + (kind === BOOST ? 1 : 0), 0);

  const perAccount = [...model.statusesCount].sort((a, b) => b - a);
  const top = perAccount.slice(0, Math.round(perAccount.length * 0.15));
  const topShare = top.reduce((sum, c) => sum + c, 0) / Math.max(1, s.count);

  const posters = accounts.filter((_, a) => (model.statusesCount[a] as number) > 0);
  const inThreads: number[] = [];
  for (let i = 0; i < s.count; i++) {
    const conversation = s.kind[i] === REPLY || (s.replies[i] as number) > 0;
    if (conversation && s.visibility[i] === 0) inThreads.push(s.id[i] as number);
  }
  return {
    counts,
    topShare,
    maxFollowers: Math.max(...model.followersCount),
    search,
    posterIds: random.sample(posters, Math.min(500, posters.length)).map((a) => a.id),
    threadStatusIds: random.sample(inThreads, Math.min(500, inThreads.length)),
    staleFollowIds: model.stale.map((a) => accounts[a]?.id as number),
    oldestFeedIds: viewerIds.map(
      (id) =>
        (
          db.prepare('select min(status_id) as id from home_feed where account_id = ?').get(id) as {
            id: number;
          }
        ).id,
    ),
  };
}
