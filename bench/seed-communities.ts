import type { CommunityPrivacy } from '@rapport/schema';
import type { AppContext } from '../packages/server/src/context';
import { Random } from '../packages/server/src/demo/random';
import type { AccountRow } from '../packages/server/src/features/accounts/accounts.queries';
import { findAccountsByIds } from '../packages/server/src/features/accounts/accounts.queries';
import { createEvent } from '../packages/server/src/features/events/events.service';
import { createPage } from '../packages/server/src/features/pages/pages.service';
import { acceptAnswer } from '../packages/server/src/features/questions/questions.service';
import { createStatus } from '../packages/server/src/features/statuses/statuses.service';
import { type Viewer, viewerFrom } from '../packages/server/src/http/auth';
import { addMember, insertCommunity } from '../packages/server/test/community-factory';

/** Words the questions, pages and events are about: the experts and search rows ask for them. */
export const TOPICS = [
  'kubernetes',
  'onboarding',
  'pricing',
  'roadmap',
  'accessibility',
  'security',
  'analytics',
  'hiring',
];

export interface CommunitySize {
  communities: number;
  statusesPerCommunity: number;
  questions: number;
  pages: number;
  events: number;
}

export interface CommunitySeeded {
  /** Pairs of (index into `Seeded.tokens`, a community that viewer belongs to). */
  memberships: Array<[number, number]>;
  counts: CommunitySize;
}

/**
 * Communities with members (every bench viewer in a few), their conversations, questions
 * with answers (some accepted), knowledge pages and upcoming events, written through the
 * real services so every derived row (home feeds, counts, search terms) is as in use.
 */
export async function seedCommunities(
  ctx: AppContext,
  options: { accountIds: number[]; viewerIds: number[]; size: CommunitySize; now: number },
): Promise<CommunitySeeded> {
  const random = new Random(44);
  const { size, now } = options;
  const members = options.accountIds.slice(1);
  const rows = new Map(
    (await findAccountsByIds(ctx.db, options.accountIds)).map((row) => [row.id, row]),
  );
  const as = (id: number): Viewer => viewerFrom(rows.get(id) as AccountRow);
  const privacyOf = (i: number): CommunityPrivacy =>
    i % 7 === 6 ? 'secret' : i % 3 === 2 ? 'private' : 'public';

  const communities: Array<{ id: number; members: number[] }> = [];
  for (let i = 0; i < size.communities; i++) {
    const { id } = await insertCommunity(ctx, {
      privacy: privacyOf(i),
      name: `${TOPICS[i % TOPICS.length]} circle ${i + 1}`,
    });
    const people = random.sample(members, random.int(20, Math.min(120, members.length)));
    for (const [n, accountId] of people.entries()) {
      await addMember(ctx, id, accountId, n === 0 ? 'owner' : 'member');
    }
    communities.push({ id, members: people });
  }
  // Every bench viewer belongs to two or three communities, so the timeline row has work.
  const memberships: Array<[number, number]> = [];
  for (const [index, viewerId] of options.viewerIds.entries()) {
    for (const community of random.sample(communities, random.int(2, 3))) {
      if (!community.members.includes(viewerId)) {
        await addMember(ctx, community.id, viewerId);
        community.members.push(viewerId);
      }
      memberships.push([index, community.id]);
    }
  }

  const at = () => now - random.int(1, 60 * 24) * 3600_000;
  for (const community of communities) {
    for (let n = 0; n < size.statusesPerCommunity; n++) {
      await createStatus(
        ctx,
        as(random.pick(community.members)),
        {
          status: `Notes from the ${random.pick(TOPICS)} work this week, number ${n + 1}.`,
          community_id: String(community.id),
        },
        { applicationId: null, at: at() },
      );
    }
  }

  for (let n = 0; n < size.questions; n++) {
    const topic = random.pick(TOPICS);
    const community = n % 2 === 0 ? random.pick(communities) : null;
    const people = community ? community.members : members;
    const asker = random.pick(people);
    const askedAt = at();
    const question = await createStatus(
      ctx,
      as(asker),
      {
        status: `How do we handle ${topic} for the ${random.pick(['EU', 'US', 'APAC'])} launch? #${topic}`,
        kind: 'question',
        ...(community ? { community_id: String(community.id) } : {}),
      },
      { applicationId: null, at: askedAt },
    );
    const answers: number[] = [];
    for (const answerer of random.sample(
      people.filter((id) => id !== asker),
      random.int(0, 3),
    )) {
      const answer = await createStatus(
        ctx,
        as(answerer),
        {
          status: `For ${topic} we follow the checklist in the handbook.`,
          in_reply_to_id: String(question.id),
        },
        { applicationId: null, at: Math.min(now, askedAt + random.int(1, 48) * 3600_000) },
      );
      answers.push(answer.id);
    }
    if (answers.length > 0 && random.chance(0.5)) {
      await acceptAnswer(ctx, as(asker), question.id, answers[0] as number);
    }
  }

  for (let n = 0; n < size.pages; n++) {
    const topic = random.pick(TOPICS);
    const community = n % 3 === 0 ? random.pick(communities) : null;
    await createPage(
      ctx,
      as(random.pick(community ? community.members : members)),
      {
        title: `${topic[0]?.toUpperCase()}${topic.slice(1)} guide ${n + 1}`,
        body: `# ${topic}\n\nHow we work on ${topic}: the steps, the owners and the pitfalls.\n\n- one\n- two\n- three`,
        ...(community ? { community_id: String(community.id) } : {}),
      },
      { at: at() },
    );
  }

  for (let n = 0; n < size.events; n++) {
    const topic = random.pick(TOPICS);
    const community = n % 2 === 0 ? random.pick(communities) : null;
    const starts = now + random.int(1, 60 * 24) * 3600_000;
    await createEvent(
      ctx,
      as(random.pick(community ? community.members : members)),
      {
        title: `${topic} session ${n + 1}`,
        description: `An hour on ${topic}.`,
        starts_at: new Date(Math.floor(starts / 60_000) * 60_000).toISOString(),
        ends_at: new Date(Math.floor(starts / 60_000) * 60_000 + 3600_000).toISOString(),
        time_zone: 'Europe/Lisbon',
        location: 'Room 4',
        ...(community ? { community_id: String(community.id) } : {}),
      },
      now,
    );
  }
  return { memberships, counts: size };
}
