import type { Community, Expert, QuestionState, Status } from '@rapport/schema';
import { type Page, sendJson, sendPage } from './client';

const QUESTIONS = '/api/rapport/v1/questions';
const PAGE_SIZE = 20;

export interface QuestionFilter {
  state: QuestionState;
  /** One community's questions; all the viewer may see otherwise. */
  communityId: string | null;
}

/** A page of questions, newest first; pass the `next` path (Link header) to continue. */
export function listQuestions(filter: QuestionFilter, next?: string | null): Promise<Page<Status>> {
  if (next) return sendPage<Status>(next);
  return sendPage<Status>(QUESTIONS, {
    query: { state: filter.state, community_id: filter.communityId, limit: PAGE_SIZE },
  });
}

/** Accepts an answer (or moves the acceptance); null withdraws it. Answers the question. */
export function acceptAnswer(questionId: string, answerId: string | null): Promise<Status> {
  return sendJson<Status>(`${QUESTIONS}/${encodeURIComponent(questionId)}/accept`, {
    method: 'POST',
    json: { answer_id: answerId },
  });
}

/** Votes for an answer, or takes the vote back. Answers the answer as it now is. */
export function voteForAnswer(answerId: string, on: boolean): Promise<Status> {
  return sendJson<Status>(`/api/rapport/v1/answers/${encodeURIComponent(answerId)}/vote`, {
    method: on ? 'POST' : 'DELETE',
  });
}

export function suggestedAnswerers(questionId: string): Promise<Expert[]> {
  return sendJson<Expert[]>(`${QUESTIONS}/${encodeURIComponent(questionId)}/suggested_answerers`);
}

export function askAnswerers(
  questionId: string,
  accountIds: string[],
): Promise<{ notified_ids: string[] }> {
  return sendJson(`${QUESTIONS}/${encodeURIComponent(questionId)}/suggested_answerers/notify`, {
    method: 'POST',
    json: { account_ids: accountIds },
  });
}

export function findExperts(topic: string, signal?: AbortSignal): Promise<Expert[]> {
  return sendJson<Expert[]>('/api/rapport/v1/experts', { query: { topic }, signal });
}

/**
 * The communities the viewer belongs to (the communities feature's directory). Answers an
 * empty list when the directory cannot be read, so the questions page still works.
 */
export async function listOwnCommunities(): Promise<Community[]> {
  try {
    const page = await sendPage<Community>('/api/rapport/v1/communities', {
      query: { membership: 'member', limit: 80 },
    });
    return page.items;
  } catch {
    return [];
  }
}

/** A community's page in the app, for the viewer's role there (moderators accept answers). */
export async function getOwnCommunityRole(communityId: string): Promise<string | null> {
  try {
    const community = await sendJson<Community>(
      `/api/rapport/v1/communities/${encodeURIComponent(communityId)}`,
    );
    return community.membership.role;
  } catch {
    return null;
  }
}
