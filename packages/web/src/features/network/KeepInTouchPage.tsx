import type { Account, Nudge, ReconnectReason, WorkingRelationship } from '@rapport/schema';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { RelativeTime } from '../../components/RelativeTime';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { MessageButton } from '../chats/MessageButton';
import { InsightsOff } from './InsightsOff';
import { listNudges, listRelationships, networkKeys } from './network-api';
import { DormantBadge, PersonLine, personName, StageChip } from './RelationshipParts';
import { isInsightsOff, useInsightsEnabled } from './use-privacy';

const DORMANT = { dormant: true } as const;

/**
 * `/network/keep-in-touch`: reminders that fell due first, then the ties that have gone
 * quiet, each with something worth reconnecting over when there is one.
 */
export function KeepInTouchPage() {
  const t = useT();
  usePageTitle(t('network.tab.keepInTouch'));
  const enabled = useInsightsEnabled();
  const nudges = useQuery({ queryKey: networkKeys.nudges, queryFn: listNudges });
  const dormant = useInfiniteQuery({
    queryKey: networkKeys.list(DORMANT),
    queryFn: ({ pageParam }) => listRelationships(DORMANT, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  // Someone already nudged above is not listed again below.
  const nudged = new Set((nudges.data ?? []).map((nudge) => nudge.account.id));
  const quiet = (dormant.data?.pages.flatMap((page) => page.items) ?? []).filter(
    (relationship) => !nudged.has(relationship.account.id),
  );

  if (!enabled || isInsightsOff(nudges.error) || isInsightsOff(dormant.error)) {
    return <InsightsOff />;
  }
  return (
    <div className="network-keep">
      <section className="network-section" aria-labelledby="keep-nudges">
        <h2 id="keep-nudges" className="network-group-title">
          {t('network.keep.nudgesTitle')}
        </h2>
        {nudges.isPending ? (
          <PeopleSkeleton layout="list" count={2} />
        ) : nudges.isError ? (
          <ErrorState error={nudges.error} onRetry={() => nudges.refetch()} />
        ) : nudges.data.length === 0 ? (
          <p className="muted">
            {t('network.keep.nudgesEmpty')} {t('network.keep.setReminders')}
          </p>
        ) : (
          <ul className="network-list" aria-labelledby="keep-nudges">
            {nudges.data.map((nudge) => (
              <li key={nudge.account.id}>
                <NudgeItem nudge={nudge} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="network-section" aria-labelledby="keep-dormant">
        <h2 id="keep-dormant" className="network-group-title">
          {t('network.keep.dormantTitle')}
        </h2>
        <p className="muted small network-group-meaning">{t('network.keep.dormantIntro')}</p>
        {dormant.isPending ? (
          <PeopleSkeleton layout="list" count={2} />
        ) : dormant.isError ? (
          <ErrorState error={dormant.error} onRetry={() => dormant.refetch()} />
        ) : quiet.length === 0 ? (
          <EmptyState title={t('network.emptyDormant')}>
            <p>{t('network.emptyDormantHint')}</p>
          </EmptyState>
        ) : (
          <>
            <ul className="network-list" aria-labelledby="keep-dormant">
              {quiet.map((relationship) => (
                <li key={relationship.id}>
                  <DormantItem relationship={relationship} />
                </li>
              ))}
            </ul>
            <LoadMore list={dormant} />
          </>
        )}
      </section>
    </div>
  );
}

function NudgeItem({ nudge }: { nudge: Nudge }) {
  const t = useT();
  return (
    <article className="card network-item">
      <div className="network-item-top">
        <PersonLine account={nudge.account} />
        <div className="network-item-badges">
          <StageChip stage={nudge.stage} />
          {nudge.reason === 'dormant' && <DormantBadge />}
        </div>
      </div>
      <p>{nudge.text}</p>
      {/* The server's sentence already says why (the interval, or the silence). */}
      <p className="muted small">
        {t('network.keep.dueSince')} <RelativeTime iso={nudge.due_since} />
      </p>
      <Reconnect reason={nudge.reconnect} account={nudge.account} />
      <div className="network-item-actions">
        <MessageButton account={nudge.account} />
      </div>
    </article>
  );
}

function DormantItem({ relationship }: { relationship: WorkingRelationship }) {
  const t = useT();
  return (
    <article className="card network-item">
      <div className="network-item-top">
        <PersonLine account={relationship.account} />
        <div className="network-item-badges">
          <StageChip stage={relationship.stage} />
          <DormantBadge />
        </div>
      </div>
      <p className="muted small">
        {relationship.last_substantive_at ? (
          <>
            {t('network.lastExchange')} <RelativeTime iso={relationship.last_substantive_at} />
          </>
        ) : (
          t('network.noExchange')
        )}
      </p>
      <Reconnect reason={relationship.reconnect ?? null} account={relationship.account} />
    </article>
  );
}

/** Something the other person posted lately on a topic both care about, and a link to it. */
function Reconnect({ reason, account }: { reason: ReconnectReason | null; account: Account }) {
  const t = useT();
  if (!reason) return <p className="muted small">{t('network.keep.noReason')}</p>;
  return (
    <div className="reconnect">
      <p className="reconnect-title">{t('network.keep.reconnect')}</p>
      <p>{reason.text}</p>
      {reason.excerpt && <blockquote className="reconnect-excerpt">{reason.excerpt}</blockquote>}
      <Link to={reason.path} className="reconnect-link">
        {t('network.keep.readStatus', { name: personName(account) })}
      </Link>
    </div>
  );
}
