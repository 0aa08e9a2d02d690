import type { CreateStatusInput } from '@rapport/schema';
import type { AppContext } from '../context';
import { EventBus } from '../events';
import { follow } from '../features/graph/graph.service';
import { uploadMedia } from '../features/media/media.service';
import { closeExpiredPolls, voteInPoll } from '../features/polls/polls.service';
import { bookmark, favourite, reblog } from '../features/statuses/reactions.service';
import { editStatus } from '../features/statuses/status-edits.service';
import { createStatus } from '../features/statuses/statuses.service';
import { viewerFrom } from '../http/auth';
import { pollOfStatus, recordPastVote, restampHistory, type Stamps } from './demo.queries';
import { renderPicture } from './pictures';
import type { Draft, Plan } from './plan';

export interface ActivitySummary {
  statuses: number;
  replies: number;
  follows: number;
  favourites: number;
  boosts: number;
  bookmarks: number;
  polls: number;
  votes: number;
  edits: number;
  pictures: number;
}

function posted(draft: Draft): number {
  if (draft.id === undefined) throw new Error('The demo reacted to a status before posting it');
  return draft.id;
}

function inputOf(draft: Draft, mediaIds: number[]): CreateStatusInput {
  return {
    status: draft.text,
    ...(mediaIds.length > 0 ? { media_ids: mediaIds.map(String) } : {}),
    visibility: draft.visibility,
    ...(draft.spoiler ? { spoiler_text: draft.spoiler } : {}),
    ...(draft.parent ? { in_reply_to_id: String(posted(draft.parent)) } : {}),
    ...(draft.poll
      ? {
          poll: {
            options: draft.poll.options,
            expires_in: draft.poll.expiresIn,
            multiple: draft.poll.multiple,
          },
        }
      : {}),
  };
}

/**
 * Writes a planned history in time order through the same services the API uses, so
 * counters, mentions, tags, home feeds and notifications are the real thing; afterwards
 * every row gets the time its act happened (see `restampHistory`).
 */
export async function replayActivity(ctx: AppContext, plan: Plan): Promise<ActivitySummary> {
  // History is written quietly: nobody is listening while a demo is generated, and
  // announcing each status would fetch link previews for a fictional intranet.
  const quiet: AppContext = { ...ctx, events: new EventBus(ctx.log) };
  const since = Date.now();
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
  const summary: ActivitySummary = {
    statuses: 0,
    replies: 0,
    follows: 0,
    favourites: 0,
    boosts: 0,
    bookmarks: 0,
    polls: 0,
    votes: 0,
    edits: 0,
    pictures: 0,
  };
  const polls = new Map<Draft, number>();
  const actions = plan.actions
    .map((action, order) => ({ action, order }))
    .sort((a, b) => a.action.at - b.action.at || a.order - b.order)
    .map((entry) => entry.action);

  for (const action of actions) {
    switch (action.type) {
      case 'follow':
        await follow(quiet, viewerFrom(action.from), action.to.id, {});
        stamps.follows.set(`${action.from.id}:${action.to.id}`, action.at);
        summary.follows += 1;
        break;
      case 'post': {
        const { draft } = action;
        const mediaIds: number[] = [];
        if (draft.picture) {
          const upload = await uploadMedia(quiet, viewerFrom(draft.author), {
            file: {
              filename: 'image.png',
              mimetype: 'image/png',
              data: await renderPicture(draft.picture),
            },
            description: draft.picture.description,
          });
          mediaIds.push(upload.id);
          summary.pictures += 1;
        }
        const status = await createStatus(
          quiet,
          viewerFrom(draft.author),
          inputOf(draft, mediaIds),
          {
            applicationId: null,
            at: draft.at,
          },
        );
        draft.id = status.id;
        stamps.statuses.set(status.id, draft.at);
        summary.statuses += 1;
        if (draft.parent) summary.replies += 1;
        if (draft.poll) polls.set(draft, await pollOfStatus(ctx.db, status.id));
        break;
      }
      case 'favourite': {
        const id = posted(action.draft);
        await favourite(quiet, viewerFrom(action.by), id);
        stamps.favourites.set(`${action.by.id}:${id}`, action.at);
        summary.favourites += 1;
        break;
      }
      case 'reblog': {
        const id = posted(action.draft);
        await reblog(quiet, viewerFrom(action.by), id, 'public', action.at);
        stamps.reblogs.set(`${action.by.id}:${id}`, action.at);
        summary.boosts += 1;
        break;
      }
      case 'bookmark': {
        const id = posted(action.draft);
        await bookmark(quiet, viewerFrom(action.by), id);
        stamps.bookmarks.set(`${action.by.id}:${id}`, action.at);
        summary.bookmarks += 1;
        break;
      }
      case 'vote': {
        const pollId = polls.get(action.draft);
        if (pollId === undefined) throw new Error('The demo voted in a poll before posting it');
        const vote = { pollId, accountId: action.by.id, choices: action.choices, at: action.at };
        const closes = action.draft.at + (action.draft.poll?.expiresIn ?? 0) * 1000;
        if (closes > Date.now())
          await voteInPoll(quiet, viewerFrom(action.by), pollId, vote.choices);
        else await recordPastVote(ctx.db, vote);
        stamps.votes.set(`${action.by.id}:${pollId}`, action.at);
        summary.votes += 1;
        break;
      }
      case 'close':
        await closeExpiredPolls(quiet, action.at);
        stamps.pollsEnded.set(posted(action.draft), action.at);
        break;
      case 'edit': {
        const id = posted(action.draft);
        await editStatus(quiet, viewerFrom(action.draft.author), id, { status: action.text });
        stamps.edits.set(id, action.at);
        summary.edits += 1;
        break;
      }
    }
  }
  summary.polls = polls.size;
  await restampHistory(ctx.db, since, stamps);
  return summary;
}
