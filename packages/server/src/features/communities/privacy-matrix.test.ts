import type { Community, CommunityPrivacy } from '@rapport/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { refusal, streamKit } from '../streaming/stream-client';
import {
  addMember,
  community,
  communityPath,
  ids,
  type Person,
  person,
  postIn,
} from './communities.fixtures';

/**
 * The privacy matrix: for each community privacy and each kind of viewer, every place a
 * status posted in the community could surface (the community's own lists, the status
 * itself, home, the organisation and hashtag timelines, search, notifications and the
 * streams) shows it exactly to those the rule allows.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { listen: true });
});
afterAll(() => t.close());

const { connect, subscribe, quiet } = streamKit(() => t);

type Viewer = 'member' | 'staff' | 'guestElsewhere' | 'admin' | 'suspended';
const VIEWERS: Viewer[] = ['member', 'staff', 'guestElsewhere', 'admin', 'suspended'];

/** What a viewer may see of a community and of what is posted in it. */
interface Expected {
  /** That it exists: directory and GET (404 otherwise; 401 for a suspended account). */
  knows: boolean;
  /** Its content: 200, 403 (known but closed) or 404 (unknown). */
  content: 200 | 403 | 404;
  /** The status in their home timeline (members; followers of the author when public). */
  home: boolean;
  /** The organisation and hashtag timelines and streams carry only public communities. */
  organisation: boolean;
  /** Mentioned in the status, they are notified only if they may read it. */
  notified: boolean;
}

const NOTHING: Expected = {
  knows: false,
  content: 404,
  home: false,
  organisation: false,
  notified: false,
};

function expected(viewer: Viewer, privacy: CommunityPrivacy): Expected | 'signed out' {
  if (viewer === 'suspended') return 'signed out';
  if (viewer === 'guestElsewhere') return NOTHING;
  if (viewer === 'member') {
    return {
      knows: true,
      content: 200,
      home: true,
      organisation: privacy === 'public',
      notified: true,
    };
  }
  // Staff and admins who are not members (both follow the author).
  if (privacy === 'public') {
    return { knows: true, content: 200, home: true, organisation: true, notified: true };
  }
  const knows = privacy === 'private' || viewer === 'admin';
  return { ...NOTHING, knows, content: knows ? 403 : 404 };
}

interface World {
  community: Community;
  status: { id: string };
  word: string;
  tag: string;
  people: Record<Viewer, Person>;
  /** What each viewer's stream received: "stream event". */
  streamed: Record<Viewer, string[]>;
}

async function build(privacy: CommunityPrivacy): Promise<World> {
  const author = await person(t, 'member', 'Author');
  const people: Record<Viewer, Person> = {
    member: await person(t),
    staff: await person(t),
    guestElsewhere: await person(t, 'guest'),
    admin: await person(t, 'admin'),
    suspended: await person(t),
  };
  const c = await community(author, privacy);
  await addMember(c, author, people.member, people.suspended);
  // The guest belongs to a community of someone else's: they share none with the author.
  const elsewhere = await community(people.admin, 'private');
  await addMember(elsewhere, people.admin, people.guestElsewhere);
  for (const follower of [people.staff, people.admin, people.member]) {
    const res = await follower.api.post(`/api/v1/accounts/${author.id}/follow`);
    expect(res.status, res.text).toBe(200);
  }
  const suspended = await people.admin.api.post(
    `/api/rapport/v1/admin/accounts/${people.suspended.id}/suspend`,
  );
  expect(suspended.status, suspended.text).toBe(200);

  const word = `zq${Math.random().toString(36).slice(2, 9)}`;
  const tag = `matrix${privacy}${Math.random().toString(36).slice(2, 6)}`;
  const clients = new Map<Viewer, Awaited<ReturnType<typeof connect>>>();
  for (const viewer of VIEWERS) {
    if (viewer === 'suspended') continue;
    const client = await connect(people[viewer].token, { stream: 'user' });
    await subscribe(client, 'public:local');
    await subscribe(client, 'hashtag', { tag });
    clients.set(viewer, client);
  }
  const mentions = VIEWERS.map((v) => `@${people[v].account.username}`).join(' ');
  const status = await postIn(author, c, `Plans ${word} #${tag} ${mentions}`);
  const streamed = {} as Record<Viewer, string[]>;
  for (const viewer of VIEWERS) {
    const client = clients.get(viewer);
    const received = client ? await quiet(client) : [];
    streamed[viewer] = received
      .filter((m) => m.event === 'update' && m.data?.id === status.id)
      .map((m) => `${m.stream?.[0]} ${m.event}`)
      .sort();
  }
  return { community: c, status, word, tag, people, streamed };
}

describe.each(['public', 'private', 'secret'] as const)('a %s community', (privacy) => {
  let world: World;
  beforeAll(async () => {
    world = await build(privacy);
  });

  it.each(VIEWERS)('shows a %s exactly what they may see', async (viewer) => {
    const who = world.people[viewer];
    const rule = expected(viewer, privacy);
    const c = world.community;
    const get = (url: string) => who.api.get(url);

    if (rule === 'signed out') {
      for (const url of [
        '/api/rapport/v1/communities',
        communityPath(c),
        communityPath(c, '/timeline'),
        communityPath(c, '/members'),
        communityPath(c, '/pins'),
        '/api/v1/timelines/home',
        '/api/v1/notifications',
      ]) {
        expect((await get(url)).status, url).toBe(401);
      }
      expect(await refusal(t.url, { token: who.token, query: { stream: 'user' } })).toBe(401);
      return;
    }

    const directory = await get('/api/rapport/v1/communities?limit=80');
    expect(ids(directory.body).includes(c.id), 'directory').toBe(rule.knows);
    const byName = await get(`/api/rapport/v1/communities?q=${encodeURIComponent(c.name)}`);
    expect(ids(byName.body).includes(c.id), 'directory search').toBe(rule.knows);
    expect((await get(communityPath(c))).status, 'GET community').toBe(rule.knows ? 200 : 404);

    for (const list of ['/timeline', '/members', '/pins']) {
      const res = await get(communityPath(c, list));
      expect(res.status, list).toBe(rule.content);
    }
    const timeline = await get(communityPath(c, '/timeline'));
    if (rule.content === 200) expect(ids(timeline.body)).toEqual([world.status.id]);
    const status = await get(`/api/v1/statuses/${world.status.id}`);
    expect(status.status, 'the status').toBe(rule.content === 200 ? 200 : 404);

    const has = async (url: string) => ids((await get(url)).body).includes(world.status.id);
    expect(await has('/api/v1/timelines/home'), 'home').toBe(rule.home);
    expect(await has('/api/v1/timelines/public?local=true'), 'organisation').toBe(
      rule.organisation,
    );
    expect(await has(`/api/v1/timelines/tag/${world.tag}`), 'hashtag').toBe(rule.organisation);
    const search = await get(`/api/v2/search?q=${world.word}&type=statuses`);
    expect(ids(search.body.statuses).includes(world.status.id), 'search').toBe(
      rule.content === 200,
    );
    const notifications = await get('/api/v1/notifications');
    const mentioned = notifications.body.some(
      (n: { status?: { id: string } }) => n.status?.id === world.status.id,
    );
    expect(mentioned, 'notified').toBe(rule.notified);

    const streams = [
      ...(rule.home ? ['user update'] : []),
      ...(rule.organisation ? ['hashtag update', 'public:local update'] : []),
    ].sort();
    expect(world.streamed[viewer], 'streams').toEqual(streams);
  });
});
