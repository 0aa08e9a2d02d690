import type { KnowledgeRemedy, KnowledgeRiskReport, KnowledgeTopic } from '@rapport/schema';
import type { Db } from '../../db/tables';
import { foldText } from '../accounts/terms';
import { frameOf, type ReportInput, suppressedReport } from './analytics.service';
import {
  answersToQuestions,
  communityFacts,
  listedSkills,
  questionTags,
  revisionsWritten,
} from './knowledge-risk.queries';
import { scopeQuestions } from './responsiveness';
import { type AskedQuestion, optedOutIds } from './responsiveness.queries';
import { scopeMembers } from './scope.queries';
import { busFactor, sum } from './stats';

/** What the knowledge-risk computation is given: a report's input and where the web app is. */
export interface KnowledgeRiskInput extends ReportInput {
  publicUrl: string;
}

/**
 * A topic is AT RISK when its answers and pages come from two people or fewer (bus factor
 * 2 or less; 0 when nobody answers at all) while people keep asking about it: at least two
 * questions in the period (a single question is a one-off, two are a need).
 */
export const AT_RISK = { maxBusFactor: 2, minQuestions: 2 } as const;
/** The most topics a report lists, riskiest first. */
export const MAX_TOPICS = 50;

/** How a skill and a hashtag are compared: case, accents, spaces and punctuation aside. */
export function skillKey(text: string): string {
  return foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');
}

interface Tally {
  kind: KnowledgeTopic['kind'];
  key: string;
  name: string;
  url: string;
  /** Answers plus page revisions, per person: what the bus factor counts. */
  perPerson: Map<number, number>;
  askers: Set<number>;
  answers: number;
  pages: number;
  questions: number;
  unanswered: number;
  listedBy: number;
  /** A community with a page (of any time): asking for one would be pointless. */
  hasPage: boolean;
  communityId: number | null;
}

function tally(
  fields: Pick<Tally, 'kind' | 'key' | 'name' | 'url' | 'listedBy' | 'communityId'>,
): Tally {
  return {
    ...fields,
    perPerson: new Map(),
    askers: new Set(),
    answers: 0,
    pages: 0,
    questions: 0,
    unanswered: 0,
    hasPage: false,
  };
}

const add = (counts: Map<number, number>, id: number) => counts.set(id, (counts.get(id) ?? 0) + 1);

/**
 * How many people list each skill (anyone in the organisation may become a topic's
 * backup), by skillKey, with the spelling most of them use.
 */
function skillsListed(lists: string[]): Map<string, { name: string; people: number }> {
  const spellings = new Map<string, Map<string, number>>();
  for (const list of lists) {
    const mine = new Map<string, string>();
    for (const skill of JSON.parse(list) as string[]) {
      const key = skillKey(skill);
      if (key) mine.set(key, skill.trim());
    }
    for (const [key, spelling] of mine) {
      const counts = spellings.get(key) ?? new Map<string, number>();
      counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
      spellings.set(key, counts);
    }
  }
  const skills = new Map<string, { name: string; people: number }>();
  for (const [key, counts] of spellings) {
    const [first] = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
    skills.set(key, { name: first?.[0] ?? key, people: sum([...counts.values()]) });
  }
  return skills;
}

/**
 * THE KNOWLEDGE-RISK REPORT. Topics are the hashtags of the questions asked in the period
 * (a hashtag people also list as a skill on their profiles is reported as that skill) and
 * the communities questions were asked in or pages written in. A topic's knowledge is its
 * answers (replies to its questions by others than the asker; an answer belongs to its
 * question's hashtags and community) and its pages (revisions of a community's pages; pages
 * carry no hashtags). Its bus factor is the fewest people who wrote at least half of that
 * knowledge (stats.ts). Topics fewer than `min_group_size` people took part in (asking,
 * answering, writing) are left out and counted, and no expert is ever named.
 */
export async function computeKnowledgeRisk(
  db: Db,
  input: KnowledgeRiskInput,
): Promise<KnowledgeRiskReport> {
  const members = await scopeMembers(db, input.scope, input.period.to);
  if (members.length < input.minGroupSize) return suppressedReport(input);
  const topics = tallyTopics(await readKnowledge(db, input, members), input.publicUrl);
  const facts = await communityFacts(
    db,
    [...topics.values()].flatMap((found) => found.communityId ?? []),
  );
  let hidden = 0;
  const shown: KnowledgeTopic[] = [];
  for (const found of topics.values()) {
    if (found.communityId !== null) {
      const fact = facts.get(found.communityId);
      if (!fact) continue;
      found.name = fact.name;
      found.hasPage = fact.hasPages;
    }
    const people = new Set([...found.askers, ...found.perPerson.keys()]);
    if (people.size < input.minGroupSize) {
      hidden += 1;
      continue;
    }
    shown.push(present(found));
  }
  // Riskiest first: at risk, then the fewest people, then the most asked.
  shown.sort(
    (a, b) =>
      Number(b.at_risk) - Number(a.at_risk) ||
      a.bus_factor - b.bus_factor ||
      b.questions_asked - a.questions_asked ||
      a.name.localeCompare(b.name),
  );
  return {
    ...frameOf(input),
    suppressed: false,
    topics: shown.slice(0, MAX_TOPICS),
    hidden_topics: hidden,
  };
}

interface Knowledge {
  questions: AskedQuestion[];
  /** Who answered each question (once per answer). */
  answerersOf: Map<number, number[]>;
  tags: Array<{ questionId: number; name: string; nameKey: string }>;
  /** Revisions of community pages, by the people the scope counts. */
  revisions: Array<{ communityId: number; authorId: number }>;
  skills: Map<string, { name: string; people: number }>;
}

/**
 * What the scope asked, answered and wrote in the period. Beyond the organisation, people
 * who opted out are not counted (scope.queries.ts); a department's pages are those its
 * members wrote.
 */
async function readKnowledge(
  db: Db,
  input: KnowledgeRiskInput,
  members: number[],
): Promise<Knowledge> {
  const { scope, period } = input;
  const [questions, answers, tags, revisions, skillLists, optedOut] = await Promise.all([
    scopeQuestions(db, input, members),
    answersToQuestions(db, scope, period),
    questionTags(db, scope, period),
    revisionsWritten(db, scope, period),
    listedSkills(db),
    scope.kind === 'organisation' ? new Set<number>() : optedOutIds(db),
  ]);
  const asked = new Set(questions.map((question) => question.id));
  const answerersOf = new Map<number, number[]>();
  for (const answer of answers) {
    if (!asked.has(answer.questionId) || optedOut.has(answer.accountId)) continue;
    const answerers = answerersOf.get(answer.questionId) ?? [];
    answerers.push(answer.accountId);
    answerersOf.set(answer.questionId, answerers);
  }
  const departmentMembers = scope.kind === 'department' ? new Set(members) : null;
  return {
    questions,
    answerersOf,
    tags: tags.filter((tag) => asked.has(tag.questionId)),
    revisions: revisions.flatMap(({ communityId, authorId }) =>
      communityId !== null &&
      !optedOut.has(authorId) &&
      (departmentMembers === null || departmentMembers.has(authorId))
        ? [{ communityId, authorId }]
        : [],
    ),
    skills: skillsListed(skillLists),
  };
}

/** Every topic's tally: its questions, the answers to them, and its page revisions. */
function tallyTopics(knowledge: Knowledge, publicUrl: string): Map<string, Tally> {
  const topics = new Map<string, Tally>();
  const topic = (id: string, make: () => Tally) => {
    let found = topics.get(id);
    if (!found) {
      found = make();
      topics.set(id, found);
    }
    return found;
  };
  const url = (path: string) => `${publicUrl}${path}`;
  const communityTopic = (id: number) =>
    topic(`community:${id}`, () =>
      tally({
        kind: 'community',
        key: String(id),
        name: '',
        url: url(`/communities/${id}`),
        listedBy: 0,
        communityId: id,
      }),
    );
  const tagTopic = (tag: { name: string; nameKey: string }) => {
    const skill = knowledge.skills.get(skillKey(tag.name));
    if (skill) {
      return topic(`skill:${skillKey(tag.name)}`, () =>
        tally({
          kind: 'skill',
          key: skill.name,
          name: skill.name,
          url: url(`/experts?topic=${encodeURIComponent(skill.name)}`),
          listedBy: skill.people,
          communityId: null,
        }),
      );
    }
    return topic(`hashtag:${tag.nameKey}`, () =>
      tally({
        kind: 'hashtag',
        key: tag.nameKey,
        name: tag.name,
        url: url(`/tags/${encodeURIComponent(tag.name)}`),
        listedBy: 0,
        communityId: null,
      }),
    );
  };

  // A set per question: two hashtags naming the same skill count it once.
  const topicsOf = new Map<number, Set<Tally>>();
  for (const tag of knowledge.tags) {
    const set = topicsOf.get(tag.questionId) ?? new Set<Tally>();
    set.add(tagTopic(tag));
    topicsOf.set(tag.questionId, set);
  }
  for (const question of knowledge.questions) {
    const set = topicsOf.get(question.id) ?? new Set<Tally>();
    if (question.communityId !== null) set.add(communityTopic(question.communityId));
    const answerers = knowledge.answerersOf.get(question.id) ?? [];
    for (const found of set) countQuestion(found, question, answerers);
  }
  for (const revision of knowledge.revisions) {
    const found = communityTopic(revision.communityId);
    found.pages += 1;
    add(found.perPerson, revision.authorId);
  }
  return topics;
}

function countQuestion(found: Tally, question: AskedQuestion, answerers: number[]) {
  found.questions += 1;
  found.askers.add(question.askerId);
  if (question.firstAnswerAt === null) found.unanswered += 1;
  for (const answerer of answerers) {
    found.answers += 1;
    add(found.perPerson, answerer);
  }
}

/**
 * A topic as the report shows it, with its remedies: a page when its answers live only in
 * threads (write_page), a second person when one answers everything (backup_responder),
 * and its waiting questions (answer_queue).
 */
function present(found: Tally): KnowledgeTopic {
  const bus = busFactor([...found.perPerson.values()]);
  const remedies: KnowledgeRemedy[] = [];
  if (found.answers > 0 && !found.hasPage) remedies.push('write_page');
  if (bus === 1) remedies.push('backup_responder');
  if (found.unanswered > 0) remedies.push('answer_queue');
  return {
    kind: found.kind,
    key: found.key,
    name: found.name,
    url: found.url,
    bus_factor: bus,
    contributors: found.perPerson.size,
    answers: found.answers,
    pages: found.pages,
    questions_asked: found.questions,
    unanswered: found.unanswered,
    listed_by: found.listedBy,
    at_risk: bus <= AT_RISK.maxBusFactor && found.questions >= AT_RISK.minQuestions,
    remedies,
  };
}
