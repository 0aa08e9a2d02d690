import { useInfiniteQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { IntroductionItem } from './IntroductionItem';
import { type IntroductionRole, introductionKeys, listIntroductions } from './introductions-api';

const SECTIONS = {
  introducer: {
    title: 'introductions.section.introducer',
    hint: 'introductions.section.introducerHint',
    list: 'introductions.list.introducer',
    empty: 'introductions.empty.introducer',
  },
  target: {
    title: 'introductions.section.target',
    hint: 'introductions.section.targetHint',
    list: 'introductions.list.target',
    empty: 'introductions.empty.target',
  },
  requester: {
    title: 'introductions.section.requester',
    hint: 'introductions.section.requesterHint',
    list: 'introductions.list.requester',
    empty: 'introductions.empty.requester',
  },
} as const;

/** The viewer's introductions in one role, newest first, with its own live notices. */
function IntroductionSection({ viewerRole: role }: { viewerRole: IntroductionRole }) {
  const t = useT();
  const headingId = useId();
  const [notice, setNotice] = useState('');
  const text = SECTIONS[role];
  const list = useInfiniteQuery({
    queryKey: introductionKeys.list(role),
    queryFn: ({ pageParam }) => listIntroductions(role, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="introductions-section" aria-labelledby={headingId} data-section={role}>
      <h2 id={headingId} className="introductions-section-title">
        {t(text.title)}
      </h2>
      <p className="muted small">{t(text.hint)}</p>
      <SuccessMessage>{notice}</SuccessMessage>
      {list.isPending ? (
        <PeopleSkeleton count={2} layout="list" />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t(text.empty)}>
          {role === 'requester' && <p>{t('introductions.empty.requesterHint')}</p>}
        </EmptyState>
      ) : (
        <ul className="introduction-list" aria-label={t(text.list)}>
          {items.map((introduction) => (
            <li key={introduction.id}>
              <IntroductionItem introduction={introduction} onNotice={setNotice} />
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} />
    </section>
  );
}

/**
 * /network/introductions, inside the network's layout (its heading and tabs): what is asked
 * of the viewer as an introducer, what was passed on to them, and what they asked for.
 */
export function IntroductionsPage() {
  const t = useT();
  usePageTitle(t('introductions.title'));
  return (
    <div className="introductions-page">
      <p className="muted introductions-intro">{t('introductions.intro')}</p>
      <IntroductionSection viewerRole="introducer" />
      <IntroductionSection viewerRole="target" />
      <IntroductionSection viewerRole="requester" />
    </div>
  );
}
