import type { Status } from '@rapport/schema';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { queryKeys } from '../../api/query-keys';
import { type StreamSpec, useStream, useStreamReconnect } from '../../api/streaming';
import { listTimelineSince, type TimelineSource } from '../../api/timelines';
import {
  mapStatusList,
  mergeStatuses,
  newestId,
  prependToTimeline,
  removeCachedStatus,
  replaceCachedStatus,
  type TimelineData,
  timelineIds,
  unseenStatuses,
} from '../statuses/status-cache';

/** Near enough to the top that new statuses can appear without moving what is being read. */
const TOP_THRESHOLD_PX = 80;
/** A resync this full may have left a gap: reload the timeline instead. */
const RESYNC_LIMIT = 40;

function readerIsAtTop(): boolean {
  return window.scrollY <= TOP_THRESHOLD_PX && document.visibilityState === 'visible';
}

/**
 * Keeps a timeline live. New statuses go straight in when the reader is at the top, and
 * otherwise wait behind a "N new statuses" button, so nothing moves under their eyes.
 * Deletes and edits apply at once. After a lost connection, what came meanwhile is fetched.
 */
export function useLiveTimeline(
  source: TimelineSource,
  stream: StreamSpec | null,
  accept?: (status: Status) => boolean,
) {
  const queryClient = useQueryClient();
  const key = queryKeys.timeline(source);
  const [waiting, setWaiting] = useState<Status[]>([]);
  const waitingRef = useRef(waiting);
  waitingRef.current = waiting;

  const receive = (statuses: readonly Status[]) => {
    const data = queryClient.getQueryData<TimelineData>(key);
    // Not loaded yet: the first page will contain them.
    if (!data) return;
    const fresh = unseenStatuses(statuses, data, waitingRef.current);
    if (fresh.length === 0) return;
    if (waitingRef.current.length === 0 && readerIsAtTop()) {
      queryClient.setQueryData<TimelineData>(key, prependToTimeline(data, fresh));
    } else {
      const next = mergeStatuses(fresh, waitingRef.current);
      waitingRef.current = next;
      setWaiting(next);
    }
  };

  const updateWaiting = (map: (status: Status) => Status | null) => {
    const next = mapStatusList(waitingRef.current, map);
    waitingRef.current = next;
    setWaiting(next);
  };

  useStream(stream, (event) => {
    if (event.event === 'update') {
      if (!accept || accept(event.status)) receive([event.status]);
    } else if (event.event === 'delete') {
      removeCachedStatus(queryClient, event.id);
      updateWaiting((status) => (status.id === event.id ? null : status));
    } else if (event.event === 'status.update') {
      replaceCachedStatus(queryClient, event.status);
      updateWaiting((status) => (status.id === event.status.id ? event.status : status));
    }
  });

  useStreamReconnect(async () => {
    if (!stream) return;
    const newest = newestId(queryClient.getQueryData<TimelineData>(key));
    try {
      if (!newest) throw new Error('nothing loaded yet');
      const page = await listTimelineSince(source, newest);
      if (page.items.length >= RESYNC_LIMIT) throw new Error('too much was missed');
      receive(page.items);
    } catch {
      waitingRef.current = [];
      setWaiting([]);
      await queryClient.refetchQueries({ queryKey: key, exact: true });
    }
  });

  /** Shows the waiting statuses; answers the id of the first one, to move focus to it. */
  const reveal = (): string | null => {
    const list = waitingRef.current;
    waitingRef.current = [];
    setWaiting([]);
    queryClient.setQueryData<TimelineData>(key, (data) =>
      data ? prependToTimeline(data, list) : data,
    );
    return list[0]?.id ?? null;
  };

  // A refetch may already have brought some of them in.
  const shown = timelineIds(queryClient.getQueryData<TimelineData>(key));
  const count = waiting.filter((status) => !shown.has(status.id)).length;
  return { waitingCount: count, reveal };
}
