import type { AppContext } from '../context';
import { EventBus } from '../events';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { recordActivityDays } from '../features/analytics/activity.queries';
import { updateResponseTarget } from '../features/analytics/targets.service';
import { createStatus } from '../features/statuses/statuses.service';
import { viewerFrom } from '../http/auth';
import { DAY_MS } from '../lib/time';
import { communityMembersByName, daysWithActs, writers } from './analytics.queries';
import { HOUR_MS } from './clock';
import { type QuestionStamps, restampQuestions } from './questions.queries';
import type { Random } from './random';

/** Where questions wait (customer-facing), where they are answered within the hour or two. */
const COMMUNITY_QUESTIONS: {
  community: string;
  count: number;
  hours: [number, number];
  unanswered: number;
  texts: string[];
}[] = [
  {
    community: 'Acme Customer Forum',
    count: 9,
    hours: [20, 80],
    unanswered: 0.3,
    texts: [
      'Can the nightly export include archived projects as well? Our auditors need them. #exports',
      'Is there a way to see who changed a workflow step last week? #audit',
      'Our single sign-on stopped working for two new joiners this morning. Known issue? #sso',
      'When does the EU data residency option become available for existing tenants? #gdpr',
      'Can we raise the attachment limit for the legal team to 200 MB? #limits',
      'The weekly report email arrives in English for our German users. Can it follow their language? #reports',
      'Do you have a checklist for onboarding a new subsidiary into our account? #onboarding',
      'Is the API rate limit per user or per tenant? #api',
      'Could the dashboard remember the filters each of us last used? #dashboards',
    ],
  },
  {
    community: 'Customer Success Team',
    count: 6,
    hours: [12, 40],
    unanswered: 0.2,
    texts: [
      'Who owns the renewal playbook now that Priya moved teams? #renewals',
      'Do we have a template for the quarterly business review deck? #qbr',
      'How do I flag an account at risk so Sales sees it too? #churn',
      'Is there a way to bulk-assign the new accounts from the Berlin region? #accounts',
      'What is our answer when a customer asks for an on-premise install? #onboarding',
      'Which customers already use the new approvals module? Looking for a reference. #references',
    ],
  },
  {
    community: 'Engineering Guild',
    count: 8,
    hours: [0.3, 3],
    unanswered: 0,
    texts: [
      'Which linter config do new services start from? #tooling',
      'Is there a staging database snapshot newer than last week? #staging',
      'How do I get access to the production read replica for an investigation? #access',
      'What is the timeout budget for calls to the billing service? #billing',
      'Do we still need the feature flag for the new search, or can it go? #flags',
      'Who reviews changes to the shared CI templates? #ci',
      'Which Node version are we standardising on for the next quarter? #node',
      'Is there a runbook for rotating the payment provider keys? #security',
    ],
  },
  {
    community: 'Product Team',
    count: 6,
    hours: [3, 30],
    unanswered: 0.15,
    texts: [
      'Where do we keep the research notes from the admin console interviews? #research',
      'Is the roadmap review moving to Thursdays for good? #roadmap',
      'Who decides the naming of the new approvals module? #naming',
      'Can we get usage numbers for the mobile app by region? #metrics',
      'Should accessibility fixes go into the sprint or the backlog? #accessibility',
      'Is there a template for writing a one-page product brief? #briefs',
    ],
  },
];

/** The organisation's one-person topic: procurement questions only one colleague answers. */
const PROCUREMENT = [
  'How do I raise a purchase order for a conference booth? #procurement',
  'Which suppliers are already approved for laptops? #procurement',
  'Do software subscriptions under 500 EUR need a purchase order? #procurement',
  'Who signs off a new supplier for the Singapore office? #procurement',
  'Can we pay a freelancer by card, or must it go through procurement? #procurement',
  'How long does supplier onboarding take, roughly? #procurement',
  'Is there a framework agreement for translation services? #procurement',
  'Where is the procurement policy for hardware above 5k? #procurement',
];

const ANSWERS = [
  'Yes: I have done this before, here is how it went for us.',
  'Good question. The short answer is yes, with one caveat about approvals.',
  'Not yet; it is planned. I will post here when it lands.',
  'There is a page for this, I will link it once it is updated.',
  'It depends on the region; for most of us the standard process applies.',
];

/**
 * What organisation analytics show in the demo: questions in communities that answer
 * quickly and in customer-facing ones that keep people waiting (against their own
 * target), one topic only one person answers, and the days each person visited, so
 * observers (who read and never write) stand apart from the inactive, and the targets the
 * organisation and its customer forum set themselves. Engineering's
 * isolation comes from the activity plan (cast.ts `departmentAffinity`).
 */
export async function seedAnalytics(
  ctx: AppContext,
  s: { random: Random; now: number; accounts: AccountRow[]; admin: string },
): Promise<{ questions: number; activeDays: number }> {
  const quiet: AppContext = { ...ctx, events: new EventBus(ctx.log) };
  const since = Date.now();
  const stamps: QuestionStamps = { votes: new Map(), accepted: new Map(), suggested: new Map() };
  const byId = new Map(s.accounts.map((row) => [row.id, row]));
  const communities = await communityMembersByName(
    ctx.db,
    COMMUNITY_QUESTIONS.map((entry) => entry.community),
  );
  // Askers and answerers are people who already write: those who only read keep reading.
  const writing = await writers(ctx.db);
  const askersAmong = (people: AccountRow[]) => {
    const known = people.filter((row) => writing.has(row.id));
    return known.length > 0 ? known : people;
  };
  let questions = 0;
  const ask = async (asker: AccountRow, text: string, at: number, communityId: number | null) => {
    questions += 1;
    return createStatus(
      quiet,
      viewerFrom(asker),
      {
        status: text,
        kind: 'question',
        visibility: 'public',
        ...(communityId === null ? {} : { community_id: String(communityId) }),
      },
      { applicationId: null, at },
    );
  };
  const answer = (author: AccountRow, questionId: number, at: number) =>
    createStatus(
      quiet,
      viewerFrom(author),
      { status: s.random.pick(ANSWERS), in_reply_to_id: String(questionId), visibility: 'public' },
      { applicationId: null, at },
    );

  for (const entry of COMMUNITY_QUESTIONS) {
    const community = communities.get(entry.community);
    if (!community) continue;
    const people = community.members
      .map((id) => byId.get(id))
      .filter((row): row is AccountRow => row !== undefined && row.suspended === 0);
    if (people.length < 2) continue;
    for (const text of entry.texts.slice(0, entry.count)) {
      const asker = s.random.pick(askersAmong(people));
      const at = s.now - s.random.int(2, 80) * DAY_MS + s.random.int(8, 17) * HOUR_MS;
      const question = await ask(asker, text, at, community.id);
      if (s.random.chance(entry.unanswered)) continue;
      const [low, high] = entry.hours;
      const answeredAt = Math.round(at + (low + s.random.next() * (high - low)) * HOUR_MS);
      if (answeredAt >= s.now) continue;
      const others = askersAmong(people.filter((row) => row.id !== asker.id));
      await answer(s.random.pick(others), question.id, answeredAt);
    }
  }

  const staff = s.accounts.filter((row) => row.role !== 'guest' && row.suspended === 0);
  const finance = staff.filter((row) => row.department === 'Finance');
  const expert = finance.find((row) => /Procurement/.test(row.title)) ?? finance.find(() => true);
  if (expert) {
    const askers = s.random.sample(
      askersAmong(staff.filter((row) => row.department !== 'Finance')),
      PROCUREMENT.length,
    );
    for (const [index, text] of PROCUREMENT.entries()) {
      const asker = askers[index];
      if (!asker) break;
      const at = s.now - s.random.int(1, 80) * DAY_MS;
      const question = await ask(asker, text, at, null);
      // The most recent one still waits: the one person who knows is away.
      if (index === PROCUREMENT.length - 1) continue;
      await answer(expert, question.id, at + s.random.int(2, 9) * HOUR_MS);
    }
  }
  await restampQuestions(ctx.db, since, stamps);

  // The organisation answers within a day; the customer forum promised its customers more.
  const admin = s.accounts.find((row) => row.username === s.admin);
  const forum = communities.get('Acme Customer Forum');
  if (admin) {
    await updateResponseTarget(quiet, viewerFrom(admin), {
      scope: 'organisation',
      answer_within_hours: 24,
      answered_share: 0.8,
    });
    if (forum) {
      await updateResponseTarget(quiet, viewerFrom(admin), {
        scope: `community:${forum.id}`,
        answer_within_hours: 8,
        answered_share: 0.9,
      });
    }
  }

  return { questions, activeDays: await seedVisits(ctx, s, staff) };
}

/**
 * The days people visited over the last twelve weeks: whoever wrote or reacted was there
 * that day; contributors visit most working days; of those who never write, most look in
 * a couple of times a week (observers) and some never come (inactive).
 */
async function seedVisits(
  ctx: AppContext,
  s: { random: Random; now: number },
  staff: AccountRow[],
): Promise<number> {
  const today = Math.floor(s.now / DAY_MS);
  const since = (today - 84) * DAY_MS;
  const acted = await daysWithActs(ctx.db, since);
  const wrote = new Set(acted.filter((row) => row.wrote).map((row) => row.account_id));
  const reacted = new Set(acted.map((row) => row.account_id));
  const rows = new Map(
    acted.map(({ account_id, day }) => [`${account_id}:${day}`, { account_id, day }]),
  );
  for (const person of staff) {
    // Writers come most days, those who only react now and then (observers), and those
    // who did neither never came (inactive).
    const rate = wrote.has(person.id) ? 0.7 : reacted.has(person.id) ? 0.3 : 0;
    const joined = Math.floor(person.created_at / DAY_MS);
    for (let day = Math.max(today - 84, joined); day <= today; day++) {
      const weekday = new Date(day * DAY_MS).getUTCDay();
      if (weekday === 0 || weekday === 6 || !s.random.chance(rate)) continue;
      rows.set(`${person.id}:${day}`, { account_id: person.id, day });
    }
  }
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += 500) await recordActivityDays(ctx.db, all.slice(i, i + 500));
  return all.length;
}
