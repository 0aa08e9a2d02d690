import type { Status } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { acceptAnswer, getOwnCommunityRole, voteForAnswer } from '../../api/questions';
import { useCurrentAccount } from '../auth/session';
import {
  replaceCachedStatus,
  updateCachedStatus,
  updateCachedStatuses,
} from '../statuses/status-cache';

/** A vote shown at once, corrected by the server's answer, undone if the request fails. */
export function useAnswerVote(answer: Status) {
  const queryClient = useQueryClient();
  const shift = (on: boolean) =>
    updateCachedStatus(queryClient, answer.id, (cached) =>
      cached.answer
        ? {
            ...cached,
            answer: {
              ...cached.answer,
              voted: on,
              votes_count: Math.max(0, cached.answer.votes_count + (on ? 1 : -1)),
            },
          }
        : cached,
    );
  return useMutation({
    mutationFn: (on: boolean) => voteForAnswer(answer.id, on),
    onMutate: (on) => shift(on),
    onError: (_error, on) => shift(!on),
    onSuccess: (fresh) => replaceCachedStatus(queryClient, fresh),
  });
}

/**
 * Accepting (or withdrawing) an answer answers the question as it now is: it replaces the
 * cached question, every cached answer to it learns whether it is the accepted one, and the
 * question lists are read again (the question moved between them).
 */
export function useAcceptAnswer(questionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answerId: string | null) => acceptAnswer(questionId, answerId),
    onSuccess: (question) => {
      replaceCachedStatus(queryClient, question);
      const accepted = question.question?.accepted_answer_id ?? null;
      updateCachedStatuses(queryClient, (status) =>
        status.in_reply_to_id === questionId && status.answer
          ? { ...status, answer: { ...status.answer, accepted: status.id === accepted } }
          : status,
      );
      void queryClient.invalidateQueries({ queryKey: queryKeys.questionLists });
    },
  });
}

/**
 * Whether the viewer may accept this answer: they asked the question, or they own or
 * moderate the community it was asked in (read from the communities feature).
 */
export function useMayAccept(answer: Status): boolean {
  const me = useCurrentAccount();
  const asker = answer.in_reply_to_account_id === me.id;
  const communityId = answer.community?.id ?? null;
  const role = useQuery({
    queryKey: queryKeys.communityRole(communityId ?? ''),
    queryFn: () => getOwnCommunityRole(communityId ?? ''),
    enabled: !asker && communityId !== null,
    staleTime: 5 * 60_000,
  });
  return asker || role.data === 'owner' || role.data === 'moderator';
}
