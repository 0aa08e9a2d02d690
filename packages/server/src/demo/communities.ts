import sharp from 'sharp';
import type { AppContext } from '../context';
import { EventBus } from '../events';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { createCommunity } from '../features/communities/communities.service';
import { pinStatus } from '../features/communities/content.service';
import { inviteMembers, joinCommunity } from '../features/communities/membership.service';
import { changeRole } from '../features/communities/membership-decisions.service';
import { uploadMedia } from '../features/media/media.service';
import { favourite } from '../features/statuses/reactions.service';
import { createStatus } from '../features/statuses/statuses.service';
import { viewerFrom } from '../http/auth';
import { DAY_MS } from '../lib/time';
import { castMembers, type Member } from './cast';
import { HOUR_MS, reactionDelay, workingMoment, zoneOf } from './clock';
import { restampCommunities } from './communities.queries';
import { type CommunitySpec, SPECS } from './community-texts';
import { restampHistory, type Stamps } from './demo.queries';
import { Random } from './random';
import { replyText } from './replies';
import { Writer } from './writing';

export interface CommunitiesSummary {
  communities: number;
  memberships: number;
  statuses: number;
}

interface Seeding {
  ctx: AppContext;
  random: Random;
  now: number;
  accounts: AccountRow[];
}

/** Who is in each community (the owner first) and who runs it with them. */
interface Cast {
  owner: AccountRow;
  members: AccountRow[];
  moderators: AccountRow[];
}

function castOf(s: Seeding, spec: CommunitySpec): Cast {
  const active = s.accounts.filter((a) => a.suspended === 0);
  const staff = active.filter((a) => a.role !== 'guest');
  const named = (username: string) => active.find((a) => a.username === username) as AccountRow;
  const ana = named('ana_silva');
  const of = (department: string) => staff.filter((a) => a.department === department);
  const lead = (department: string) =>
    of(department).find((a) => /Head|Lead|Director|Chief|VP/.test(a.title)) ?? of(department)[0];
  const some = (people: AccountRow[], share: number) =>
    s.random.sample(people, Math.round(people.length * share));
  const with_ = (
    owner: AccountRow | undefined,
    people: AccountRow[],
    moderators: AccountRow[] = [],
  ) => {
    const first = owner ?? (people[0] as AccountRow);
    const members = [...new Set([first, ...people, ...moderators])];
    return { owner: first, members, moderators };
  };
  switch (spec.key) {
    case 'design':
      return with_(lead('Design'), [...of('Design'), ...some(of('Product'), 0.4), ana]);
    case 'engineering':
      return with_(lead('Engineering'), [
        ...some(of('Engineering'), 0.7),
        ...some(of('Product'), 0.2),
      ]);
    case 'runners':
      return with_(s.random.pick(staff), [...s.random.sample(staff, 18), ana]);
    case 'product':
      return with_(lead('Product'), of('Product'), [ana]);
    case 'success':
      return with_(lead('Customer Success'), of('Customer Success'));
    case 'acme':
      return with_(lead('Customer Success'), [
        named('lucia_acme'),
        ana,
        ...some(of('Customer Success'), 0.4),
        ...some(of('Sales'), 0.15),
      ]);
    case 'globex':
      return with_(lead('Engineering'), [
        named('kwame_globex'),
        named('mei_globex'),
        ...s.random.sample(of('Engineering'), 4),
      ]);
    case 'northstar':
      return with_(
        lead('Finance'),
        ['Engineering', 'Product', 'Sales'].flatMap((d) => lead(d) ?? []),
      );
    default:
      return with_(lead('Design'), [...s.random.sample(staff, 7)]);
  }
}

/** A drawn cover: two colours, a gradient and a few soft circles. */
async function coverImage(random: Random, [from, to]: [string, string]): Promise<Buffer> {
  const circles = Array.from({ length: 5 }, () => {
    const r = random.int(60, 180);
    return `<circle cx="${random.int(0, 1200)}" cy="${random.int(0, 400)}" r="${r}" fill="#ffffff" fill-opacity="${(random.int(8, 22) / 100).toFixed(2)}"/>`;
  }).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="400"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="1200" height="400" fill="url(#g)"/>${circles}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * The demo's communities, made through the same services the API uses: practices and a
 * social club anyone may join, private department teams, forums with the customer's and
 * the partner's guests, one secret community, and a few weeks of conversations in each.
 * Ana belongs to several, moderates the product team (where someone waits to be let in)
 * and has an invitation waiting. Every row gets the moment its act happened afterwards.
 */
export async function seedCommunities(s: Seeding): Promise<CommunitiesSummary> {
  const ctx: AppContext = { ...s.ctx, events: new EventBus(s.ctx.log) };
  const since = Date.now();
  const members = new Map(castMembers(new Random(41), s.accounts, new Map()).map((m) => [m.id, m]));
  const stamps: Stamps = {
    statuses: new Map(),
    favourites: new Map(),
    bookmarks: new Map(),
    reblogs: new Map(),
    follows: new Map(),
    votes: new Map(),
    edits: new Map(),
    pollsEnded: new Map(),
  };
  const times = { communities: new Map<number, number>(), places: new Map<string, number>() };
  const summary: CommunitiesSummary = { communities: 0, memberships: 0, statuses: 0 };
  const ana = s.accounts.find((a) => a.username === 'ana_silva') as AccountRow;
  const admin = s.accounts.find((a) => a.role === 'admin') as AccountRow;
  let product: { id: number; owner: AccountRow; cast: AccountRow[] } | undefined;

  for (const spec of SPECS) {
    const cast = castOf(s, spec);
    const createdAt = s.now - s.random.int(45, 70) * DAY_MS;
    const cover = spec.cover
      ? await uploadMedia(ctx, viewerFrom(cast.owner), {
          file: {
            filename: 'cover.png',
            mimetype: 'image/png',
            data: await coverImage(s.random, spec.cover),
          },
          description: spec.coverDescription ?? '',
        })
      : undefined;
    const community = await createCommunity(ctx, viewerFrom(cast.owner), {
      name: spec.name,
      description: spec.description,
      privacy: spec.privacy,
      ...(cover ? { cover_media_id: String(cover.id) } : {}),
    });
    const id = Number(community.id);
    times.communities.set(id, createdAt);
    times.places.set(`${id}:${cast.owner.id}`, createdAt);
    summary.communities += 1;

    // Ana's invitation to the accessibility champions waits for her answer.
    const joining = cast.members.filter(
      (a) => a.id !== cast.owner.id && !(spec.key === 'a11y' && a.id === ana.id),
    );
    if (spec.privacy !== 'public') {
      const staff = joining.filter((a) => a.role !== 'guest');
      await inviteMembers(
        ctx,
        viewerFrom(cast.owner),
        id,
        staff.map((a) => a.id),
      );
      // Guests are brought in by the admin, the only one who may see them beforehand.
      const guests = joining.filter((a) => a.role === 'guest');
      if (guests.length > 0)
        await inviteMembers(
          ctx,
          viewerFrom(admin),
          id,
          guests.map((a) => a.id),
        );
    }
    const joinedAt = new Map<number, number>([[cast.owner.id, createdAt]]);
    for (const account of joining) {
      await joinCommunity(ctx, viewerFrom(account), id);
      const at = Math.max(createdAt, account.created_at) + s.random.int(1, 10 * 24) * HOUR_MS;
      joinedAt.set(account.id, at);
      times.places.set(`${id}:${account.id}`, at);
      summary.memberships += 1;
    }
    for (const moderator of cast.moderators) {
      await changeRole(ctx, viewerFrom(cast.owner), id, moderator.id, 'moderator');
    }
    if (spec.key === 'a11y') {
      await inviteMembers(ctx, viewerFrom(cast.owner), id, [ana.id]);
      times.places.set(`${id}:${ana.id}`, s.now - 26 * HOUR_MS);
    }
    if (spec.key === 'product') product = { id, owner: cast.owner, cast: cast.members };

    const posted = await postConversations(ctx, s, spec, id, joinedAt, members, stamps);
    summary.statuses += posted.length;
    const first = posted[0];
    if (spec.pinFirst && first) {
      await pinStatus(ctx, viewerFrom(cast.owner), id, first.id);
    }
  }

  // Someone from design asked to join the product team a few hours ago: Ana decides.
  if (product) {
    // The last such designer: the file libraries (files.ts) have the first few upload here.
    const asker = s.accounts.findLast(
      (a) =>
        a.department === 'Design' &&
        a.suspended === 0 &&
        !product?.cast.some((member) => member.id === a.id),
    );
    if (asker) {
      await joinCommunity(ctx, viewerFrom(asker), product.id);
      times.places.set(`${product.id}:${asker.id}`, s.now - 5 * HOUR_MS);
    }
  }

  await restampHistory(s.ctx.db, since, stamps);
  await restampCommunities(s.ctx.db, since, times);
  return summary;
}

/** A few weeks of conversations, some answered, some favourited, by the community's members. */
async function postConversations(
  ctx: AppContext,
  s: Seeding,
  spec: CommunitySpec,
  communityId: number,
  joinedAt: Map<number, number>,
  members: Map<number, Member>,
  stamps: Stamps,
): Promise<Array<{ id: number; at: number }>> {
  const people = [...joinedAt.keys()].map((id) => memberFor(s, members, id));
  // A few people write most of what a community reads, as everywhere: its writers are the
  // members who write most in the organisation (guests, outside the cast, count as writers).
  const weight = (p: Member) => (p.role === 'guest' ? 0.01 : p.writes);
  const byWriting = [...people].sort((a, b) => weight(b) - weight(a));
  const writers = byWriting.slice(0, Math.max(2, Math.ceil(people.length / 6)));
  const posted: Array<{ id: number; at: number }> = [];
  for (let i = 0; i < spec.statuses; i++) {
    const author = i === 0 ? (people[0] as Member) : s.random.pick(writers);
    const from = Math.max(s.now - 35 * DAY_MS, joinedAt.get(author.id) ?? s.now);
    const at =
      i === 0
        ? from + DAY_MS
        : workingMoment(s.random, author.zone, { from, to: s.now - HOUR_MS, now: s.now });
    if (at === undefined) continue;
    const writer = writerFor(s, author, at, people);
    const text = (i === 0 ? spec.texts[0] : s.random.pick(spec.texts))?.(writer) ?? '';
    const status = await createStatus(
      ctx,
      viewerFrom(author),
      { status: text, community_id: String(communityId), visibility: 'public' },
      { applicationId: null, at },
    );
    stamps.statuses.set(status.id, at);
    posted.push({ id: status.id, at });
    const readers = people.filter((p) => p.id !== author.id && (joinedAt.get(p.id) ?? 0) < at);
    const said = new Set<string>();
    let last = at;
    const answering = readers.filter((p) => p.writes > 0 || p.role === 'guest');
    for (const replier of s.random.sample(answering, s.random.int(0, 2))) {
      last = Math.min(s.now - 60_000, last + reactionDelay(s.random));
      const reply = await createStatus(
        ctx,
        viewerFrom(replier),
        {
          status: replyText(
            writerFor(s, replier, last, people),
            'update',
            'others',
            [author],
            said,
          ),
          in_reply_to_id: String(status.id),
        },
        { applicationId: null, at: last },
      );
      stamps.statuses.set(reply.id, last);
    }
    for (const fan of s.random.sample(readers, s.random.int(0, Math.min(6, readers.length)))) {
      const when = Math.min(s.now - 60_000, at + reactionDelay(s.random));
      await favourite(ctx, viewerFrom(fan), status.id);
      stamps.favourites.set(`${fan.id}:${status.id}`, when);
    }
  }
  return posted.sort((a, b) => a.at - b.at);
}

/** Guests are not in the activity cast; they write in their forums all the same. */
function memberFor(s: Seeding, members: Map<number, Member>, id: number): Member {
  const known = members.get(id);
  if (known) return known;
  const account = s.accounts.find((a) => a.id === id) as AccountRow;
  return {
    id: account.id,
    username: account.username,
    displayName: account.display_name,
    firstName: account.display_name.split(' ')[0] ?? account.display_name,
    role: account.role,
    department: account.department,
    title: account.title,
    skills: JSON.parse(account.skills) as string[],
    location: account.location,
    zone: zoneOf(account.location),
    joinedAt: account.created_at,
    segment: 'occasional',
    writes: 0,
    reacts: 0.5,
    popularity: 1,
    lead: false,
    communicator: false,
  };
}

/** A writer whose colleagues are the community's members, so mentions stay inside it. */
function writerFor(s: Seeding, author: Member, at: number, people: Member[]): Writer {
  return new Writer(s.random, author, at, {
    colleagues: (who) => people.filter((p) => p.department === who.department),
    everyone: () => people,
  });
}
