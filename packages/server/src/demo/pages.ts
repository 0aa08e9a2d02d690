import type { AppContext } from '../context';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { createPage, updatePage } from '../features/pages/pages.service';
import { DAY_MS } from '../lib/time';
import type { Random } from './random';

/**
 * The organisation's handbook: a dozen organisation-wide pages, each written by someone in
 * the department that owns the subject and then revised by colleagues over the last months,
 * so co-authors, the history and the diffs have something to show.
 */

/** One save after the first: what it changes, and in a few words why. */
type Edit = { summary: string } & (
  | { replace: [string, string] }
  | { append: string }
  | { title: string; replace?: [string, string] }
);

interface DemoPage {
  title: string;
  /** The department whose people write and revise it. */
  department: string;
  summary: string;
  body: string;
  edits: Edit[];
}

const PAGES: DemoPage[] = [
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
  {
    title: 'Remote work guidelines',
    department: 'People & Culture',
    summary: 'Guidelines for hybrid teams',
    body: `# Remote work guidelines

Work where you do your best work. Teams agree on **core hours** (we suggest 10:00 to 15:00 local time).

- Be reachable during core hours, or say in your status when you are not
- Cameras on for team rituals, optional otherwise
- Write decisions down: if it is not written, it did not happen
`,
    edits: [
      {
        summary: 'Home office budget',
        append: `
## Home office

Everyone gets a one-off €400 home office budget. See the expense policy for how to claim it.
`,
      },
      {
        summary: 'Time zones',
        replace: [
          '- Write decisions down: if it is not written, it did not happen',
          '- Write decisions down: if it is not written, it did not happen\n- Schedule meetings inside everyone’s core hours; rotate the inconvenient slot',
        ],
      },
    ],
  },
  {
    title: 'Incident response runbook',
    department: 'Engineering',
    summary: 'Runbook v1',
    body: `# Incident response runbook

1. **Acknowledge** the page within 5 minutes
2. **Open** a channel in the *Incidents* community named after the date
3. **Assign** an incident lead and a communications lead
4. **Mitigate** before you debug
5. **Write** the post-mortem within 5 working days

Post-mortems are blameless. We look for causes in systems, not people.
`,
    edits: [
      {
        summary: 'Customer communication step',
        replace: [
          '4. **Mitigate** before you debug',
          '4. **Mitigate** before you debug\n5. **Tell** customers on the status page every 30 minutes',
        ],
      },
      {
        summary: 'Renumbered',
        replace: [
          '5. **Write** the post-mortem within 5 working days',
          '6. **Write** the post-mortem within 5 working days',
        ],
      },
      {
        summary: 'Template link',
        append: `
Use the [post-mortem template](https://wiki.meridian.example/postmortem).
`,
      },
    ],
  },
  {
    title: 'Brand voice',
    department: 'Marketing',
    summary: 'How Meridian sounds',
    body: `# Brand voice

We sound like a helpful colleague: **warm, direct and specific**.

| We are | We are not |
| --- | --- |
| Warm | Gushing |
| Direct | Blunt |
| Specific | Technical for its own sake |

Say "people", not "users". Say "organisation", not "enterprise".
`,
    edits: [
      {
        summary: 'Exclamation marks',
        append: `
One exclamation mark per page, at most. Save it for good news.
`,
      },
      {
        summary: 'Examples',
        replace: [
          'Say "people", not "users".',
          'Say "people", not "users"; "find the right person", not "leverage expertise".',
        ],
      },
    ],
  },
  {
    title: 'Product roadmap process',
    department: 'Product',
    summary: 'How we plan the quarter',
    body: `# Product roadmap process

Each quarter we plan in three steps:

1. **Listen**: Customer Success and Sales bring the top ten customer problems
2. **Shape**: product managers write a one-page brief per problem
3. **Commit**: engineering leads size the briefs, leadership picks what fits

The roadmap is public inside Meridian. Anyone can comment on a brief.
`,
    edits: [
      {
        summary: 'Research input',
        replace: [
          '1. **Listen**: Customer Success and Sales bring the top ten customer problems',
          '1. **Listen**: Customer Success, Sales and user research bring the top ten customer problems',
        ],
      },
      {
        summary: 'Where briefs live',
        append: `
Briefs live in the *Product* community, tagged with the quarter (for example #2026q3).
`,
      },
    ],
  },
  {
    title: 'Security basics',
    department: 'Engineering',
    summary: 'Security basics for everyone',
    body: `# Security basics

- Use the password manager; never reuse a password
- Turn on two-factor authentication everywhere it is offered
- Lock your screen when you leave your desk
- Report phishing to security@meridian.example, then delete it
`,
    edits: [
      {
        summary: 'Lost devices',
        append: `
Lost a laptop or phone? Tell the IT service desk **immediately**, day or night. We would rather hear about it ten times than too late.
`,
      },
      {
        summary: 'Passkeys',
        replace: [
          '- Turn on two-factor authentication everywhere it is offered',
          '- Turn on two-factor authentication everywhere it is offered; prefer passkeys',
        ],
      },
    ],
  },
  {
    title: 'Meeting norms',
    department: 'Product',
    summary: 'Fewer, better meetings',
    body: `# Meeting norms

- Every meeting has an agenda in the invitation
- 25 or 50 minutes, never 30 or 60
- Someone writes notes and posts them within the day
- No meeting on Wednesday afternoons (focus time)
`,
    edits: [
      {
        summary: 'Declining is fine',
        append: `
Declining a meeting without an agenda is fine. Say why, kindly.
`,
      },
      {
        summary: 'Shorter default',
        replace: [
          '- 25 or 50 minutes, never 30 or 60',
          '- 25 minutes by default; 50 only when needed',
        ],
      },
    ],
  },
];

function applyEdit(page: { title: string; body: string }, edit: Edit) {
  let { title, body } = page;
  if ('title' in edit) title = edit.title;
  if ('replace' in edit && edit.replace) {
    const [from, to] = edit.replace;
    if (!body.includes(from)) throw new Error(`demo page edit does not apply: ${from}`);
    body = body.replace(from, to);
  }
  if ('append' in edit) body = `${body.trimEnd()}\n${edit.append}`;
  return { title, body };
}

/** Writes the handbook, each page's history spread over the last five months. */
export async function seedPages(
  ctx: AppContext,
  random: Random,
  accounts: AccountRow[],
  now: number,
  options: { featured: string },
): Promise<number> {
  const staff = accounts.filter((a) => a.role !== 'guest' && a.suspended === 0);
  const featured = staff.find((a) => a.username === options.featured);
  let revisions = 0;
  for (const [index, spec] of PAGES.entries()) {
    const department = staff.filter((a) => a.department === spec.department);
    const pool = department.length >= 3 ? department : staff;
    const writers = random.sample(pool, Math.min(pool.length, 3));
    // The featured member co-writes a few pages, so their profile has pages to show.
    if (featured && index % 4 === 0 && !writers.includes(featured)) writers[1] = featured;
    const viewerOf = (a: AccountRow) => ({ id: a.id, username: a.username, role: a.role });
    const steps = spec.edits.length + 1;
    // From 150 to 20 days ago for the first version, later edits closer to now.
    let at = now - random.int(20 + steps * 6, 150) * DAY_MS - random.int(0, DAY_MS);
    const first = writers[0] as AccountRow;
    const created = await createPage(
      ctx,
      viewerOf(first),
      { title: spec.title, body: spec.body, summary: spec.summary },
      { at },
    );
    let page = { title: spec.title, body: spec.body, revision: 1 };
    revisions += 1;
    for (const edit of spec.edits) {
      at += random.int(2, 6) * DAY_MS + random.int(0, DAY_MS / 2);
      const next = applyEdit(page, edit);
      const author = writers[1 + (page.revision % Math.max(1, writers.length - 1))] ?? first;
      await updatePage(
        ctx,
        viewerOf(author),
        created.id,
        { ...next, base_revision: page.revision, summary: edit.summary },
        { at: Math.min(at, now - DAY_MS) },
      );
      page = { ...next, revision: page.revision + 1 };
      revisions += 1;
    }
  }
  return revisions;
}
