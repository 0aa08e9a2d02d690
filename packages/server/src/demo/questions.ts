import type { AppContext } from '../context';
import { EventBus } from '../events';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { acceptAnswer, voteForAnswer } from '../features/questions/questions.service';
import { notifyAnswerers } from '../features/questions/suggestions.service';
import { createStatus } from '../features/statuses/statuses.service';
import { viewerFrom } from '../http/auth';
import { DAY_MS } from '../lib/time';
import { type QuestionStamps, restampQuestions } from './questions.queries';
import type { Random } from './random';

const HOUR_MS = 60 * 60 * 1000;

interface DemoQuestion {
  /** The skill of the people who answer (from their profiles). */
  skill: string;
  /** The asker works here: answers come from colleagues they may never have met. */
  askedIn: string;
  daysAgo: number;
  text: string;
  answers: Array<{ text: string; accepted?: boolean }>;
}

/** Questions asked across the organisation over the last weeks, and what people answered. */
const QUESTIONS: DemoQuestion[] = [
  {
    skill: 'Kubernetes',
    askedIn: 'Customer Success',
    daysAgo: 26,
    text: 'Does anyone have a working example of a Kubernetes CronJob that retries with backoff? The export job for Contoso either retries forever or never. #kubernetes',
    answers: [
      {
        text: 'Set backoffLimit on the Job template with restartPolicy: OnFailure, and activeDeadlineSeconds so it cannot run forever. The billing exporter does exactly this; the manifest is in the platform repo.',
        accepted: true,
      },
      { text: 'We wrapped ours in a retry script at first, but backoffLimit is the cleaner way.' },
    ],
  },
  {
    skill: 'PostgreSQL',
    askedIn: 'Product',
    daysAgo: 22,
    text: 'PostgreSQL question: can we add an index to the big events table during the day (CREATE INDEX CONCURRENTLY), or must it wait for the maintenance window? #postgresql',
    answers: [
      {
        text: 'Concurrently is fine during the day. Check pg_stat_activity for long transactions first: they make it wait.',
        accepted: true,
      },
      { text: 'And keep an eye on replica lag while it builds.' },
    ],
  },
  {
    skill: 'Figma',
    askedIn: 'Marketing',
    daysAgo: 19,
    text: 'Is there a Figma library with the new icon set, or do we still copy from the old file? #design',
    answers: [
      {
        text: 'The Meridian UI library has them since last sprint: enable it under Assets, then Libraries.',
        accepted: true,
      },
    ],
  },
  {
    skill: 'Salesforce',
    askedIn: 'Finance',
    daysAgo: 16,
    text: 'How do I record a renewal in Salesforce when the customer moves to a new legal entity mid-contract? #salesforce',
    answers: [
      {
        text: 'Close the old opportunity as won, open the renewal on the new account and link the two with the Predecessor field.',
      },
      { text: 'Tell deal desk as well: they adjust the ARR report by hand for now.' },
    ],
  },
  {
    skill: 'Accessibility',
    askedIn: 'Engineering',
    daysAgo: 14,
    text: 'Which screen reader should we test the admin console with first? #accessibility',
    answers: [
      {
        text: 'NVDA with Firefox on Windows covers most of our customers; VoiceOver with Safari second.',
        accepted: true,
      },
      { text: 'JAWS still matters for the public sector deals, if you have a licence.' },
    ],
  },
  {
    skill: 'SQL',
    askedIn: 'Sales',
    daysAgo: 12,
    text: 'Is there a SQL snippet to count weekly active admins per customer? Preparing the QBR for Fabrikam. #sql',
    answers: [
      {
        text: "Count distinct account ids per customer and week over admin_sessions; the query is saved as 'Weekly admins' in the analytics workspace.",
        accepted: true,
      },
    ],
  },
  {
    skill: 'Terraform',
    askedIn: 'Engineering',
    daysAgo: 9,
    text: 'What is the safest way to import existing buckets into Terraform without recreating them? #terraform',
    answers: [
      { text: 'terraform import, one bucket at a time, then plan until it shows no changes.' },
      { text: 'On 1.5 and later use import blocks: they go through review like any other change.' },
    ],
  },
  {
    skill: 'Pricing',
    askedIn: 'Sales',
    daysAgo: 7,
    text: 'Do we discount the enterprise tier for nonprofits, and who approves it? #pricing',
    answers: [
      {
        text: 'Yes, 30% off list. Anything beyond that goes to the pricing committee on Thursdays.',
        accepted: true,
      },
    ],
  },
  {
    skill: 'Onboarding',
    askedIn: 'Engineering',
    daysAgo: 5,
    text: 'What should the first week of a new engineer look like? Looking for an onboarding checklist to reuse. #onboarding',
    answers: [
      {
        text: 'There is a checklist on the wiki under People, Onboarding: laptop, buddy, first small change shipped by Friday.',
        accepted: true,
      },
      { text: 'Add a coffee with someone from Customer Success: it helps a lot.' },
    ],
  },
  {
    skill: 'Security',
    askedIn: 'Customer Success',
    daysAgo: 3,
    text: 'Do we have a standard answer pack for security questionnaires about encryption at rest? #security',
    answers: [
      {
        text: 'Yes: the Trust folder has the pack, updated every quarter. Ask in #security if a question is not covered.',
      },
    ],
  },
  // Still open.
  {
    skill: 'Kotlin',
    askedIn: 'Product',
    daysAgo: 2,
    text: 'Which coroutine scope should the new sync worker use in the Android app, and who owns that code? #kotlin',
    answers: [],
  },
  {
    skill: 'Forecasting',
    askedIn: 'Customer Success',
    daysAgo: 1.5,
    text: 'Any tips for forecasting churn in the first 90 days of a contract? #forecasting',
    answers: [],
  },
  {
    skill: 'Zendesk',
    askedIn: 'Engineering',
    daysAgo: 0.3,
    text: 'Can Zendesk tickets be linked to our incident timeline automatically? #zendesk',
    answers: [],
  },
];

/** The question addressed to Ana: she is mentioned, and asked as someone who may know. */
const FOR_ANA = {
  askedIn: 'Customer Success',
  daysAgo: 1,
  text: (ana: string) =>
    `@${ana} customers keep asking when the onboarding checklist arrives in the admin console. Is it on the roadmap? #onboarding #roadmap`,
};

/**
 * Questions asked organisation-wide over the last four weeks, answered by people with the
 * skill (from other departments than the asker's), with votes and accepted answers, a few
 * still unanswered, and one addressed to Ana, written through the real services.
 */
export async function seedQuestions(
  ctx: AppContext,
  s: { random: Random; now: number; accounts: AccountRow[]; ana: string },
): Promise<number> {
  // Written quietly, as the rest of the history (nobody listens while a demo is made).
  const quiet: AppContext = { ...ctx, events: new EventBus(ctx.log) };
  const since = Date.now();
  const stamps: QuestionStamps = { votes: new Map(), accepted: new Map(), suggested: new Map() };
  const staff = s.accounts.filter((row) => row.role !== 'guest' && row.suspended === 0);
  const inDepartment = (name: string) => staff.filter((row) => row.department === name);
  const skilled = (skill: string) =>
    staff.filter((row) => (JSON.parse(row.skills) as string[]).includes(skill));
  let asked = 0;

  for (const entry of QUESTIONS) {
    const asker = s.random.pick(inDepartment(entry.askedIn));
    const at = s.now - entry.daysAgo * DAY_MS;
    const question = await createStatus(
      quiet,
      viewerFrom(asker),
      { status: entry.text, kind: 'question', visibility: 'public' },
      { applicationId: null, at },
    );
    asked += 1;
    // Colleagues from other departments first: people the asker may never have met.
    const able = skilled(entry.skill).filter((row) => row.id !== asker.id);
    const elsewhere = able.filter((row) => row.department !== asker.department);
    const answerers = s.random.sample(
      elsewhere.length >= entry.answers.length ? elsewhere : able,
      entry.answers.length,
    );
    let answeredAt = at;
    for (const [index, answer] of entry.answers.entries()) {
      const author = answerers[index];
      if (!author) break;
      answeredAt += s.random.int(1, 6) * HOUR_MS;
      const posted = await createStatus(
        quiet,
        viewerFrom(author),
        { status: answer.text, in_reply_to_id: String(question.id), visibility: 'public' },
        { applicationId: null, at: answeredAt },
      );
      const voters = s.random.sample(
        staff.filter((row) => row.id !== author.id),
        answer.accepted ? s.random.int(2, 6) : s.random.int(0, 3),
      );
      for (const voter of voters) {
        await voteForAnswer(quiet, viewerFrom(voter), posted.id);
        const votedAt = answeredAt + s.random.int(1, 20) * HOUR_MS;
        stamps.votes.set(`${voter.id}:${posted.id}`, Math.min(s.now, votedAt));
      }
      if (answer.accepted) {
        await acceptAnswer(quiet, viewerFrom(asker), question.id, posted.id);
        const acceptedAt = answeredAt + s.random.int(1, 12) * HOUR_MS;
        stamps.accepted.set(posted.id, Math.min(s.now, acceptedAt));
      }
    }
  }

  const ana = staff.find((row) => row.username === s.ana);
  const asker = s.random.pick(inDepartment(FOR_ANA.askedIn));
  if (ana) {
    const at = s.now - FOR_ANA.daysAgo * DAY_MS;
    const question = await createStatus(
      quiet,
      viewerFrom(asker),
      { status: FOR_ANA.text(ana.username), kind: 'question', visibility: 'public' },
      { applicationId: null, at },
    );
    await notifyAnswerers(quiet, viewerFrom(asker), question.id, [ana.id]);
    stamps.suggested.set(question.id, at + 10 * 60 * 1000);
    asked += 1;
  }
  await restampQuestions(ctx.db, since, stamps);
  return asked;
}
