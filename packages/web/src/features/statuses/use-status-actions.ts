import type { Poll, Status } from '@rapport/schema';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { deleteStatus, type StatusToggle, toggleStatus, votePoll } from '../../api/statuses';
import {
  prependToTimeline,
  removeCachedStatus,
  replaceCachedStatus,
  type TimelineData,
  updateCachedStatus,
} from './status-cache';
import { applyToggle, takeServerToggle } from './status-toggles';

/** The newest request per status and action: an older answer arriving late is ignored. */
const latestRequest = new Map<string, number>();

/**
 * Favourite, boost and bookmark, shown at once (optimistic) everywhere the status appears,
 * then corrected by the server's answer, or undone if the request fails.
 */
export function useStatusToggle(status: Status) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, on }: { action: StatusToggle; on: boolean }) =>
      toggleStatus(status.id, action, on),
    onMutate: ({ action, on }) => {
      const key = `${status.id}:${action}`;
      const request = (latestRequest.get(key) ?? 0) + 1;
      latestRequest.set(key, request);
      updateCachedStatus(queryClient, status.id, (cached) => applyToggle(cached, action, on));
      return { key, request };
    },
    onError: (_error, { action, on }, context) => {
      if (!context || latestRequest.get(context.key) !== context.request) return;
      updateCachedStatus(queryClient, status.id, (cached) => applyToggle(cached, action, !on));
    },
    onSuccess: (answer, { action }, context) => {
      if (latestRequest.get(context.key) !== context.request) return;
      // A boost answers with the new boost, which wraps the status.
      const original = (answer.reblog ?? answer) as Status;
      updateCachedStatus(queryClient, status.id, (cached) =>
        takeServerToggle(cached, original, action),
      );
      if (action === 'bookmark') {
        void queryClient.invalidateQueries({ queryKey: queryKeys.timeline({ kind: 'bookmarks' }) });
      } else if (action === 'favourite') {
        void queryClient.invalidateQueries({
          queryKey: queryKeys.timeline({ kind: 'favourites' }),
        });
      }
    },
  });
}

export function useDeleteStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: Status) => deleteStatus(status.id),
    onSuccess: (_answer, status) => {
      removeCachedStatus(queryClient, status.id);
      if (status.in_reply_to_id) {
        updateCachedStatus(queryClient, status.in_reply_to_id, (parent) => ({
          ...parent,
          replies_count: Math.max(0, parent.replies_count - 1),
        }));
      }
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
    },
  });
}

/**
 * A status the person just posted appears at once: at the top of their home timeline, and
 * under the status it answers. The live stream may deliver it again; timelines skip
 * duplicates.
 */
export function showPostedStatus(queryClient: QueryClient, status: Status): void {
  queryClient.setQueryData<TimelineData>(queryKeys.timeline({ kind: 'home' }), (data) =>
    data ? prependToTimeline(data, [status]) : data,
  );
  if (status.in_reply_to_id) {
    updateCachedStatus(queryClient, status.in_reply_to_id, (parent) => ({
      ...parent,
      replies_count: parent.replies_count + 1,
    }));
    void queryClient.invalidateQueries({ queryKey: ['statuses', 'context'] });
  }
  void queryClient.invalidateQueries({
    queryKey: ['statuses', 'timeline', 'account', status.account.id],
  });
  void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
}

export function showEditedStatus(queryClient: QueryClient, status: Status): void {
  replaceCachedStatus(queryClient, status);
  void queryClient.invalidateQueries({ queryKey: queryKeys.statusHistory(status.id) });
  void queryClient.invalidateQueries({ queryKey: queryKeys.statusSource(status.id) });
}

export function useVote(statusId: string, pollId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choices: number[]) => votePoll(pollId, choices),
    onSuccess: (poll: Poll) => updateCachedStatus(queryClient, statusId, (s) => ({ ...s, poll })),
  });
}
