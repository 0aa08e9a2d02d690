import type { DemoPage } from './handbook';

/** The handbook's second half (see handbook.ts). */
export const HANDBOOK_PART_TWO: DemoPage[] = [
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
