import type { InteractionInput } from '../interactions/interactions.queries';
import type { StatusRow } from './statuses.queries';

/**
 * The acts a new status records: a reply towards the person replied to (unless it is an
 * answer, which question activity records as such), a mention towards each other person
 * named; in a direct status both are messages. The context is the community, else the
 * first hashtag, else the timeline.
 */
export function statusActs(
  status: StatusRow,
  mentionIds: number[],
  tags: string[],
  countedAsAnswer: boolean,
): InteractionInput[] {
  const direct = status.visibility === 'direct';
  const replyTo = status.in_reply_to_account_id;
  const act = (kind: InteractionInput['kind'], targetId: number): InteractionInput => ({
    kind,
    actorId: status.account_id,
    targetId,
    subjectType: 'status',
    subjectId: status.id,
    communityId: status.community_id,
    at: status.created_at,
    ...(status.community_id === null && tags[0] ? { context: `tag:${tags[0].toLowerCase()}` } : {}),
  });
  const acts: InteractionInput[] = [];
  if (replyTo !== null && !countedAsAnswer) acts.push(act(direct ? 'direct' : 'reply', replyTo));
  for (const id of new Set(mentionIds)) {
    if (id !== replyTo) acts.push(act(direct ? 'direct' : 'mention', id));
  }
  return acts;
}

/** A favourite or a boost: a reaction towards the status's author. */
export function reactionAct(
  kind: 'favourite' | 'boost',
  actorId: number,
  status: StatusRow,
  at: number,
): InteractionInput {
  return {
    kind,
    actorId,
    targetId: status.account_id,
    subjectType: 'status',
    subjectId: status.id,
    communityId: status.community_id,
    at,
  };
}
