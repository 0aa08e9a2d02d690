import type { DepartmentTopics } from './topics';
import { RELEASE } from './writing';

/** What Engineering, Product and Design post about (see topics.ts). */

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

export const BUILDING_TOPICS: Record<string, DepartmentTopics> = {
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
};
