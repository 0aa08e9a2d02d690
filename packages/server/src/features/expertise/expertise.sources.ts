import type { EvidenceKind } from '@rapport/schema';
import type { AppContext } from '../../context';
import { searchStatusIds } from '../../db/dialect';
import type { Viewer } from '../../http/auth';
import { skillsOf } from '../accounts/accounts.presenter';
import { termsOf } from '../accounts/terms';
import { pageEvidence as findPageEvidence } from '../pages/pages.search';
import { type SeenStatus, seeStatuses } from '../statuses/seen-statuses';
import { profilesWithTerms, replyIdsOf } from './expertise.queries';
import type { Topic } from './topics';

/**
 * One piece of evidence that someone knows about a topic. Sources return only evidence the
 * viewer may see: what a private community's members wrote never explains a ranking to
 * anyone outside it.
 */
export interface EvidenceItem {
  kind: EvidenceKind;
  /** Whose knowledge it shows (a page's co-authors each get one). */
  accountId: number;
  /** The status or page; null for a skill. */
  id: number | null;
  title: string;
  /** When it was written (epoch ms); null for a skill. */
  at: number | null;
  /** Its page in the web app, e.g. `/@ana/123` or `/pages/45`. */
  path: string;
}

/** Finds evidence on a topic, as the viewer may see it. */
export type EvidenceSource = (
  ctx: AppContext,
  viewer: Viewer,
  topic: Topic,
) => Promise<EvidenceItem[]>;

/** The newest statuses on a topic that are read (older ones weigh little after decay). */
const STATUS_MATCHES = 300;
/** Answers read for the questions on a topic. */
const ANSWERS_READ = 300;
/** People read whose profile words match a topic. */
const PROFILES_READ = 500;
const TITLE_LENGTH = 140;

/** A status as one line of text: its content warning if it has one, else its text. */
export function titleOf(status: Pick<SeenStatus, 'content' | 'spoilerText'>): string {
  const text =
    status.spoilerText ||
    status.content
      .replace(/<br\s*\/?>|<\/p>/g, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > TITLE_LENGTH ? `${line.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : line;
}

const statusPath = (status: SeenStatus) => `/@${status.username}/${status.id}`;

/** The statuses on a topic the viewer may see, read once per ranking (several sources use them). */
const matches = new WeakMap<Topic, Map<number, Promise<SeenStatus[]>>>();

function visibleMatches(ctx: AppContext, viewer: Viewer, topic: Topic): Promise<SeenStatus[]> {
  let byViewer = matches.get(topic);
  if (!byViewer) {
    byViewer = new Map();
    matches.set(topic, byViewer);
  }
  let found = byViewer.get(viewer.id);
  if (!found) {
    found = searchStatusIds(ctx.db, topic.query, undefined, STATUS_MATCHES).then((ids) =>
      seeStatuses(ctx, viewer, ids),
    );
    byViewer.set(viewer.id, found);
  }
  return found;
}

const answerKind = (status: SeenStatus): EvidenceKind =>
  status.answer?.accepted ? 'accepted_answer' : status.answer ? 'answer' : 'status';

/**
 * Statuses on the topic (its words in the text index). Asking a question shows interest,
 * not knowledge, so questions do not count; an answer that mentions the topic counts as an
 * answer (accepted or not).
 */
export const statusEvidence: EvidenceSource = async (ctx, viewer, topic) => {
  const shown = await visibleMatches(ctx, viewer, topic);
  return shown
    .filter((status) => status.kind !== 'question')
    .map((status) => ({
      kind: answerKind(status),
      accountId: status.accountId,
      id: status.id,
      title: titleOf(status),
      at: Date.parse(status.createdAt),
      path: statusPath(status),
    }));
};

/**
 * Answers to the questions on the topic, accepted or not, whatever words the answers
 * themselves use; titled with the question they answer.
 */
export const answerEvidence: EvidenceSource = async (ctx, viewer, topic) => {
  const questions = (await visibleMatches(ctx, viewer, topic)).filter(
    (status) => status.kind === 'question',
  );
  if (questions.length === 0) return [];
  const titles = new Map(questions.map((question) => [question.id, titleOf(question)]));
  const replyIds = await replyIdsOf(
    ctx.db,
    questions.map((question) => question.id),
    ANSWERS_READ,
  );
  const answers = await seeStatuses(ctx, viewer, replyIds);
  return answers
    .filter((status) => status.answer !== null)
    .map((status) => ({
      kind: answerKind(status),
      accountId: status.accountId,
      id: status.id,
      title: titles.get(Number(status.inReplyToId)) ?? titleOf(status),
      at: Date.parse(status.createdAt),
      path: statusPath(status),
    }));
};

/**
 * A skill matches a topic when every word of the topic is in the skill ("research" matches
 * "User research") or every word of the skill is in the topic ("kubernetes cronjobs"
 * matches "Kubernetes").
 */
export function skillMatches(skill: string, topicWords: string[]): boolean {
  const words = termsOf(skill);
  if (words.length === 0 || topicWords.length === 0) return false;
  return (
    topicWords.every((word) => words.includes(word)) ||
    words.every((word) => topicWords.includes(word))
  );
}

/** Skills people list on their profile. The ranking keeps only people the viewer may see. */
export const skillEvidence: EvidenceSource = async (ctx, _viewer, topic) => {
  const found: EvidenceItem[] = [];
  // Many people list the same skills: each distinct one is matched once.
  const matching = new Map<string, boolean>();
  for (const row of await profilesWithTerms(ctx.db, topic.words, PROFILES_READ)) {
    for (const skill of skillsOf(row)) {
      let matches = matching.get(skill);
      if (matches === undefined) {
        matches = skillMatches(skill, topic.words);
        matching.set(skill, matches);
      }
      if (!matches) continue;
      found.push({
        kind: 'skill',
        accountId: row.id,
        id: null,
        title: skill,
        at: null,
        path: `/@${row.username}`,
      });
    }
  }
  return found;
};

/**
 * Knowledge pages on the topic the viewer may read: one item per author or co-author of
 * each, dated by their last revision of it.
 */
export const pageEvidence: EvidenceSource = async (ctx, viewer, topic) =>
  (await findPageEvidence(ctx, viewer, topic.text)).map((item) => ({
    kind: 'page',
    accountId: item.accountId,
    id: Number(item.id),
    title: item.title,
    at: Date.parse(item.at),
    path: `/pages/${item.id}`,
  }));

/** Every source the ranking asks, in no particular order (each item is weighed by kind). */
export const EVIDENCE_SOURCES: readonly EvidenceSource[] = [
  answerEvidence,
  statusEvidence,
  skillEvidence,
  pageEvidence,
];
