import type { DepartmentTopics } from './topics';
import { RELEASE } from './writing';

/** What Sales, Customer Success, Marketing, People & Culture and Finance post about (see topics.ts). */

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

export const SELLING_TOPICS: Record<string, DepartmentTopics> = {
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
