import type { Status } from '@rapport/schema';
import { useInfiniteQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { queryKeys } from '../../api/query-keys';
import { type StreamSpec, useStreamingState } from '../../api/streaming';
import { listTimeline, type TimelineSource } from '../../api/timelines';
import { ErrorState } from '../../components/FormMessage';
import { ArrowUpIcon } from '../../components/icons';
import { LoadMore } from '../../components/LoadMore';
import { useT } from '../../i18n/I18nProvider';
import { StatusCard } from '../statuses/StatusCard';
import { StatusSkeleton } from './StatusSkeleton';
import { useLiveTimeline } from './use-live-timeline';

/**
 * A list of statuses with Link-header paging ("Load more"), kept live by `stream` when
 * given: see useLiveTimeline.
 */
export function Timeline({
  source,
  stream = null,
  label,
  empty,
  accept,
}: {
  source: TimelineSource;
  stream?: StreamSpec | null;
  /** Which statuses arriving on the stream belong here (a stream can carry more). */
  accept?: (status: Status) => boolean;
  /** Names the list for screen readers ("Home timeline"). */
  label: string;
  empty: ReactNode;
}) {
  const t = useT();
  const timeline = useInfiniteQuery({
    queryKey: queryKeys.timeline(source),
    queryFn: ({ pageParam }) => listTimeline(source, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    // A live timeline learns about new statuses from the stream, not by refetching.
    refetchOnWindowFocus: stream === null,
  });
  const { waitingCount, reveal } = useLiveTimeline(source, stream, accept);
  const connection = useStreamingState();
  const list = useRef<HTMLDivElement>(null);
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    if (!focusId) return;
    const article = list.current?.querySelector<HTMLElement>(
      `[data-status-id="${CSS.escape(focusId)}"]`,
    );
    article?.focus({ preventScroll: true });
    article?.scrollIntoView({ block: 'start' });
    setFocusId(null);
  }, [focusId]);

  const statuses = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="timeline-section" aria-label={label}>
      <div className="timeline-new" aria-live="polite">
        {waitingCount > 0 && (
          <button
            type="button"
            className="timeline-new-button"
            onClick={() => setFocusId(reveal())}
          >
            <ArrowUpIcon size={16} />
            {t('timeline.newStatuses', { count: waitingCount })}
          </button>
        )}
      </div>
      {stream && connection === 'waiting' && (
        <p className="timeline-paused muted small" role="status">
          {t('timeline.reconnecting')}
        </p>
      )}
      {timeline.isPending ? (
        <StatusSkeleton />
      ) : !timeline.data ? (
        <ErrorState error={timeline.error} onRetry={() => timeline.refetch()} />
      ) : statuses.length === 0 ? (
        empty
      ) : (
        <>
          <div className="timeline" ref={list}>
            {statuses.map((status) => (
              <StatusCard key={status.id} status={status} />
            ))}
          </div>
          {timeline.hasNextPage ? (
            <LoadMore list={timeline} />
          ) : (
            <p className="timeline-end muted small">{t('timeline.end')}</p>
          )}
          {timeline.isFetchNextPageError && (
            <ErrorState error={timeline.error} onRetry={() => timeline.fetchNextPage()} />
          )}
        </>
      )}
    </section>
  );
}
