import { RELEASE, type Writer } from './writing';

/**
 * What each department posts about: project updates, questions to colleagues (the skill
 * says who could answer) and things learnt. Every template draws its numbers, customers
 * and colleagues from the writer, so no two statuses come out the same.
 */
export type Template = (w: Writer) => string;
export interface Question {
  skill: string;
  text: Template;
}
export interface DepartmentTopics {
  updates: Template[];
  questions: Question[];
  learnt: Template[];
}

const INCIDENTS = [
  ['login slowdown', 'a connection pool sized for last year'],
  ['webhook delays', 'a queue consumer stuck on one malformed message'],
  ['billing export failure', 'an expired certificate on the SFTP host'],
  ['search outage', 'a mapping change that needed a full reindex'],
  ['mobile push gap', 'a rotated signing key nobody told the app about'],
] as const;

const ADMIN_FEATURES = [
  'export the member list as CSV',
  'resend an invitation in one click',
  'see when someone last signed in',
  'assign roles in bulk',
  'filter the audit log by person',
];

const INTERVIEW_THEMES = [
  'nobody reads the permission screens',
  'exports are used as a backup strategy',
  'SSO setup is still the biggest hurdle',
  'they want audit logs they can hand to their auditors',
];

const LOST_DEAL_GAPS = [
  'SCIM provisioning',
  'an EU-only data residency option',
  'offline mobile access',
  'granular audit exports',
];

const SUPPORT_TOPICS = [
  'the new navigation',
  'SSO certificates',
  'invitation emails',
  'CSV imports',
  'notification settings',
];

export const TOPICS: Record<string, DepartmentTopics> = {
  Engineering: {
    updates: [
      (w) =>
        `Lantern update: the new search index now serves ${w.int(10, 60)}% of production queries. p95 latency went from ${w.int(600, 900)} ms to ${w.int(120, 250)} ms. Dashboards and rollout plan: ${w.wiki('engineering/lantern/rollout')} #engineering`,
      (w) => {
        const [incident, cause] = w.pick(INCIDENTS);
        return `Postmortem for ${w.weekday()}'s ${incident} is up: ${w.wiki(`engineering/postmortems/${w.slug(incident)}`)}\n\nShort version: ${cause}. Thanks ${w.colleague()} for the quick rollback. #engineering #incident`;
      },
      (w) =>
        `Harbour: invoices for ${w.int(2, 9)} more countries now run through the new billing platform. ${w.colleague()} and I are pairing on the tax rounding edge cases next. #engineering`,
      (w) =>
        `We cut CI time on the main repository from ${w.int(18, 26)} to ${w.int(7, 12)} minutes by splitting the test suite and caching dependencies. How: ${w.wiki('engineering/ci/faster-builds')} #engineering`,
      (w) =>
        `Beacon (mobile 3.0) beta build ${w.int(40, 70)} is out for internal testing. Offline mode is in: please try it on the train and tell me what breaks. #engineering`,
      (w) =>
        `Reminder: the public API v2 endpoints switch off at the end of the month. ${w.int(3, 12)} customers still call them; Customer Success has the list. Migration guide: ${w.wiki('engineering/api/v2-to-v3')} #engineering`,
      (w) =>
        `Upgraded the reporting database this morning with ${w.int(2, 6)} minutes of read-only time and no surprises. Huge thanks to ${w.colleague()} for two rehearsals. #engineering`,
      (w) =>
        `On-call handover: quiet week, ${w.int(2, 6)} pages, all from the disk alert on the log hosts. Threshold raised and runbook updated: ${w.wiki('engineering/runbooks/log-disk')} #engineering`,
      (w) => {
        const part = w.pick(['notifications', 'exports', 'webhooks']);
        return `Architecture review on ${w.weekday()}: moving ${part} out of the monolith into its own service. The RFC is open for comments from anyone: ${w.wiki(`engineering/rfcs/${part}-service`)} #engineering`;
      },
      (w) =>
        `Pairing with ${w.colleague()} on flaky tests this week. We found ${w.int(4, 15)} tests sharing one database fixture; now fixed, and the suite has been green ${w.int(20, 60)} runs in a row. #engineering`,
      (w) =>
        `Dependency day: ${w.int(40, 120)} packages updated across ${w.int(3, 9)} services, zero incidents. The bot does the boring part now; setup notes in ${w.wiki('engineering/dependencies')} #engineering`,
    ],
    questions: [
      {
        skill: 'Kubernetes',
        text: () =>
          'Does anyone have a working example of a Kubernetes CronJob that retries with backoff? Ours either retries forever or never. #engineering #help',
      },
      {
        skill: 'PostgreSQL',
        text: () =>
          "PostgreSQL question: what's our policy for adding indexes to the big events table in production? Concurrently and hope, or is there a maintenance window? #help",
      },
      {
        skill: 'Terraform',
        text: (w) =>
          `Who owns the Terraform state for the staging network? I need to open a port for the ${w.project().name} preview environments. #help`,
      },
      {
        skill: 'Observability',
        text: (w) =>
          `Is there a dashboard with error rates per customer? ${w.customer()} is asking and I'd rather not build one if it already exists. #help`,
      },
      {
        skill: 'Security',
        text: () =>
          'Can we store customer API keys in the new secrets manager, or is it only for our own services? #security #help',
      },
      {
        skill: 'React',
        text: () =>
          'React folks: are we moving the admin console to the new data-fetching hooks, or keeping the old store for now? #engineering',
      },
    ],
    learnt: [
      () =>
        'TIL: PostgreSQL can build an index without blocking writes (CREATE INDEX CONCURRENTLY), but not inside a transaction. Learnt that the slow way this morning. #til',
      () =>
        'TIL: git worktree lets you have two branches checked out at once. No more stashing to review a pull request. #til',
      (w) =>
        `TIL our oldest running service is ${w.int(7, 11)} years old and still deploys from a Makefile. Respect. #til #engineering`,
    ],
  },
  Product: {
    updates: [
      (w) =>
        `Atlas update: the new onboarding checklist is live for ${w.int(20, 80)}% of new workspaces. Early signal: time to first invitation dropped from ${w.int(4, 6)} days to ${w.int(1, 3)}. Readout: ${w.wiki('product/atlas/readout')} #product #onboarding`,
      (w) => {
        const [a, b] = w.random.sample(
          ['Contoso Bank', 'Fabrikam', 'Litware', 'Tailwind Health', 'Woodgrove Bank'],
          2,
        );
        return `Customer interviews this week: ${w.int(4, 9)} admins from ${a}, ${b} and others. Recurring theme: ${w.pick(INTERVIEW_THEMES)}. Notes: ${w.wiki('product/research/interviews')} #product`;
      },
      (w) =>
        `Shipped a small one: admins can now ${w.pick(ADMIN_FEATURES)}. It came straight from a support ticket by ${w.customer()}. Thanks ${w.colleague()} for the quick turnaround! #product`,
      (w) =>
        `Pricing experiment: defaulting the plan toggle to "annual" lifted annual conversions by ${w.int(6, 18)}% with no drop in sign-ups. Writing it up in ${w.wiki('product/experiments/annual-default')} #product`,
      (w) => {
        const topic = w.pick(['roles and permissions', 'data exports', 'SSO setup', 'retention']);
        return `The admin guide has a new chapter on ${topic}. About ${w.int(20, 60)} support tickets a month were about this. ${w.wiki(`product/docs/${w.slug(topic)}`)} #product #customersuccess`;
      },
      (w) =>
        `Product review on ${w.weekday()}: Compass wireframes with ${w.colleague()}. Bring your opinions on navigation. #product`,
      (w) =>
        `Weekly metrics: active admins up ${w.int(3, 12)}% since ${RELEASE}, reporting usage up ${w.int(10, 40)}%. Dashboard: ${w.wiki('product/metrics/weekly')} #product`,
      (w) =>
        `Draft roadmap for next quarter: ${w.wiki('product/roadmap/next-quarter')}\n\nBiggest bets: ${w.project().what} and better reporting. Tell me what's missing. #product`,
    ],
    questions: [
      {
        skill: 'SQL',
        text: () =>
          'Can someone with SQL superpowers help me pull activation by sign-up cohort for the last six months? Happy to trade cake. #help',
      },
      {
        skill: 'User research',
        text: (w) =>
          `Looking for ${w.int(3, 6)} customers who left last quarter and might talk to us for 30 minutes. Anyone have a warm contact? #product #help`,
      },
      {
        skill: 'Analytics',
        text: () =>
          'Which event should count as "activated": first invitation sent, or first project created? I keep finding both in different dashboards. #product',
      },
      {
        skill: 'Experimentation',
        text: () =>
          'Do we have a minimum sample size rule for A/B tests, or do we eyeball it? Asking before I call the checklist experiment. #product #help',
      },
    ],
    learnt: [
      (w) =>
        `TIL the most used thing in the admin console is the search box: ${w.int(30, 55)}% of sessions start there. #til #product`,
    ],
  },
  Design: {
    updates: [
      (w) =>
        `Design system ${w.int(3, 4)}.${w.int(0, 9)} is out: a new date picker, better focus rings, and tables finally get sticky headers. Changelog: ${w.wiki('design/system/changelog')} #design`,
      (w) =>
        `Accessibility audit of the admin console: ${w.int(12, 30)} issues, ${w.int(4, 10)} of them colour contrast. Fixes are in the backlog; the write-up: ${w.wiki('design/accessibility/admin-console-audit')} #design #accessibility`,
      (w) =>
        `Compass: second round of usability testing done. ${w.int(4, 6)} of 6 participants found the new settings without help (2 of 6 last time). #design`,
      (w) =>
        `Work in progress: Beacon's new home screen. Feedback very welcome, especially from people who use the app on the move. Prototype: ${w.wiki('design/beacon/home-screen')} #design`,
      (w) =>
        `Research operations: ${w.int(40, 120)} customers have agreed to be contacted for research. Ask ${w.colleague()} before reaching out, so nobody gets five invitations in a week. #design`,
      (w) =>
        `Content tip: write buttons as verbs ("Send invitation"), not nouns ("Invitation"). Our new guide: ${w.wiki('design/content/buttons')} #design`,
      (w) =>
        `Illustrations for the ${RELEASE} launch page are done! Thanks ${w.someoneElse()} for such a clear brief. #design #launch`,
    ],
    questions: [
      {
        skill: 'Accessibility',
        text: () =>
          'Does anyone know whether our PDF exports must be accessible under the public sector contracts? Trying to scope the work. #accessibility #help',
      },
      {
        skill: 'Figma',
        text: (w) =>
          `Figma wizards: is there a way to swap every instance of an old icon library at once? I have ${w.int(12, 40)} files to update. #help`,
      },
      {
        skill: 'User research',
        text: () =>
          "Who has run a diary study here before? Planning one for Beacon and I'd love to borrow a template. #help",
      },
    ],
    learnt: [
      () =>
        'TIL that the focus ring colour we use fails contrast on our own brand blue. Fixed in the next design system release. #til #accessibility',
    ],
  },
  Sales: {
    updates: [
      (w) =>
        `Signed! ${w.customer()} is moving ${w.int(200, 3000)} seats to the enterprise plan. ${w.colleague()} ran a brilliant technical evaluation. #sales #kudos`,
      (w) =>
        `Pipeline update: ${w.int(8, 30)} new qualified opportunities this month, ${w.int(2, 7)} of them from the ${RELEASE} webinar. #sales`,
      (w) => {
        const customer = w.customer();
        return `Lost ${customer} to a competitor. Debrief notes: ${w.wiki(`sales/win-loss/${w.slug(customer)}`)}\n\nProduct friends: the missing piece was ${w.pick(LOST_DEAL_GAPS)}. #sales #product`;
      },
      (w) =>
        `Back from ${w.int(3, 6)} customer visits in ${w.pick(['Madrid', 'Frankfurt', 'Dublin', 'Toronto', 'Singapore'])}. Everybody asked about ${w.pick(LOST_DEAL_GAPS)}. The slides we used: ${w.wiki('sales/decks/customer-visits')} #sales`,
      () =>
        'Demo tip: starting with the admin console instead of the feed cut our average demo by ten minutes, and nobody missed anything. #sales',
      (w) =>
        `Forecast call moves to ${w.weekday()} 10:00 this week. Please update your close dates before then. #sales`,
    ],
    questions: [
      {
        skill: 'Security',
        text: (w) =>
          `${w.customer()}'s security questionnaire has ${w.int(20, 60)} questions about encryption at rest. Do we have a standard answer pack somewhere? #security #help`,
      },
      {
        skill: 'Public sector',
        text: () =>
          'Has anyone worked with a public sector procurement framework? Trying to understand what a "call-off contract" means for us. #help',
      },
      {
        skill: 'Salesforce',
        text: () =>
          'Salesforce question: why do some opportunities show up twice in the forecast view? #help',
      },
    ],
    learnt: [
      (w) =>
        `TIL ${w.int(60, 80)}% of our enterprise deals involve someone from IT security in the last month. Bring them in early. #til #sales`,
    ],
  },
  'Customer Success': {
    updates: [
      (w) =>
        `${w.customer()} went live today with ${w.int(300, 5000)} people across ${w.int(2, 14)} countries. Smoothest rollout I've done here. Thanks ${w.colleague()}! #customersuccess`,
      (w) =>
        `Support last week: ${w.int(180, 420)} tickets, median first reply ${w.int(9, 40)} minutes, satisfaction ${w.int(88, 97)}%. Top topic: ${w.pick(SUPPORT_TOPICS)}. #customersuccess`,
      (w) =>
        `New training video: "Admin basics in 20 minutes". Already sent it to ${w.customer()}. ${w.wiki('customer-success/training/admin-basics')} #customersuccess #onboarding`,
      (w) =>
        `Renewal saved: ${w.customer()} was about to leave over SSO problems, and Engineering fixed the SAML bug in two days. Thank you ${w.someoneElse()}! #customersuccess #kudos`,
      (w) =>
        `We're piloting customer office hours every ${w.weekday()} at 16:00 UK time. ${w.int(6, 25)} admins joined the first one. #customersuccess`,
      (w) =>
        `Heads-up: ${w.customer()} switches to their new SSO provider on ${w.weekday()}. If anything breaks, ping me first. #customersuccess`,
    ],
    questions: [
      {
        skill: 'SQL',
        text: () =>
          'A customer wants a report of people inactive for more than 90 days. Is there a supported way, or does someone need to run a query? #help',
      },
      {
        skill: 'Troubleshooting',
        text: (w) =>
          `Has anyone seen invitation emails land in spam for Microsoft 365 tenants this week? ${w.customer()} reports ${w.int(3, 20)} cases. #help`,
      },
      {
        skill: 'Training',
        text: (w) =>
          `What's the best material for admins who've never used an enterprise social network? Building a course for ${w.customer()}. #onboarding #help`,
      },
    ],
    learnt: [
      () =>
        'TIL customers read the first two lines of a support reply and nothing else. Answer first, explain after. #til #customersuccess',
    ],
  },
  Marketing: {
    updates: [
      (w) => {
        const title = w.pick([
          'Five things we learnt onboarding 100 admins',
          'Why relationships beat broadcasts at work',
          'How Contoso Bank runs its intranet with three people',
          'The quiet 85%: designing for people who read',
        ]);
        return `New on the blog: "${title}" https://blog.meridian.example/${w.slug(title)} #marketing`;
      },
      (w) =>
        `Webinar recap: ${w.int(300, 900)} registrations, ${w.int(30, 55)}% attended live, and the best question was about ${w.pick(LOST_DEAL_GAPS)}. Recording and slides: ${w.wiki('marketing/webinars/recap')} #marketing`,
      (w) =>
        `The ${w.customer()} customer story cleared their legal team after ${w.int(3, 9)} weeks. Publishing ${w.weekday()}! #marketing`,
      () =>
        'Looking for volunteers for our new recruiting video: 20 minutes of filming, no acting required. #marketing #peopleandculture',
      (w) =>
        `Newsletter open rate hit ${w.int(38, 52)}% this month, our best ever. The subject line was written by ${w.colleague()}. #marketing`,
      (w) =>
        `We'll have a booth at ${w.pick(['Web Summit', 'SaaStr Europa', 'the Digital Workplace Summit'])} next month. We need ${w.int(3, 6)} people who can demo ${w.project().what}. #marketing #events`,
    ],
    questions: [
      {
        skill: 'SEO',
        text: () =>
          'Why do our docs outrank the product pages for "enterprise social network"? Not complaining, just curious. #marketing',
      },
      {
        skill: 'Video',
        text: (w) =>
          `Who has a decent microphone I can borrow for a podcast recording on ${w.weekday()}? #help`,
      },
      {
        skill: 'Brand',
        text: () =>
          'Where is the latest logo pack? The one on the wiki still has the old colours. #help',
      },
    ],
    learnt: [
      () =>
        'TIL posts with a question in the first line get twice the replies here. Noted. #til #marketing',
    ],
  },
  'People & Culture': {
    updates: [
      (w) =>
        `Open roles this month: ${w.int(6, 18)}, including ${w.pick(['two data engineers', 'a senior designer', 'a support lead in Singapore', 'an account executive in Toronto'])}. Referrals get a bonus and my eternal gratitude: ${w.wiki('people/careers/open-roles')} #peopleandculture #hiring`,
      (w) =>
        `The learning budget resets next month. ${w.int(40, 75)}% of you used it this year; favourites were public speaking courses and the SQL bootcamp. #peopleandculture`,
      (w) =>
        `The new parental leave policy is on the wiki: ${w.wiki('people/policies/parental-leave')}\n\nQuestions welcome, here or privately. #peopleandculture`,
      (w) =>
        `Mentoring programme: ${w.int(18, 40)} pairs matched this round across ${w.int(5, 8)} departments. Sign-ups for the next round close ${w.weekday()}. #peopleandculture`,
      (w) =>
        `Engagement survey: ${w.int(72, 91)}% took part. Highest score: support from your team. Lowest: communication across teams (we're on it). Summary: ${w.wiki('people/surveys/engagement')} #peopleandculture`,
      (w) =>
        `Wellbeing week starts ${w.weekday()}: lunchtime walks, a session on sleep, and chair massages in ${w.author.location === 'Remote' ? 'London' : w.author.location}. #wellbeing`,
    ],
    questions: [
      {
        skill: 'Coaching',
        text: () =>
          'Managers: how are you running performance conversations with remote team members? Collecting good practices for the new guide. #peopleandculture',
      },
      {
        skill: 'Recruiting',
        text: () =>
          'Can anyone recommend where to advertise data engineering roles in Nairobi? #hiring #help',
      },
    ],
    learnt: [
      () =>
        'TIL new joiners who get a message from their buddy before day one are far more likely to still be here after a year. Buddies, send that message! #til #onboarding',
    ],
  },
  Finance: {
    updates: [
      (w) =>
        `Month-end close done in ${w.int(4, 6)} working days, our fastest yet. Thanks ${w.colleague()} for the new reconciliation checklist. #finance`,
      (w) =>
        `Reminder: this month's expense claims by ${w.weekday()}. Photos of receipts are fine. How-to: ${w.wiki('finance/expenses/how-to')} #finance`,
      (w) =>
        `Procurement: we now have a preferred laptop supplier, so new joiners get their machine in ${w.int(2, 5)} days instead of three weeks. #finance #onboarding`,
      (w) =>
        `The new data processing addendum template is live. Please use it for every new enterprise deal: ${w.wiki('finance/legal/dpa-template')} #finance #sales`,
      (w) =>
        `Harbour: the new billing platform matched the old one to the cent on ${w.int(1200, 9000)} invoices in the parallel run. We switch over ${w.weekday()}. #finance #engineering`,
      (w) =>
        `Travel policy refresh: train rather than plane for trips under ${w.int(4, 6)} hours. Details: ${w.wiki('finance/policies/travel')} #finance`,
    ],
    questions: [
      {
        skill: 'GDPR',
        text: () =>
          'GDPR question: how long do we keep the data of candidates we did not hire? I keep getting different answers. #help',
      },
      {
        skill: 'Contracts',
        text: (w) =>
          `Does anyone have the signed master agreement with ${w.customer()}? Their procurement team wants a copy. #help`,
      },
      {
        skill: 'Revenue recognition',
        text: (w) =>
          `How should we recognise revenue on the three-year prepaid deal with ${w.customer()}? Looking for someone who has done it before. #finance #help`,
      },
    ],
    learnt: [
      () =>
        'TIL the VAT rules for digital services differ for customers in Norway. The billing team knew; now I do too. #til #finance',
    ],
  },
};
