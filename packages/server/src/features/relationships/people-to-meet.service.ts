import type { PersonToMeet } from '@rapport/schema';
import type { AppContext } from '../../context';
import { idAt } from '../../db/ids';
import type { Viewer } from '../../http/auth';
import { presentAccount, skillsOf } from '../accounts/accounts.presenter';
import { type AccountRow, findAccountById, findAccountsByIds } from '../accounts/accounts.queries';
import { foldText } from '../accounts/terms';
import { profilesWithTerms } from '../expertise/expertise.queries';
import { visibleAccounts } from '../visibility/account-visibility';
import { loadRelationFacts } from '../visibility/status-facts';
import { accountScope } from '../visibility/visibility';
import { DAY_MS } from './model';
import { optedOutAmong } from './model.queries';
import { presentPersonToMeet } from './people-to-meet.presenter';
import { knownAmong, mutualCounts, recentAuthorsOfTags } from './people-to-meet.queries';
import { requireInsights } from './privacy.service';
import { visibleStatusIds } from './reconnect.service';
import { topicsOf } from './shared.queries';

/** Statuses from the last 180 days say what someone writes about now. */
const WINDOW_DAYS = 180;
/** Bounds on every scan: topics asked about, statuses per topic, profiles by skill. */
const MAX_TOPICS = 20;
const PER_TAG = 30;
const BY_SKILL = 100;
/** Candidates whose mutual contacts are counted, and people answered. */
const SHORTLIST = 50;
const RESULTS = 10;
/** "Few mutual contacts": someone this far from the viewer's circle is worth meeting. */
const FEW_MUTUALS = 2;

/** A profile skill as a topic key, written like a hashtag: "Machine learning" -> machinelearning. */
const topicKey = (skill: string) => foldText(skill).replace(/[^\p{L}\p{N}_]+/gu, '');

const sameDepartment = (a: string, b: string) => foldText(a.trim()) === foldText(b.trim());

interface Candidate {
  account: AccountRow;
  written: Set<string>;
  /** Topic key -> the skill as they wrote it. */
  skills: Map<string, string>;
  otherDepartment: boolean;
  topics: number;
}

/**
 * People outside the viewer's circle who write about what they write about. The viewer's
 * topics are their most used hashtags and their profile skills; candidates are the people
 * who used those hashtags lately (in statuses the viewer may see) or list them as skills,
 * leaving out the viewer, people they already know (recognition or above), people they
 * may not see, suspended people, people across a block and people who turned insights
 * off. Ranked by a score: one point per shared topic, one for working in another
 * department, one for having at most two contacts in common; ties go to more shared
 * topics, then fewer contacts in common.
 */
export async function peopleToMeet(ctx: AppContext, viewer: Viewer): Promise<PersonToMeet[]> {
  await requireInsights(ctx, viewer);
  const now = Date.now();
  const me = await findAccountById(ctx.db, viewer.id);
  if (!me) return [];
  const mySkills = new Map(skillsOf(me).map((skill) => [topicKey(skill), skill]));
  const topics = [...new Set([...(await topicsOf(ctx.db, viewer.id)), ...mySkills.keys()])]
    .filter((topic) => topic.length > 0)
    .slice(0, MAX_TOPICS);
  if (topics.length === 0) return [];
  const topicSet = new Set(topics);

  const [tagged, profiles] = await Promise.all([
    recentAuthorsOfTags(ctx.db, topics, {
      viewerId: viewer.id,
      sinceId: idAt(now - WINDOW_DAYS * DAY_MS),
      perTag: PER_TAG,
    }),
    profilesWithTerms(ctx.db, topics, BY_SKILL),
  ]);
  // Whether someone writes about a topic is read from their newest status with it, and
  // only from statuses the viewer may see.
  const newest = new Map<string, (typeof tagged)[number]>();
  for (const row of tagged) {
    const key = `${row.account_id}:${row.tag}`;
    if (!newest.has(key)) newest.set(key, row);
  }
  const visible = await visibleStatusIds(
    ctx,
    viewer,
    [...newest.values()].map((row) => row.status_id),
  );
  const written = new Map<number, Set<string>>();
  for (const row of newest.values()) {
    if (!visible.has(row.status_id)) continue;
    written.set(row.account_id, (written.get(row.account_id) ?? new Set()).add(row.tag));
  }
  const skilled = new Map<number, Map<string, string>>();
  for (const profile of profiles) {
    const shared = new Map(
      skillsOf(profile)
        .map((skill) => [topicKey(skill), skill] as const)
        .filter(([key]) => topicSet.has(key)),
    );
    if (shared.size > 0) skilled.set(profile.id, shared);
  }

  const ids = [...new Set([...written.keys(), ...skilled.keys()])].filter((id) => id !== viewer.id);
  const [rows, known, optedOut, relations] = await Promise.all([
    findAccountsByIds(ctx.db, ids),
    knownAmong(ctx.db, viewer.id, ids),
    optedOutAmong(ctx.db, ids),
    loadRelationFacts(ctx.db, viewer.id, ids),
  ]);
  const eligible = await visibleAccounts(
    ctx.db,
    viewer,
    rows.filter(
      (row) =>
        row.suspended === 0 &&
        !known.has(row.id) &&
        !optedOut.has(row.id) &&
        !relations.blocked.has(row.id),
    ),
  );
  const candidates: Candidate[] = eligible.map((account) => {
    const skills = skilled.get(account.id) ?? new Map<string, string>();
    const writes = written.get(account.id) ?? new Set<string>();
    const otherDepartment =
      me.department.trim() !== '' &&
      account.department.trim() !== '' &&
      !sameDepartment(me.department, account.department);
    const topicsShared = new Set([...writes, ...skills.keys()]).size;
    return { account, written: writes, skills, otherDepartment, topics: topicsShared };
  });
  const shortlist = candidates
    .sort((a, b) => b.topics + Number(b.otherDepartment) - (a.topics + Number(a.otherDepartment)))
    .slice(0, SHORTLIST);
  const mutuals = await mutualCounts(
    ctx.db,
    viewer.id,
    accountScope(viewer),
    shortlist.map((c) => c.account.id),
  );
  const mutualsOf = (c: Candidate) => mutuals.get(c.account.id) ?? 0;
  const score = (c: Candidate) =>
    c.topics + Number(c.otherDepartment) + Number(mutualsOf(c) <= FEW_MUTUALS);
  return shortlist
    .sort(
      (a, b) =>
        score(b) - score(a) ||
        b.topics - a.topics ||
        mutualsOf(a) - mutualsOf(b) ||
        b.account.id - a.account.id,
    )
    .slice(0, RESULTS)
    .map((c) => {
      const inOrder = topics.filter((t) => c.written.has(t) || c.skills.has(t));
      return presentPersonToMeet({
        account: presentAccount(ctx, c.account),
        written: inOrder.filter((t) => c.written.has(t)),
        skills: inOrder.filter((t) => !c.written.has(t)).map((t) => c.skills.get(t) ?? t),
        topics: inOrder,
        department: c.account.department.trim(),
        otherDepartment: c.otherDepartment,
        mutualContacts: mutualsOf(c),
      });
    });
}
