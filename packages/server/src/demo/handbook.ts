/**
 * The text of the organisation's handbook for the demo (demo/pages.ts writes it through the
 * pages service): each page with the department that owns it, its first version, and the
 * edits colleagues make afterwards. The second half is in handbook-part-two.ts.
 */

/** One save after the first: what it changes, and in a few words why. */
export type Edit = { summary: string } & (
  | { replace: [string, string] }
  | { append: string }
  | { title: string; replace?: [string, string] }
);

export interface DemoPage {
  title: string;
  /** The department whose people write and revise it. */
  department: string;
  summary: string;
  body: string;
  edits: Edit[];
}

export const HANDBOOK_PART_ONE: DemoPage[] = [
  {
    title: 'Onboarding guide',
    department: 'People & Culture',
    summary: 'First version',
    body: `# Welcome to Meridian Works

This guide walks you through your first two weeks. Your manager and your **onboarding buddy** will help with everything here.

## Before your first day

- Sign the contract and return it to People & Culture
- Send us a photo for your badge
- Tell IT which laptop you prefer (Mac or Linux)

## Your first week

1. Meet your buddy on Monday morning
2. Set up your laptop with the [setup checklist](https://wiki.meridian.example/laptop)
3. Join the communities of your team and the #general timeline
4. Book 1:1s with the people you will work with most

## Who to ask

| Question | Ask |
| --- | --- |
| Payroll, contracts | People & Culture |
| Laptop, accounts | IT service desk |
| Anything else | Your buddy |
`,
    edits: [
      {
        summary: 'Badge photos go through the portal now',
        replace: [
          '- Send us a photo for your badge',
          '- Upload a photo for your badge in the [people portal](https://people.meridian.example)',
        ],
      },
      {
        summary: 'Added the second week',
        replace: [
          '## Who to ask',
          `## Your second week

- Shadow a customer call with Customer Success
- Present yourself in the Friday all-hands (two minutes, no slides)

## Who to ask`,
        ],
      },
      {
        summary: 'Security training is mandatory',
        replace: [
          '4. Book 1:1s with the people you will work with most',
          '4. Book 1:1s with the people you will work with most\n5. Complete the security awareness training (30 minutes)',
        ],
      },
    ],
  },
  {
    title: 'How we run releases',
    department: 'Engineering',
    summary: 'Wrote down what we already do',
    body: `# How we run releases

We ship every **second Tuesday**. The release captain rotates through the engineering teams.

## Timeline

- **Thursday before**: branch freeze, the captain cuts \`release/x.y\`
- **Friday to Monday**: staging soak, QA runs the regression suite
- **Tuesday 10:00 UTC**: rollout to 10% of customers, then 100% at 14:00

## The captain's checklist

- [ ] Changelog reviewed by Product
- [ ] Database migrations tested on a copy of production
- [ ] Rollback plan written in the release ticket
- [ ] Customer Success told about visible changes

## When something goes wrong

Roll back first, investigate second. Post in the *Incidents* community.
`,
    edits: [
      {
        summary: 'Staged rollout percentages changed',
        replace: [
          '- **Tuesday 10:00 UTC**: rollout to 10% of customers, then 100% at 14:00',
          '- **Tuesday 10:00 UTC**: rollout to 5% of customers, 50% at 12:00, 100% at 15:00',
        ],
      },
      {
        summary: 'Feature flags section',
        append: `
## Feature flags

Anything risky ships behind a flag, off by default. Remove flags within two releases of turning them on for everyone.
`,
      },
      {
        summary: 'Mention the status page',
        replace: [
          'Roll back first, investigate second. Post in the *Incidents* community.',
          'Roll back first, investigate second. Post in the *Incidents* community and update the [status page](https://status.meridian.example) within 15 minutes.',
        ],
      },
      {
        summary: 'Security review for auth changes',
        replace: [
          '- [ ] Customer Success told about visible changes',
          '- [ ] Customer Success told about visible changes\n- [ ] Security reviewed anything touching sign-in or permissions',
        ],
      },
    ],
  },
  {
    title: 'Expense policy',
    department: 'Finance',
    summary: 'Policy approved by the leadership team',
    body: `# Expense policy

Spend company money as if it were your own. Keep every receipt.

## Limits

| Category | Limit | Approval |
| --- | ---: | --- |
| Meals while travelling | €40 per day | none |
| Hotels | €150 per night | manager |
| Books and courses | €500 per year | none |
| Equipment | €300 | manager |

## Claiming

Submit claims in the expenses tool **by the 5th of the following month**, with a photo of each receipt.
`,
    edits: [
      {
        summary: 'Hotel limit for expensive cities',
        replace: [
          '| Hotels | €150 per night | manager |',
          '| Hotels | €150 per night (€220 in London, Zurich, New York) | manager |',
        ],
      },
      {
        summary: 'Clarified what counts as equipment',
        append: `
Equipment means anything you keep: headphones, a second screen, a chair for home. Laptops are ordered by IT, not expensed.
`,
      },
      { title: 'Expense and travel policy', summary: 'Renamed: travel is covered too' },
    ],
  },
  {
    title: 'Design principles',
    department: 'Design',
    summary: 'From the design offsite',
    body: `# Design principles

1. **Clarity over cleverness.** If it needs a tooltip, redesign it.
2. **Relationships first.** Show people, not just information.
3. **Calm by default.** No red badges for things that can wait.
4. **Accessible is not optional.** Keyboard, screen readers, contrast, phones.

> Good design is as little design as possible. (Dieter Rams)
`,
    edits: [
      {
        summary: 'A principle about language',
        replace: [
          '4. **Accessible is not optional.** Keyboard, screen readers, contrast, phones.',
          '4. **Accessible is not optional.** Keyboard, screen readers, contrast, phones.\n5. **Plain words.** Write for a colleague in a hurry, not for a lawyer.',
        ],
      },
      {
        summary: 'Link to the component library',
        append: `
See the [component library](https://design.meridian.example) for how these look in practice.
`,
      },
    ],
  },
  {
    title: 'Customer escalation process',
    department: 'Customer Success',
    summary: 'First draft after the Acme incident',
    body: `# Customer escalation process

When a customer is blocked, anyone can escalate. Do not wait for permission.

## Severity

- **Sev 1**: the product is down for the customer. Page the on-call engineer.
- **Sev 2**: a key workflow is broken. Open an escalation ticket, answer within 4 hours.
- **Sev 3**: everything else. Normal support queue.

## Who owns it

The account manager owns communication with the customer until it is resolved.
`,
    edits: [
      {
        summary: 'Sev 2 target is now 2 hours',
        replace: [
          'Open an escalation ticket, answer within 4 hours.',
          'Open an escalation ticket, answer within 2 hours.',
        ],
      },
      {
        summary: 'Follow-up after resolution',
        append: `
## After it is resolved

Write a short summary for the customer within two working days: what happened, what we changed, what we will do to prevent it.
`,
      },
    ],
  },
  {
    title: 'Sales playbook: first call',
    department: 'Sales',
    summary: 'Playbook for new account executives',
    body: `# Sales playbook: the first call

Goal of the first call: understand the problem, not pitch the product.

## Questions that work

- How do people in your organisation find an expert today?
- What happens when a question goes unanswered for a week?
- Who would notice first if this got better?

## After the call

Log notes in the CRM the same day. Send a follow-up email within 24 hours.
`,
    edits: [
      {
        summary: 'A question about size',
        replace: [
          '- Who would notice first if this got better?',
          '- Who would notice first if this got better?\n- How many people work across more than one office?',
        ],
      },
      {
        summary: 'Do not send the price list',
        append: `
Do not send the price list after the first call; book a demo instead.
`,
      },
    ],
  },
];
