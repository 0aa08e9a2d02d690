import type { Advice, AdviceSuggestion, OutreachChannel } from '@rapport/schema';
import type { AppContext } from '../../context';
import { idAt } from '../../db/ids';
import type { Viewer } from '../../http/auth';
import { presentAccount } from '../accounts/accounts.presenter';
import type { AccountRow } from '../accounts/accounts.queries';
import { introducersFor } from '../introductions/introductions.service';
import { stageAdvice } from './advice';
import { DAY_MS, stageAtLeast, standingAt } from './model';
import { optedOutAmong } from './model.queries';
import { requireInsights } from './privacy.service';
import { recentStatusesOf, tagKeysOf } from './recent-statuses.queries';
import { ownPost, visibleStatusIds } from './reconnect.service';
import { findRelationshipRow } from './relationships.queries';
import { otherPerson } from './relationships.service';
import { sharedCommunities, topicsOf } from './shared.queries';
import { excerptOf, nameOf, statusPath } from './words';

/** A post worth commenting on is at most 90 days old; an open question at most a year. */
const COMMENT_DAYS = 90;
const QUESTION_DAYS = 365;
/** How many of their newest statuses are looked at (one range of statuses_account). */
const LOOK_AT = 100;

/** Which suggestion comes first on each channel, before and after recognition. */
const ORDER: Record<'cold' | 'warm', Record<OutreachChannel, AdviceSuggestion['kind'][]>> = {
  // Before recognition: a mention or a message goes best as a reply to something they
  // posted; an invitation from a stranger goes best through someone both know.
  cold: {
    direct_message: ['comment', 'answer', 'introduction'],
    mention: ['comment', 'answer', 'introduction'],
    event: ['introduction', 'comment', 'answer'],
    page: ['introduction', 'comment', 'answer'],
  },
  // After recognition: the channel they chose works; a joint initiative develops it.
  warm: {
    direct_message: ['message', 'joint_initiative', 'invite'],
    mention: ['message', 'joint_initiative', 'invite'],
    event: ['invite', 'joint_initiative', 'message'],
    page: ['joint_initiative', 'invite', 'message'],
  },
};

const suggestion = (
  kind: AdviceSuggestion['kind'],
  text: string,
  extra: Partial<AdviceSuggestion> = {},
): AdviceSuggestion => ({ kind, text, status_id: null, path: null, introducer: null, ...extra });

/**
 * Advice for reaching one person on one channel, with specific suggestions: before
 * recognition, a recent post of theirs to comment on (one on a topic both write about
 * first), an open question of theirs to answer, and someone both know who could
 * introduce them; after, a joint initiative (a page or an event, in a community both
 * belong to when there is one) and a message. Every status suggested is one the viewer
 * may see. Advice never blocks anything: it is shown beside the button.
 */
export async function channelAdvice(
  ctx: AppContext,
  viewer: Viewer,
  accountId: number,
  channel: OutreachChannel | undefined,
): Promise<Advice> {
  await requireInsights(ctx, viewer);
  const account = await otherPerson(ctx, viewer, accountId);
  const name = nameOf(account);
  const now = Date.now();
  // Someone who turned insights off gets only what anyone would: no stage, no specifics.
  if ((await optedOutAmong(ctx.db, [account.id])).size > 0) {
    return stageAdvice('none', name, channel ?? null);
  }
  const row = await findRelationshipRow(ctx.db, viewer.id, account.id);
  const stage = row
    ? standingAt(row.stage, row.declared === 1, row.last_substantive_at, now).stage
    : 'none';
  const warm = stageAtLeast(stage, 'recognition');
  const specific = warm
    ? await warmSuggestions(ctx, viewer, account)
    : await coldSuggestions(ctx, viewer, account, now);
  const order = ORDER[warm ? 'warm' : 'cold'][channel ?? 'direct_message'];
  const rank = (s: AdviceSuggestion) => order.indexOf(s.kind);
  return stageAdvice(
    stage,
    name,
    channel ?? null,
    specific.sort((a, b) => rank(a) - rank(b)),
  );
}

async function coldSuggestions(
  ctx: AppContext,
  viewer: Viewer,
  account: AccountRow,
  now: number,
): Promise<AdviceSuggestion[]> {
  const name = nameOf(account);
  const [statuses, mine, theirs, introducers] = await Promise.all([
    recentStatusesOf(ctx.db, account.id, {
      sinceId: idAt(now - QUESTION_DAYS * DAY_MS),
      limit: LOOK_AT,
    }),
    topicsOf(ctx.db, viewer.id),
    topicsOf(ctx.db, account.id),
    introducersFor(ctx.db, viewer, account.id, 1),
  ]);
  const posts = statuses.filter((s) => ownPost(s) && s.created_at >= now - COMMENT_DAYS * DAY_MS);
  const questions = statuses.filter(
    (s) => s.kind === 'question' && s.question_state !== null && s.question_state !== 'accepted',
  );
  const [tags, visible] = await Promise.all([
    tagKeysOf(
      ctx.db,
      posts.map((s) => s.id),
    ),
    visibleStatusIds(
      ctx,
      viewer,
      [...posts, ...questions].map((s) => s.id),
    ),
  ]);
  const shared = new Set(mine.filter((topic) => theirs.includes(topic)));
  const seen = posts.filter((s) => visible.has(s.id));
  const topicOf = (id: number) => (tags.get(id) ?? []).find((tag) => shared.has(tag));
  const post = seen.find((s) => topicOf(s.id) !== undefined) ?? seen[0];
  const question = questions.find((s) => visible.has(s.id));
  const introducer = introducers[0];

  const out: AdviceSuggestion[] = [];
  if (post) {
    const topic = topicOf(post.id);
    const about = topic ? `${name}'s post about #${topic}` : `${name}'s recent post`;
    out.push(
      suggestion('comment', `Comment on ${about}: “${excerptOf(post)}”`, {
        status_id: String(post.id),
        path: statusPath(account.username, post.id),
      }),
    );
  }
  if (question) {
    out.push(
      suggestion('answer', `Answer ${name}'s question: “${excerptOf(question)}”`, {
        status_id: String(question.id),
        path: statusPath(account.username, question.id),
      }),
    );
  }
  if (introducer) {
    out.push(
      suggestion(
        'introduction',
        `Ask ${nameOf(introducer)}, who knows you both, to introduce you to ${name}`,
        { path: '/network/introductions', introducer: presentAccount(ctx, introducer) },
      ),
    );
  }
  return out;
}

async function warmSuggestions(
  ctx: AppContext,
  viewer: Viewer,
  account: AccountRow,
): Promise<AdviceSuggestion[]> {
  const name = nameOf(account);
  const [place] = await sharedCommunities(ctx.db, viewer.id, account.id, 1);
  const within = place ? ` in ${place.name}` : '';
  const query = place ? `?community_id=${place.id}` : '';
  const out = [
    suggestion('message', `Send ${name} a message`, { path: `/@${account.username}` }),
    suggestion('joint_initiative', `Start a page with ${name}${within}`, {
      path: `/pages/new${query}`,
    }),
    suggestion('invite', `Invite ${name} to an event${within}`, { path: `/events/new${query}` }),
  ];
  if (!place) {
    out.push(
      suggestion('joint_initiative', `Start a small working community with ${name}`, {
        path: '/communities',
      }),
    );
  }
  return out;
}
