import type { AppContext } from '../context';
import { idFor } from '../db/ids';
import { type AccountRow, updateAccount } from '../features/accounts/accounts.queries';
import { createAccount } from '../features/accounts/accounts.service';
import { insertInvitation } from '../features/invitations/invitations.queries';
import { recomputeRelationships } from '../features/relationships/recompute';
import { markModelCurrent } from '../features/relationships/recompute.service';
import { hashPassword } from '../lib/passwords';
import { DAY_MS } from '../lib/time';
import { readableCode } from '../lib/tokens';
import { planActivity } from './activity';
import { seedAnalytics } from './analytics';
import { drawAvatarSvg, renderAvatar } from './avatars';
import { castMembers } from './cast';
import { type ChatsSummary, seedChats } from './chats';
import { type CommunitiesSummary, seedCommunities } from './communities';
import { newestBefore, setMarker } from './demo.queries';
import { seedEvents } from './events';
import { type FilesSummary, seedFiles } from './files';
import { type InboxSummary, seedInbox } from './inbox';
import { seedIntroductions } from './introductions';
import { seedInvites } from './invites';
import { seedMail } from './mail';
import { type ModerationSummary, seedModeration } from './moderation';
import { ORGANISATION } from './organisation';
import { seedPages } from './pages';
import { type DemoPerson, generatePeople } from './people';
import { seedQuestions } from './questions';
import { Random } from './random';
import { type RelationshipsSummary, seedRelationships } from './relationships';
import { type ActivitySummary, replayActivity } from './replay';

export const DEMO_PASSWORD = 'rapport-demo';
export const DEMO_ADMIN = { username: 'admin', email: `admin@${ORGANISATION.domain}` };
export const DEMO_MEMBER = { username: 'ana_silva', email: `ana_silva@${ORGANISATION.domain}` };

/** How far back the organisation's history goes. */
const HISTORY_DAYS = 180;

export interface DemoSummary {
  people: number;
  departments: number;
  activity: ActivitySummary;
  analytics: { questions: number; activeDays: number };
  communities: CommunitiesSummary;
  files: FilesSummary;
  moderation: ModerationSummary;
  chats: ChatsSummary;
  inbox: InboxSummary;
  relationships: RelationshipsSummary;
}

interface Seeding {
  ctx: AppContext;
  random: Random;
  now: number;
  passwordHash: string;
  accounts: AccountRow[];
}

async function addPerson(
  s: Seeding,
  person: DemoPerson,
  options: { role?: 'admin' | 'member' | 'guest'; joinedDaysAgo: number; avatar?: boolean },
): Promise<AccountRow> {
  const joinedAt = s.now - options.joinedDaysAgo * DAY_MS - s.random.int(0, DAY_MS);
  const created = await createAccount(s.ctx.db, {
    username: person.username,
    email: person.email,
    password: DEMO_PASSWORD,
    passwordHash: s.passwordHash,
    role: options.role ?? 'member',
    displayName: person.displayName,
    createdAt: joinedAt,
  });
  const avatar =
    options.avatar === false
      ? null
      : await s.ctx.media.put('avatars', 'png', await renderAvatar(drawAvatarSvg(s.random)));
  const account = await updateAccount(s.ctx.db, created.id, {
    title: person.title,
    department: person.department,
    location: person.location,
    skills: JSON.stringify(person.skills),
    bio: person.bio,
    fields: JSON.stringify(person.fields),
    avatar_file: avatar,
    avatar_description: avatar ? `Drawn portrait of ${person.displayName}` : '',
    last_sign_in_at: s.now - s.random.int(0, Math.min(options.joinedDaysAgo, 20)) * DAY_MS,
  });
  s.accounts.push(account);
  return account;
}

/** Staff, guests from a customer and a partner, a former contractor, and invitations in every state. */
async function seedPeople(s: Seeding): Promise<void> {
  const admin = await addPerson(
    s,
    {
      username: DEMO_ADMIN.username,
      displayName: 'Morgan Reyes',
      email: DEMO_ADMIN.email,
      department: 'People & Culture',
      title: 'Workplace Systems Admin',
      location: 'London',
      skills: ['Onboarding', 'Rapport administration', 'Security'],
      bio: 'I run Rapport for Meridian Works. Questions about accounts or invitations: ask me.',
      fields: [],
    },
    { role: 'admin', joinedDaysAgo: HISTORY_DAYS + 10 },
  );
  await addPerson(
    s,
    {
      username: DEMO_MEMBER.username,
      displayName: 'Ana Silva',
      email: DEMO_MEMBER.email,
      department: 'Product',
      title: 'Senior Product Manager',
      location: 'Lisbon',
      skills: ['Roadmapping', 'User research', 'Onboarding', 'Portuguese', 'SQL'],
      bio: 'Product manager for onboarding and the admin console. I love a good customer interview.\n\nAsk me about our roadmap.',
      fields: [{ name: 'Pronouns', value: 'she/her' }],
    },
    { joinedDaysAgo: 120 },
  );
  for (const person of generatePeople(s.random, 156)) {
    await addPerson(s, person, {
      joinedDaysAgo: s.random.int(0, HISTORY_DAYS),
      avatar: !s.random.chance(0.08),
    });
  }
  const guests: DemoPerson[] = [
    {
      username: 'lucia_acme',
      displayName: 'Lucía Romero',
      email: 'lucia@acme.example',
      department: 'Acme Corp (customer)',
      title: 'IT Director',
      location: 'Madrid',
      skills: ['Procurement', 'Security'],
      bio: 'Guest from Acme Corp, one of our largest customers.',
      fields: [],
    },
    {
      username: 'kwame_globex',
      displayName: 'Kwame Asante',
      email: 'kwame@globex.example',
      department: 'Globex (partner)',
      title: 'Partner Manager',
      location: 'Accra',
      skills: ['Integrations', 'Partnerships'],
      bio: 'Guest from Globex, our integration partner.',
      fields: [],
    },
    {
      username: 'mei_globex',
      displayName: 'Mei Lin',
      email: 'mei@globex.example',
      department: 'Globex (partner)',
      title: 'Solutions Architect',
      location: 'Singapore',
      skills: ['APIs', 'Kubernetes'],
      bio: '',
      fields: [],
    },
  ];
  for (const guest of guests)
    await addPerson(s, guest, { role: 'guest', joinedDaysAgo: s.random.int(5, 60) });
  const former = await addPerson(
    s,
    {
      username: 'sam_contractor',
      displayName: 'Sam Keller',
      email: `sam_contractor@${ORGANISATION.domain}`,
      department: 'Engineering',
      title: 'Contractor',
      location: 'Remote',
      skills: ['Go'],
      bio: '',
      fields: [],
    },
    { joinedDaysAgo: 150, avatar: false },
  );
  s.accounts[s.accounts.indexOf(former)] = await updateAccount(s.ctx.db, former.id, {
    suspended: 1,
    suspended_at: s.now - 30 * DAY_MS,
  });

  const invitation = (daysAgo: number, values: Partial<Parameters<typeof insertInvitation>[1]>) => {
    const createdAt = s.now - daysAgo * DAY_MS;
    return insertInvitation(s.ctx.db, {
      id: idFor(createdAt),
      code: readableCode(),
      created_by_id: admin.id,
      role: 'member',
      email: null,
      note: '',
      max_uses: 1,
      uses: 0,
      expires_at: createdAt + 7 * DAY_MS,
      revoked_at: null,
      created_at: createdAt,
      ...values,
    });
  };
  await invitation(40, { note: 'Autumn interns', max_uses: 12, uses: 12, expires_at: null });
  await invitation(20, { note: 'Agency designer (cancelled)', revoked_at: s.now - 18 * DAY_MS });
  await invitation(15, { note: 'New hire who never joined' });
  await invitation(2, {
    note: 'Spring graduates',
    max_uses: 20,
    uses: 3,
    expires_at: s.now + 28 * DAY_MS,
  });
  await invitation(1, {
    role: 'guest',
    email: 'procurement@acme.example',
    note: 'Acme procurement lead',
  });
}

/**
 * Three months of the organisation's life, with the usual participation inequality; Ana
 * has read her notifications up to her update of a few days ago, and her home timeline
 * up to yesterday.
 */
async function seedActivity(s: Seeding): Promise<ActivitySummary> {
  const members = castMembers(
    s.random,
    s.accounts,
    new Map([
      [DEMO_ADMIN.username, 3],
      [DEMO_MEMBER.username, 6],
    ]),
  );
  const plan = planActivity(s.random, s.now, members, {
    ana: DEMO_MEMBER.username,
    admin: DEMO_ADMIN.username,
  });
  const summary = await replayActivity(s.ctx, plan);
  const ana = plan.member(DEMO_MEMBER.username);
  const marks = [
    ['notifications', await newestBefore(s.ctx.db, 'notifications', ana.id, plan.anaReadUntil)],
    ['home', await newestBefore(s.ctx.db, 'home_feed', ana.id, s.now - DAY_MS)],
  ] as const;
  for (const [timeline, lastReadId] of marks) {
    if (lastReadId === undefined) continue;
    await setMarker(s.ctx.db, { accountId: ana.id, timeline, lastReadId, at: plan.anaReadUntil });
  }
  return summary;
}

/**
 * Fills an empty database with the demo organisation. Each capability adds its own step
 * here, so the demo always shows everything Rapport can do.
 */
export async function seedDemo(ctx: AppContext, seed = 2026): Promise<DemoSummary> {
  const s: Seeding = {
    ctx,
    random: new Random(seed),
    now: Date.now(),
    passwordHash: await hashPassword(DEMO_PASSWORD),
    accounts: [],
  };
  await seedPeople(s);
  const activity = await seedActivity(s);
  const communities = await seedCommunities(s);
  await seedQuestions(ctx, { ...s, ana: DEMO_MEMBER.username });
  await seedPages(ctx, s.random, s.accounts, s.now, { featured: DEMO_MEMBER.username });
  await seedEvents(ctx, {
    accounts: s.accounts,
    now: s.now,
    ana: DEMO_MEMBER.username,
    admin: DEMO_ADMIN.username,
  });
  // Its own random stream, so the file libraries never change what other steps generate.
  const files = await seedFiles(ctx, new Random(seed + 8), s.accounts, DEMO_MEMBER.username, s.now);
  const moderation = await seedModeration(ctx, {
    accounts: s.accounts,
    now: s.now,
    ana: DEMO_MEMBER.username,
    admin: DEMO_ADMIN.username,
  });
  const chats = await seedChats(ctx, {
    accounts: s.accounts,
    now: s.now,
    ana: DEMO_MEMBER.username,
  });
  const relationships = await seedRelationships(ctx, {
    random: new Random(seed + 13),
    now: s.now,
    accounts: s.accounts,
    ana: DEMO_MEMBER.username,
  });
  await seedIntroductions(ctx, { accounts: s.accounts, now: s.now, ana: DEMO_MEMBER.username });
  await seedInvites(ctx, { accounts: s.accounts, ana: DEMO_MEMBER.username });
  await seedMail(ctx, { accounts: s.accounts, now: s.now, ana: DEMO_MEMBER.username });
  const analytics = await seedAnalytics(ctx, {
    random: new Random(seed + 14),
    now: s.now,
    accounts: s.accounts,
    admin: DEMO_ADMIN.username,
  });
  // Last: it regroups every notification written before it. Its own random stream.
  const inbox = await seedInbox(ctx, {
    random: new Random(seed + 12),
    now: s.now,
    accounts: s.accounts,
    ana: DEMO_MEMBER.username,
  });
  // Steps re-date acts after recording them (the replay runs in seconds): the model is
  // computed once more from the dated ledger, so strengths and "last exchange" are true.
  await recomputeRelationships(ctx.db);
  await markModelCurrent(ctx);
  return {
    activity,
    analytics,
    chats,
    communities,
    inbox,
    files,
    moderation,
    relationships,
    people: s.accounts.length,
    departments: new Set(s.accounts.filter((a) => a.role !== 'guest').map((a) => a.department))
      .size,
  };
}
