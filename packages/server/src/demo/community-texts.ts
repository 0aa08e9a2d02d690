import type { CommunityPrivacy } from '@rapport/schema';
import { type Template, TOPICS } from './topics';

/**
 * The demo's communities: what each is for, who is in it, and what its members write
 * there. Department teams reuse what their department posts about (topics.ts); practices,
 * clubs and forums have voices of their own.
 */
export interface CommunitySpec {
  key: string;
  name: string;
  description: string;
  privacy: CommunityPrivacy;
  /** Two colours of its drawn cover, or none. */
  cover?: [string, string];
  coverDescription?: string;
  /** Conversations started in it over the last weeks. */
  statuses: number;
  /** What members write; the first one is the pinned welcome, where `pinFirst`. */
  texts: Template[];
  pinFirst?: boolean;
}

const CRIT_DAYS = ['Tuesday', 'Wednesday', 'Thursday'];

export const SPECS: CommunitySpec[] = [
  {
    key: 'design',
    name: 'Design Practice',
    description:
      'Crits, the design system and everything craft. Everyone who designs, or works with designers, is welcome.',
    privacy: 'public',
    cover: ['#7c3aed', '#f472b6'],
    coverDescription: 'Overlapping violet and pink circles on a soft gradient',
    statuses: 14,
    pinFirst: true,
    texts: [
      (w) =>
        `Welcome to the Design Practice! Crits are every ${w.pick(CRIT_DAYS)} at 15:00 CET: bring work in any state. The design system lives at ${w.wiki('design/system')}, and the request form for new components at ${w.wiki('design/system/requests')}.`,
      (w) =>
        `Crit notes from this week: the ${w.project().name} empty states read much better with one sentence instead of three. Thanks ${w.colleague()} for the sharp eyes.`,
      (w) =>
        `New in the design system: ${w.pick(['a date range picker', 'toast notifications', 'an accessible combobox', 'dense table rows', 'a skeleton loader'])}. Figma library updated, code follows in sprint ${w.int(40, 52)}.`,
      (w) =>
        `Research readout: ${w.int(6, 12)} customer interviews on onboarding. The biggest surprise: people skip the welcome tour and go straight to inviting colleagues. Full notes: ${w.wiki('design/research/onboarding')}`,
      (w) =>
        `Does anyone have a good pattern for bulk actions on mobile? Working on ${w.project().what} and the desktop toolbar does not survive a 390 px screen.`,
      () =>
        'Reminder: contrast checks before handoff. Our muted grey fails AA on the light surface; use the text-muted token instead of raw colours.',
      (w) =>
        `Illustration style exploration for ${w.project().name}, round ${w.int(2, 4)}. Leaning towards the flat version with one accent colour. Thoughts before Friday?`,
      (w) =>
        `Pairing session on motion guidelines next ${w.weekday()}: how fast is too fast for a panel transition? Join if you care about 200 ms vs 250 ms.`,
    ],
  },
  {
    key: 'engineering',
    name: 'Engineering Guild',
    description:
      'The engineering community of practice: architecture decisions, tooling, postmortems, lunch-and-learns and the onboarding of new engineers.',
    privacy: 'public',
    cover: ['#0f766e', '#38bdf8'],
    coverDescription: 'Teal and sky-blue waves',
    statuses: 16,
    texts: [
      ...(TOPICS.Engineering?.learnt ?? []),
      ...(TOPICS.Engineering?.updates ?? []),
      (w) =>
        `Lunch and learn on ${w.weekday()}: "${w.pick(['Reading flame graphs', 'Postgres indexes in practice', 'Feature flags without regrets', 'Property-based testing'])}". Bring questions, we bring pizza.`,
      (w) =>
        `RFC up for comments: moving ${w.pick(['the job queue', 'session storage', 'the webhook dispatcher'])} off the monolith. ${w.wiki('engineering/rfcs')} — comments close next ${w.weekday()}.`,
    ],
  },
  {
    key: 'runners',
    name: 'Meridian Runners',
    description:
      'A social club for people who run, jog, or like to talk about running. Every pace welcome.',
    privacy: 'public',
    cover: ['#ea580c', '#facc15'],
    coverDescription: 'Orange and yellow stripes like a running track at sunset',
    statuses: 8,
    texts: [
      (w) =>
        `Lunch run on ${w.weekday()} from the ${w.pick(['Lisbon', 'London', 'Berlin'])} office, ${w.int(5, 8)} km along the river, easy pace. Who is in?`,
      (w) =>
        `Finished my first half marathon on Sunday: ${w.int(1, 2)}:${w.int(10, 59)}! Thanks everyone here for the training tips.`,
      () => 'Shoe recommendations for wet trails? Mine give up after 20 minutes of rain.',
      (w) =>
        `The company relay team has ${w.int(3, 5)} of 6 places filled for the autumn race. Sign up in the thread.`,
      () => 'Spotted a fox on the canal path this morning. Best run of the week.',
    ],
  },
  {
    key: 'product',
    name: 'Product Team',
    description:
      "The product team's own space: roadmap drafts, planning and decisions in progress.",
    privacy: 'private',
    cover: ['#2563eb', '#a78bfa'],
    coverDescription: 'Blue and lavender diagonal bands',
    statuses: 12,
    texts: [...(TOPICS.Product?.updates ?? []), ...(TOPICS.Product?.learnt ?? [])],
  },
  {
    key: 'success',
    name: 'Customer Success Team',
    description: 'Renewals, escalations and the playbooks of the customer success team.',
    privacy: 'private',
    statuses: 8,
    texts: [
      ...(TOPICS['Customer Success']?.updates ?? []),
      ...(TOPICS['Customer Success']?.learnt ?? []),
    ],
  },
  {
    key: 'acme',
    name: 'Acme Customer Forum',
    description:
      'A shared space with Acme Corp: release notes, questions and feedback between Acme and the Meridian team.',
    privacy: 'private',
    cover: ['#1e3a8a', '#22c55e'],
    coverDescription: 'Navy and green blocks, the colours of Acme and Meridian',
    statuses: 10,
    pinFirst: true,
    texts: [
      () =>
        'Welcome to the Acme Customer Forum! Ask anything here: the Meridian product, support and customer success teams all read along. Urgent issues still go to support, so they get a ticket number.',
      (w) =>
        `Release notes for ${w.pick(['5.1', '5.2', '5.3'])}: faster CSV imports, SSO certificate rotation without downtime, and a new audit log filter. Full notes: ${w.wiki('releases')}`,
      () =>
        'Question from our IT team: can we restrict sign-in to our own identity provider only, and turn password sign-in off?',
      () =>
        'Our procurement team asks for the updated security whitepaper and the latest penetration test summary. Where can we find them?',
      (w) =>
        `Quarterly review scheduled for ${w.weekday()} the ${w.int(10, 28)}th: usage trends, the roadmap for the next two quarters, and your feedback on the admin console.`,
      () =>
        'Feedback from our admins: the new navigation is much clearer. One request: keep the filter when going back to the member list.',
    ],
  },
  {
    key: 'globex',
    name: 'Globex Integration Partners',
    description:
      'Working together with Globex on the integration: API changes, test environments, launch plans.',
    privacy: 'private',
    statuses: 6,
    texts: [
      (w) =>
        `The sandbox now has the webhook signing change: v2 signatures sent alongside v1 until ${w.weekday()} next month.`,
      () =>
        'Rate limits on the bulk endpoint: is 300 requests per 5 minutes per token enough for your nightly sync?',
      (w) =>
        `Joint launch checklist is at ${w.wiki('partners/globex/launch')}. Open items: marketing copy and the support handover.`,
      () => 'We see occasional 502s from the staging API around 02:00 UTC. Maintenance window?',
    ],
  },
  {
    key: 'northstar',
    name: 'Project Northstar',
    description:
      'Confidential: exploring a strategic partnership. Members only, please do not share outside.',
    privacy: 'secret',
    statuses: 5,
    texts: [
      () => 'Draft term sheet is in the data room. Legal review by end of week, please.',
      (w) =>
        `Synergy model v${w.int(2, 5)}: the integration costs look lower than we feared, revenue overlap higher. Let us walk through it on ${w.weekday()}.`,
      () => 'Reminder: nothing about Northstar in public channels until the board meeting.',
    ],
  },
  {
    key: 'a11y',
    name: 'Accessibility Champions',
    description:
      'People across teams who make sure Meridian works for everyone: audits, screen reader testing, training.',
    privacy: 'private',
    cover: ['#0891b2', '#fde68a'],
    coverDescription: 'Cyan and pale yellow halves, high contrast',
    statuses: 5,
    texts: [
      () =>
        'Screen reader testing session on Thursday: we go through the sign-up flow with NVDA and VoiceOver.',
      (w) =>
        `Audit results for ${w.project().name}: ${w.int(3, 9)} serious issues, mostly focus order and missing labels. Tickets are filed.`,
      () => 'Does anyone have experience with reduced-motion preferences in charts?',
    ],
  },
];
