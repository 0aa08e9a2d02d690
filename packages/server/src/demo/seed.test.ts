import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../context';
import { findAccountByUsername } from '../features/accounts/accounts.queries';
import { planActivity } from './activity';
import { castMembers } from './cast';
import { type SeededDemo, startSeededDemo } from './demo.test-support';
import { Random } from './random';
import { DEMO_ADMIN, DEMO_MEMBER, type DemoSummary } from './seed';

let demo: SeededDemo;
let ctx: AppContext;
let summary: DemoSummary;
let ana: Awaited<ReturnType<SeededDemo['as']>>;

beforeAll(async () => {
  demo = await startSeededDemo();
  ({ ctx, summary } = demo);
  ana = await demo.as(DEMO_MEMBER.username);
}, 240_000);
afterAll(() => demo?.close());

describe('the demo organisation', () => {
  it('has a few months of activity of every kind', () => {
    const { activity } = summary;
    expect(activity.statuses).toBeGreaterThan(1500);
    expect(activity.replies).toBeGreaterThan(500);
    expect(activity.follows).toBeGreaterThan(3000);
    expect(activity.favourites).toBeGreaterThan(3000);
    expect(activity.boosts).toBeGreaterThan(100);
    expect(activity.bookmarks).toBeGreaterThan(50);
    expect(activity.polls).toBe(10);
    expect(activity.votes).toBeGreaterThan(100);
    expect(activity.edits).toBe(2);
  });

  it('shows participation inequality: the top 15% of people write most statuses', async () => {
    const rows = await ctx.db
      .selectFrom('accounts')
      .leftJoin('statuses', (join) =>
        join
          .onRef('statuses.account_id', '=', 'accounts.id')
          .on('statuses.reblog_of_id', 'is', null),
      )
      .select(['accounts.id', (eb) => eb.fn.count<number>('statuses.id').as('written')])
      .where('accounts.role', '!=', 'guest')
      .where('accounts.suspended', '=', 0)
      .groupBy('accounts.id')
      .execute();
    const written = rows.map((row) => Number(row.written)).sort((a, b) => b - a);
    const total = written.reduce((sum, n) => sum + n, 0);
    const top = written.slice(0, Math.round(written.length * 0.15)).reduce((sum, n) => sum + n, 0);
    expect(top / total).toBeGreaterThanOrEqual(0.7);
    // Many only read and react, and a few never do anything.
    expect(written.filter((n) => n === 0).length).toBeGreaterThan(written.length * 0.3);
  });

  it("fills Ana's home timeline", async () => {
    const home = await ana.get('/api/v1/timelines/home');
    expect(home.status).toBe(200);
    expect(home.body).toHaveLength(20);
    const authors = new Set(home.body.map((s: { account: { id: string } }) => s.account.id));
    expect(authors.size).toBeGreaterThan(3);
  });

  it('leaves Ana unread notifications of every kind, and older read ones', async () => {
    const markers = await ana.get('/api/v1/markers?timeline[]=notifications');
    const lastRead = markers.body.notifications.last_read_id as string;
    const unread = await ana.get(`/api/v1/notifications?limit=80&since_id=${lastRead}`);
    expect(unread.status).toBe(200);
    // Every unread notification, page by page (more kinds than one page holds).
    const all: Array<{ id: string; type: string }> = [...unread.body];
    for (let page = unread.body; page.length === 80; ) {
      page = (
        await ana.get(
          `/api/v1/notifications?limit=80&since_id=${lastRead}&max_id=${page.at(-1).id}`,
        )
      ).body;
      all.push(...page);
    }
    const types = new Set(all.map((n) => n.type));
    for (const type of ['mention', 'favourite', 'reblog', 'follow']) expect(types).toContain(type);
    const read = await ana.get(`/api/v1/notifications?max_id=${lastRead}`);
    expect(read.body.length).toBeGreaterThan(0);
    const newest = Date.parse(unread.body[0].created_at);
    expect(Date.now() - newest).toBeLessThan(4 * 24 * 3600_000);
  });

  it('has threads, polls, hashtags, edits, content warnings and private statuses', async () => {
    const root = await ctx.db
      .selectFrom('statuses')
      .select('thread_id')
      .where('in_reply_to_id', 'is not', null)
      .where('visibility', '=', 'public')
      .groupBy('thread_id')
      .having((eb) => eb.fn.countAll(), '>=', 3)
      .executeTakeFirstOrThrow();
    const context = await ana.get(`/api/v1/statuses/${root.thread_id}/context`);
    expect(context.body.descendants.length).toBeGreaterThanOrEqual(2);

    const polls = await ctx.db.selectFrom('polls').select(['id', 'expires_at']).execute();
    expect(polls.some((p) => p.expires_at < Date.now())).toBe(true);
    expect(polls.some((p) => p.expires_at > Date.now())).toBe(true);
    const ended = polls.find((p) => p.expires_at < Date.now());
    const poll = await ana.get(`/api/v1/polls/${ended?.id}`);
    expect(poll.body).toMatchObject({ expired: true });
    expect(poll.body.votes_count).toBeGreaterThan(5);

    for (const tag of ['kudos', 'launch', 'onboarding', 'q3planning', 'engineering']) {
      const tagged = await ana.get(`/api/v1/timelines/tag/${tag}`);
      expect(tagged.body.length, tag).toBeGreaterThan(0);
    }
    const counts = await ctx.db
      .selectFrom('statuses')
      .select((eb) => [
        eb.fn.countAll<number>().filterWhere('edited_at', 'is not', null).as('edited'),
        eb.fn.countAll<number>().filterWhere('spoiler_text', '!=', '').as('warned'),
        eb.fn.countAll<number>().filterWhere('visibility', '=', 'private').as('private'),
        eb.fn.countAll<number>().filterWhere('visibility', '=', 'direct').as('direct'),
      ])
      .executeTakeFirstOrThrow();
    expect(Number(counts.edited)).toBe(2);
    expect(Number(counts.warned)).toBeGreaterThan(0);
    expect(Number(counts.private)).toBeGreaterThan(0);
    expect(Number(counts.direct)).toBeGreaterThan(0);
  });

  it('has communities: practices, teams, a customer forum, a secret one, and Ana in them', async () => {
    expect(summary.communities.communities).toBeGreaterThanOrEqual(8);
    const mine = await ana.get('/api/rapport/v1/communities?membership=member&limit=40');
    const names = mine.body.map((c: { name: string }) => c.name);
    expect(names).toEqual(
      expect.arrayContaining(['Design Practice', 'Product Team', 'Acme Customer Forum']),
    );
    const all = await ana.get('/api/rapport/v1/communities?limit=40');
    const privacies = new Set(all.body.map((c: { privacy: string }) => c.privacy));
    expect(privacies).toEqual(new Set(['public', 'private']));
    const product = mine.body.find((c: { name: string }) => c.name === 'Product Team');
    expect(product.membership.role).toBe('moderator');
    const requests = await ana.get(`/api/rapport/v1/communities/${product.id}/requests`);
    expect(requests.body).toHaveLength(1);
    const invited = await ana.get('/api/rapport/v1/communities?membership=invited');
    expect(invited.body.map((c: { name: string }) => c.name)).toEqual(['Accessibility Champions']);
    const notifications = await ana.get('/api/v1/notifications?limit=80');
    const types = new Set(notifications.body.map((n: { type: string }) => n.type));
    expect(types).toContain('community_invitation');
    expect(types).toContain('community_request');
    const design = all.body.find((c: { name: string }) => c.name === 'Design Practice');
    expect(design.cover).not.toBeNull();
    const timeline = await ana.get(`/api/rapport/v1/communities/${design.id}/timeline`);
    expect(timeline.body.length).toBeGreaterThan(5);
    const pins = await ana.get(`/api/rapport/v1/communities/${design.id}/pins`);
    expect(pins.body).toHaveLength(1);
    const forum = mine.body.find((c: { name: string }) => c.name === 'Acme Customer Forum');
    const guests = await ana.get(`/api/rapport/v1/communities/${forum.id}/members?limit=80`);
    expect(
      guests.body.some(
        (m: { account: { username: string } }) => m.account.username === 'lucia_acme',
      ),
    ).toBe(true);
    // The secret community exists, but Ana is not in it and never sees it.
    const secret = await ctx.db
      .selectFrom('communities')
      .select('id')
      .where('privacy', '=', 'secret')
      .executeTakeFirstOrThrow();
    expect((await ana.get(`/api/rapport/v1/communities/${secret.id}`)).status).toBe(404);
  });

  it('has questions in every state, answered by people who know, and one for Ana', async () => {
    for (const state of ['unanswered', 'answered', 'accepted']) {
      const list = await ana.get(`/api/rapport/v1/questions?state=${state}`);
      expect(list.status).toBe(200);
      expect(list.body.length, state).toBeGreaterThan(0);
    }
    const notifications = await ana.get('/api/v1/notifications?types[]=question_suggested');
    expect(notifications.body).toHaveLength(1);
    expect(notifications.body[0].status.question.state).toBe('unanswered');
    const experts = await ana.get('/api/rapport/v1/experts?topic=kubernetes');
    expect(experts.body.length).toBeGreaterThan(1);
    const kinds = experts.body[0].evidence.map((e: { kind: string }) => e.kind);
    expect(kinds).toContain('accepted_answer');
  });

  it('has a handbook of pages, revised by several co-authors', async () => {
    const pages = await ana.get('/api/rapport/v1/pages?limit=40');
    expect(pages.status).toBe(200);
    expect(pages.body.length).toBeGreaterThanOrEqual(12);
    expect(pages.body.every((page: { revision: number }) => page.revision >= 3)).toBe(true);
    expect(
      pages.body.filter((page: { co_authors: unknown[] }) => page.co_authors.length >= 2).length,
    ).toBeGreaterThanOrEqual(10);
    const diff = await ana.get(`/api/rapport/v1/pages/${pages.body[0].id}/diff?from=1`);
    expect(diff.status).toBe(200);
    expect(diff.body.hunks.length).toBeGreaterThan(0);
  });

  it('has community file libraries, with versions by different people', async () => {
    expect(summary.files).toEqual({ communities: 3, files: 7, versions: 12 });
    const product = await ctx.db
      .selectFrom('communities')
      .select('id')
      .where('name_key', '=', 'product team')
      .executeTakeFirstOrThrow();
    const files = await ana.get(`/api/rapport/v1/communities/${product.id}/files`);
    expect(files.status).toBe(200);
    expect(files.body.map((f: { name: string }) => f.name)).toContain('Q3 roadmap.md');
    const roadmap = files.body.find((f: { name: string }) => f.name === 'Q3 roadmap.md');
    const versions = await ana.get(`/api/rapport/v1/files/${roadmap.id}/versions`);
    expect(versions.body).toHaveLength(3);
    const uploaders = new Set(
      versions.body.map((v: { uploaded_by: { id: string } }) => v.uploaded_by.id),
    );
    expect(uploaders.size).toBe(3);
    const download = await ana.get(`/api/rapport/v1/files/${roadmap.id}/download?version=1`);
    expect(download.status).toBe(200);
    expect(download.text).toContain('# Q3 roadmap');
    expect(download.text).not.toContain('Event reminders');
  });

  it('answers a search for "onboarding" with a community, a question, a page, an event and statuses', async () => {
    const res = await ana.get('/api/rapport/v1/search?q=onboarding');
    expect(res.status).toBe(200);
    for (const kind of ['statuses', 'communities', 'questions', 'pages', 'events']) {
      expect(res.body[kind].length, kind).toBeGreaterThan(0);
    }
  });

  it('has a moderation queue: a report for Ana in the team she moderates, more for the admins', async () => {
    expect(summary.moderation).toEqual({ open: 2, resolved: 2 });
    const mine = await ana.get('/api/rapport/v1/moderation/reports?state=open');
    expect(mine.status).toBe(200);
    expect(mine.body).toHaveLength(1);
    expect(mine.body[0].community.name).toBe('Product Team');
    const admin = await demo.as(DEMO_ADMIN.username);
    expect((await admin.get('/api/rapport/v1/moderation/reports?state=open')).body).toHaveLength(2);
    const resolved = await admin.get('/api/rapport/v1/moderation/reports?state=resolved');
    expect(resolved.body.map((r: { action: string }) => r.action).sort()).toEqual([
      'dismiss',
      'hide',
    ]);
  });

  it('gives Ana live conversations: one-to-one and groups, some unread, one muted', async () => {
    expect(summary.chats).toEqual({ chats: 6, messages: 27 });
    const list = await ana.get('/api/rapport/v1/chats');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(4);
    const unread = list.body.map((c: { unread_count: number }) => c.unread_count);
    expect(unread.filter((n: number) => n > 0)).toHaveLength(3);
    expect(list.body.filter((c: { muted: boolean }) => c.muted)).toHaveLength(1);
    // The muted conversation's unread messages stay out of the badge.
    expect((await ana.get('/api/rapport/v1/chats/unread_count')).body).toEqual({ count: 2 });
    const squad = list.body.find((c: { title: string }) => c.title === 'Onboarding squad');
    const messages = await ana.get(`/api/rapport/v1/chats/${squad.id}/messages`);
    expect(messages.body.some((m: { html: string }) => m.html.includes('<a href='))).toBe(true);
  });

  it('mails nobody but Ana when it starts: her daily digest of what she has not seen', async () => {
    // Noon UTC today: Ana's 08:00 in Lisbon has passed, everyone else had today's digest.
    const day = new Date();
    const noon = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 12);
    const { runDigests } = await import('../features/email/digest.service');
    expect(await runDigests(ctx, noon)).toEqual({ sent: 1 });
    const account = await findAccountByUsername(ctx.db, DEMO_MEMBER.username);
    const runs = await ctx.db
      .selectFrom('digest_runs')
      .selectAll()
      .where('items', '>', 0)
      .execute();
    expect(runs.map((run) => run.account_id)).toEqual([account?.id]);
    await ctx.events.settled();
  });

  it('gives Ana a lively inbox: answers, replies and mentions, some read, and grouped favourites', async () => {
    expect(summary.inbox).toEqual({ items: 6, favourites: 5 });
    const items = (await ana.get('/api/rapport/v1/inbox?limit=40')).body as Array<{
      kind: string;
      unread: boolean;
    }>;
    const kinds = new Set(items.map((item) => item.kind));
    for (const kind of ['message', 'mention', 'reply', 'answer']) expect(kinds).toContain(kind);
    expect(items.filter((item) => item.unread).length).toBeGreaterThanOrEqual(5);
    expect(items.filter((item) => !item.unread).length).toBeGreaterThanOrEqual(2);
    const answers = (await ana.get('/api/rapport/v1/inbox?filter=answers')).body;
    expect(answers.map((item: { unread: boolean }) => item.unread).slice(0, 3)).toEqual([
      true,
      true,
      false,
    ]);
    const unread = (await ana.get('/api/rapport/v1/inbox/unread_count')).body.count;
    expect(unread).toBe(items.filter((item) => item.unread).length);

    const groups = (await ana.get('/api/v2/notifications?limit=80')).body
      .notification_groups as Array<{ type: string; notifications_count: number }>;
    const launch = groups.find((g) => g.type === 'favourite' && g.notifications_count === 5);
    expect(launch).toBeDefined();
    // The replayed months are grouped too.
    expect(
      groups.some((g) => g.type === 'favourite' && g.notifications_count > 1 && g !== launch),
    ).toBe(true);
  });

  it('gives Ana introductions: one asked of her, one passed on to her, one she asked, accepted', async () => {
    const list = async (role: string) =>
      (await ana.get(`/api/rapport/v1/introductions?role=${role}`)).body as Array<{
        state: string;
        note: string | null;
        target: { id: string };
      }>;
    expect((await list('introducer')).map((i) => i.state)).toEqual(['requested']);
    const forHer = await list('target');
    expect(forHer.map((i) => i.state)).toEqual(['forwarded']);
    expect(forHer[0]?.note).toBeTruthy();
    const asked = await list('requester');
    expect(asked.map((i) => i.state)).toEqual(['accepted']);
    const card = await ana.get(`/api/rapport/v1/relationships/${asked[0]?.target.id}`);
    expect(['recognition', 'collaboration', 'trusted']).toContain(card.body.stage);
    const unread = await ana.get('/api/v1/notifications?types[]=introduction_requested');
    expect(unread.body).toHaveLength(1);
  });

  it('gives Ana one invitation to an event from a colleague', async () => {
    const invited = await ana.get('/api/v1/notifications?types[]=event_invitation');
    expect(invited.body).toHaveLength(1);
    expect(invited.body[0].subject.type).toBe('event');
  });

  it('gives the analytics a realistic picture', async () => {
    const admin = await demo.as(DEMO_ADMIN.username);
    const participation = (await admin.get('/api/rapport/v1/analytics/participation')).body;
    // Near the 85/15 pattern, with observers and people who never come.
    expect(participation.top15_share).toBeGreaterThan(0.75);
    expect(participation.segments.observers).toBeGreaterThan(10);
    expect(participation.segments.inactive).toBeGreaterThanOrEqual(5);
    // Procurement: eight questions, one person answering.
    const risk = (await admin.get('/api/rapport/v1/analytics/knowledge_risk')).body;
    expect(risk.topics[0]).toMatchObject({ name: 'Procurement', bus_factor: 1, at_risk: true });
    // Engineering keeps to itself.
    const silos = (await admin.get('/api/rapport/v1/analytics/silos')).body;
    const isolated = silos.departments.filter((d: { isolated: boolean }) => d.isolated);
    expect(isolated.map((d: { name: string }) => d.name)).toEqual(['Engineering']);
    // The customer forum answers more slowly than it promised.
    const { communities } = (await ana.get('/api/rapport/v1/analytics/scopes')).body;
    expect(communities.map((c: { name: string }) => c.name)).toEqual(['Product Team']);
    const forum = await ctx.db
      .selectFrom('communities')
      .select('id')
      .where('name', '=', 'Acme Customer Forum')
      .executeTakeFirstOrThrow();
    const slow = (
      await admin.get(`/api/rapport/v1/analytics/responsiveness?scope=community:${forum.id}`)
    ).body;
    expect(slow.target).toMatchObject({ answer_within_hours: 8, answered_share: 0.9 });
    expect(slow.within_target_share).toBeLessThan(0.5);
  });

  it('plans the same history from the same seed', async () => {
    const accounts = await ctx.db.selectFrom('accounts').selectAll().orderBy('id').execute();
    const now = Date.now();
    const plan = () => {
      const random = new Random(7);
      const members = castMembers(random, accounts, new Map([[DEMO_ADMIN.username, 3]]));
      return planActivity(random, now, members, {
        ana: DEMO_MEMBER.username,
        admin: DEMO_ADMIN.username,
      }).actions.map((a) => `${a.type} ${a.at} ${'draft' in a ? a.draft.text : ''}`);
    };
    expect(plan()).toEqual(plan());
  });
});
