import type { CommunityPrivacy } from '@rapport/schema';
import sharp from 'sharp';
import type { AppContext } from '../context';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { addVersion, uploadFile } from '../features/files/files.service';
import { viewerFrom } from '../http/auth';
import { DAY_MS } from '../lib/time';
import { simplePdf } from './documents';
import { addMembers, backdateVersion, findCommunityByName, insertCommunity } from './files.queries';
import type { Random } from './random';

/**
 * The demo's file libraries: a few real documents (PDF, PNG, CSV, Markdown) in three
 * communities, several with versions by different people, uploaded through the files
 * service (so they are checked, stored and counted like any upload) and dated in the past.
 */

export interface FilesSummary {
  communities: number;
  files: number;
  versions: number;
}

interface Library {
  name: string;
  description: string;
  privacy: CommunityPrivacy;
  /** Who belongs, when the demo creates the community itself. */
  members: (people: People) => AccountRow[];
  files: Array<{
    name: string;
    description: string;
    versions: Array<{
      by: (people: People) => AccountRow;
      daysAgo: number;
      data: () => Promise<Uint8Array>;
    }>;
  }>;
}

interface People {
  ana: AccountRow;
  of: (department: string, count: number) => AccountRow[];
  guest: (username: string) => AccountRow;
}

const text = (value: string) => new Uint8Array(Buffer.from(value));
const at = async (value: Uint8Array) => value;

/** A bar chart drawn as SVG and rendered to PNG, as an analyst would export one. */
async function barChart(title: string, bars: Array<[string, number]>): Promise<Uint8Array> {
  const width = 640;
  const max = Math.max(...bars.map(([, value]) => value));
  const rows = bars
    .map(([label, value], i) => {
      const y = 70 + i * 44;
      const length = Math.round((value / max) * 420);
      return `<text x="20" y="${y + 22}" font-size="15" fill="#1b1f27">${label}</text>
        <rect x="170" y="${y}" width="${length}" height="30" rx="4" fill="#3451c7"/>
        <text x="${178 + length}" y="${y + 21}" font-size="14" fill="#566072">${value}%</text>`;
    })
    .join('');
  const height = 90 + bars.length * 44;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif">
    <rect width="100%" height="100%" fill="#ffffff"/>
    <text x="20" y="40" font-size="20" font-weight="bold" fill="#1b1f27">${title}</text>${rows}</svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

const roadmap = (items: string[]) =>
  text(
    `# Q3 roadmap\n\nOwner: Product. Reviewed every other Monday.\n\n## Themes\n\n${items
      .map((item) => `- ${item}`)
      .join('\n')}\n\n## Not this quarter\n\n- Offline mode\n- Custom report builder\n`,
  );

const LIBRARIES: Library[] = [
  {
    name: 'Product Team',
    description: 'Product managers, analysts and designers: roadmaps, research and decisions.',
    privacy: 'private',
    members: (p) => [p.ana, ...p.of('Product', 12), ...p.of('Design', 4)],
    files: [
      {
        name: 'Onboarding research summary.pdf',
        description: 'Findings from twelve customer interviews about the first week with Rapport.',
        versions: [
          {
            by: (p) => p.ana,
            daysAgo: 41,
            data: () =>
              at(
                simplePdf('Onboarding research summary', [
                  'Twelve interviews, March and April.',
                  'Finding 1: people invite colleagues only after their first answer.',
                  'Finding 2: admins want a checklist for the first week.',
                ]),
              ),
          },
          {
            by: (p) => p.of('Product', 2)[1] ?? p.ana,
            daysAgo: 12,
            data: () =>
              at(
                simplePdf('Onboarding research summary (reviewed)', [
                  'Twelve interviews, March and April; two follow-ups in May.',
                  'Finding 1: people invite colleagues only after their first answer.',
                  'Finding 2: admins want a checklist for the first week.',
                  'Finding 3: guests need a short welcome from their host.',
                ]),
              ),
          },
        ],
      },
      {
        name: 'Q3 roadmap.md',
        description: 'The themes we committed to, and what waits.',
        versions: [
          {
            by: (p) => p.of('Product', 1)[0] ?? p.ana,
            daysAgo: 30,
            data: () => at(roadmap(['Guided onboarding', 'Search across communities'])),
          },
          {
            by: (p) => p.ana,
            daysAgo: 6,
            data: () =>
              at(roadmap(['Guided onboarding', 'Search across communities', 'Event reminders'])),
          },
          {
            by: (p) => p.of('Design', 1)[0] ?? p.ana,
            daysAgo: 2,
            data: () =>
              at(
                roadmap([
                  'Guided onboarding (design ready)',
                  'Search across communities',
                  'Event reminders',
                ]),
              ),
          },
        ],
      },
      {
        name: 'Activation funnel.png',
        description: 'Share of new accounts reaching each step in their first week.',
        versions: [
          {
            by: (p) => p.of('Product', 3)[2] ?? p.ana,
            daysAgo: 8,
            data: () =>
              barChart('Activation funnel, first week', [
                ['Signed in', 100],
                ['Completed profile', 72],
                ['Joined a community', 58],
                ['Posted or answered', 31],
              ]),
          },
        ],
      },
      {
        name: 'Interview schedule.csv',
        description: '',
        versions: [
          {
            by: (p) => p.ana,
            daysAgo: 3,
            data: () =>
              at(
                text(
                  'date,company,role,interviewer\n2026-06-02,Acme Corp,IT Director,Ana Silva\n2026-06-04,Globex,Partner Manager,Ana Silva\n2026-06-09,Initech,Office Manager,Ana Silva\n',
                ),
              ),
          },
        ],
      },
    ],
  },
  {
    name: 'Engineering Guild',
    description: 'How we build and run software: reviews, incidents, tooling.',
    privacy: 'public',
    members: (p) => p.of('Engineering', 20),
    files: [
      {
        name: 'Incident review checklist.md',
        description: 'Use it for every customer-visible incident, within five working days.',
        versions: [
          {
            by: (p) => p.of('Engineering', 1)[0] ?? p.ana,
            daysAgo: 60,
            data: () =>
              at(
                text(
                  '# Incident review checklist\n\n1. Timeline with times in UTC\n2. Customer impact\n3. What helped, what did not\n',
                ),
              ),
          },
          {
            by: (p) => p.of('Engineering', 5)[4] ?? p.ana,
            daysAgo: 9,
            data: () =>
              at(
                text(
                  '# Incident review checklist\n\n1. Timeline with times in UTC\n2. Customer impact and who told them\n3. What helped, what did not\n4. Follow-up issues with owners\n',
                ),
              ),
          },
        ],
      },
      {
        name: 'API latency by region.csv',
        description: 'p50 and p95 in milliseconds, last full week.',
        versions: [
          {
            by: (p) => p.of('Engineering', 3)[2] ?? p.ana,
            daysAgo: 4,
            data: () =>
              at(text('region,p50_ms,p95_ms\neu-west,38,112\nus-east,41,120\nap-south,77,205\n')),
          },
        ],
      },
    ],
  },
  {
    name: 'Acme Customer Forum',
    description: 'Acme Corp and the team that looks after them.',
    privacy: 'private',
    members: (p) => [p.ana, ...p.of('Customer Success', 5), p.guest('lucia_acme')],
    files: [
      {
        name: 'Acme rollout plan.pdf',
        description: 'Phases, owners and dates for the Acme rollout.',
        versions: [
          {
            by: (p) => p.of('Customer Success', 1)[0] ?? p.ana,
            daysAgo: 20,
            data: () =>
              at(
                simplePdf('Acme rollout plan', [
                  'Phase 1: IT and HR pilot (50 people).',
                  'Phase 2: all offices in Spain.',
                ]),
              ),
          },
          {
            by: (p) => p.guest('lucia_acme'),
            daysAgo: 5,
            data: () =>
              at(
                simplePdf('Acme rollout plan', [
                  'Phase 1: IT and HR pilot (50 people), done.',
                  'Phase 2: all offices in Spain, from 1 July.',
                  'Phase 3: Portugal, after the summer.',
                ]),
              ),
          },
        ],
      },
    ],
  },
];

/** The communities (made when missing) and their libraries. */
export async function seedFiles(
  ctx: AppContext,
  random: Random,
  accounts: AccountRow[],
  anaUsername: string,
  now: number,
): Promise<FilesSummary> {
  const active = accounts.filter((row) => row.suspended === 0);
  const ana = active.find((row) => row.username === anaUsername);
  if (!ana) throw new Error('the demo has no Ana');
  const chosen = new Map<string, AccountRow[]>();
  const people: People = {
    ana,
    of: (department, count) => {
      let members = chosen.get(department);
      if (!members) {
        const staff = active.filter((row) => row.department === department && row.id !== ana.id);
        members = random.sample(staff, staff.length);
        chosen.set(department, members);
      }
      return members.slice(0, count);
    },
    guest: (username) => active.find((row) => row.username === username) ?? ana,
  };
  const summary: FilesSummary = { communities: 0, files: 0, versions: 0 };
  for (const library of LIBRARIES) {
    const members = [...new Map(library.members(people).map((row) => [row.id, row])).values()];
    const owner = members[0] as AccountRow;
    let communityId = await findCommunityByName(ctx.db, library.name);
    if (communityId === undefined) {
      communityId = await insertCommunity(ctx.db, {
        name: library.name,
        description: library.description,
        privacy: library.privacy,
        createdById: owner.id,
        at: now - 90 * DAY_MS,
      });
      await addMembers(
        ctx.db,
        communityId,
        members.map((row, i) => ({
          accountId: row.id,
          role: i === 0 ? 'owner' : i === 1 ? 'moderator' : 'member',
        })),
        now - 90 * DAY_MS,
      );
    } else {
      // The communities step made it: its uploaders must belong to it to share files.
      await addMembers(
        ctx.db,
        communityId,
        members.map((row) => ({ accountId: row.id, role: 'member' })),
        now - 90 * DAY_MS,
      );
    }
    summary.communities += 1;
    for (const file of library.files) {
      let fileId: number | undefined;
      for (const [i, version] of file.versions.entries()) {
        const by = viewerFrom(version.by(people));
        const data = await version.data();
        const upload = { filename: file.name, mimetype: 'application/octet-stream', data };
        const row =
          fileId === undefined
            ? await uploadFile(ctx, by, communityId, {
                file: upload,
                description: file.description,
              })
            : await addVersion(ctx, by, fileId, { file: upload });
        fileId = row.id;
        await backdateVersion(ctx.db, {
          fileId,
          n: i + 1,
          at: now - version.daysAgo * DAY_MS - random.int(0, 8 * 3600_000),
          first: i === 0,
          latest: i === file.versions.length - 1,
        });
        summary.versions += 1;
      }
      summary.files += 1;
    }
  }
  return summary;
}
