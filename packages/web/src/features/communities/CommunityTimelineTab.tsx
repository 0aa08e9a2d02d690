import type { Community, Status } from '@rapport/schema';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useId, useState } from 'react';
import { setPinned } from '../../api/communities';
import { queryKeys } from '../../api/query-keys';
import { listTimeline, type TimelineSource } from '../../api/timelines';
import { EmptyState } from '../../components/EmptyState';
import { errorText } from '../../components/error-text';
import { SuccessMessage } from '../../components/FormMessage';
import { PinIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ComposeBox } from '../compose/ComposeBox';
import { StatusCard } from '../statuses/StatusCard';
import { prependToTimeline, type TimelineData } from '../statuses/status-cache';
import { type StatusMenuExtras, StatusMenuExtrasContext } from '../statuses/status-menu-extras';
import { Timeline } from '../timelines/Timeline';
import { ClosedCommunity } from './ClosedCommunity';
import { useCommunity } from './community-context';
import { belongsToTimeline, canReadContent, isMember, runs } from './community-rules';

/**
 * The community's first section: a composer for its members, the pinned statuses, and
 * its conversations, live. Owners and moderators pin and unpin from a status's menu.
 */
export function CommunityTimelineTab() {
  const t = useT();
  const me = useCurrentAccount();
  const community = useCommunity();
  const queryClient = useQueryClient();
  const composeHeadingId = useId();
  const source: TimelineSource = { kind: 'community', communityId: community.id };

  if (!canReadContent(community, me.rapport_role)) {
    return <ClosedCommunity />;
  }

  const showPosted = (status: Status) =>
    queryClient.setQueryData<TimelineData>(queryKeys.timeline(source), (data) =>
      data ? prependToTimeline(data, [status]) : data,
    );

  return (
    <PinControls community={community}>
      <div className="community-timeline">
        {isMember(community) && (
          <section className="card compose-card" aria-labelledby={composeHeadingId}>
            <h2 id={composeHeadingId} className="visually-hidden">
              {t('communities.timeline.composeTitle', { name: community.name })}
            </h2>
            <ComposeBox mode={{ kind: 'new' }} communityId={community.id} onDone={showPosted} />
          </section>
        )}
        <PinnedStatuses community={community} />
        <Timeline
          key={community.id}
          source={source}
          // Members get the community's new conversations in their home stream; others
          // (staff reading a public community) on the organisation's.
          stream={isMember(community) ? { name: 'user' } : { name: 'public:local' }}
          accept={belongsToTimeline(community.id)}
          label={t('communities.timeline.label', { name: community.name })}
          empty={
            <EmptyState title={t('communities.timeline.empty')}>
              {isMember(community) && <p>{t('communities.timeline.emptyHint')}</p>}
            </EmptyState>
          }
        />
      </div>
    </PinControls>
  );
}

function usePins(community: Community) {
  const source: TimelineSource = { kind: 'communityPins', communityId: community.id };
  return useInfiniteQuery({
    queryKey: queryKeys.timeline(source),
    queryFn: ({ pageParam }) => listTimeline(source, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: () => null,
  });
}

function PinnedStatuses({ community }: { community: Community }) {
  const t = useT();
  const headingId = useId();
  const pins = usePins(community);
  const statuses = pins.data?.pages.flatMap((page) => page.items) ?? [];
  if (statuses.length === 0) return null;
  return (
    <>
      <section className="community-pins" aria-labelledby={headingId}>
        <h2 id={headingId} className="community-section-title">
          <PinIcon size={16} />
          {t('communities.pinned')}
        </h2>
        <div className="timeline">
          {statuses.map((status) => (
            <StatusCard key={status.id} status={status} />
          ))}
        </div>
      </section>
      {/* A pinned status is also in the timeline below: the heading tells the two lists apart. */}
      <h2 className="community-section-title community-latest-title">{t('communities.latest')}</h2>
    </>
  );
}

/** Gives owners and moderators "Pin" and "Unpin" in the menu of the community's statuses. */
function PinControls({ community, children }: { community: Community; children: ReactNode }) {
  const t = useT();
  const queryClient = useQueryClient();
  const pins = usePins(community);
  const [notice, setNotice] = useState('');
  const pinnedIds = new Set(pins.data?.pages.flatMap((page) => page.items.map((s) => s.id)) ?? []);
  const pin = useMutation({
    mutationFn: ({ status, on }: { status: Status; on: boolean }) =>
      setPinned(community.id, status.id, on),
    onSuccess: (pinned, { on }) => {
      queryClient.setQueryData<TimelineData>(
        queryKeys.timeline({ kind: 'communityPins', communityId: community.id }),
        { pages: [{ items: pinned, next: null }], pageParams: [null] },
      );
      setNotice(on ? t('communities.pinnedNotice') : t('communities.unpinnedNotice'));
    },
    onError: (error) => setNotice(t('communities.pinFailed', { reason: errorText(t, error) })),
  });
  if (!runs(community)) return <>{children}</>;
  const extras: StatusMenuExtras = (status) => {
    if (status.community?.id !== community.id || status.reblog) return [];
    const pinned = pinnedIds.has(status.id);
    return [
      {
        kind: 'action',
        label: pinned ? t('communities.unpin') : t('communities.pin'),
        onSelect: () => pin.mutate({ status, on: !pinned }),
      },
    ];
  };
  return (
    <StatusMenuExtrasContext value={extras}>
      {/* Above the timeline, where the pinned list is: the bottom of a long one is out of sight. */}
      <SuccessMessage>{notice}</SuccessMessage>
      {children}
    </StatusMenuExtrasContext>
  );
}
