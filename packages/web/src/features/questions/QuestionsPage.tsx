import type { CommunityRef, Status } from '@rapport/schema';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { listOwnCommunities, listQuestions, type QuestionFilter } from '../../api/questions';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { ComposeBox } from '../compose/ComposeBox';
import { StatusCard } from '../statuses/StatusCard';
import { StatusSkeleton } from '../timelines/StatusSkeleton';
import { QuestionIcon } from './question-icons';
import { QUESTION_STATES, stateOf, TAB_LABELS } from './question-states';
import { useLiveQuestions } from './use-live-questions';

const EMPTY = {
  unanswered: 'questions.empty.unanswered',
  answered: 'questions.empty.answered',
  accepted: 'questions.empty.accepted',
} as const;

/** `?state=` picks the tab, `?community=` the community; both stay in the address. */
function useFilter(): [QuestionFilter, (change: Partial<QuestionFilter>) => string] {
  const [params] = useSearchParams();
  const filter: QuestionFilter = {
    state: stateOf(params.get('state')),
    communityId: params.get('community') || null,
  };
  const linkTo = (change: Partial<QuestionFilter>) => {
    const next = { ...filter, ...change };
    const search = new URLSearchParams();
    if (next.state !== 'unanswered') search.set('state', next.state);
    if (next.communityId) search.set('community', next.communityId);
    const query = search.toString();
    return query ? `/questions?${query}` : '/questions';
  };
  return [filter, linkTo];
}

/**
 * The communities to filter by: the viewer's own (from the communities feature) and any
 * that the loaded questions were asked in.
 */
function useCommunityChoices(statuses: Status[]): CommunityRef[] {
  const own = useQuery({
    queryKey: queryKeys.ownCommunities,
    queryFn: listOwnCommunities,
    staleTime: 5 * 60_000,
  });
  const choices = new Map<string, CommunityRef>();
  for (const community of own.data ?? []) {
    choices.set(community.id, {
      id: community.id,
      name: community.name,
      privacy: community.privacy,
      url: community.url,
    });
  }
  for (const status of statuses)
    if (status.community) choices.set(status.community.id, status.community);
  return [...choices.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Questions asked in the organisation and its communities: unanswered, answered and
 * accepted, newest first and kept live; with a box to ask one.
 */
export function QuestionsPage() {
  const t = useT();
  const filterId = useId();
  const [filter, linkTo] = useFilter();
  usePageTitle(t('questions.title'));
  const [statuses, setStatuses] = useState<Status[]>([]);
  const communities = useCommunityChoices(statuses);
  const selected = communities.find((community) => community.id === filter.communityId);

  return (
    <div className="page page-feed">
      <header className="page-header questions-header">
        <h1>{t('questions.title')}</h1>
        <p className="muted">{t('questions.intro')}</p>
        <Link to="/experts" className="small">
          {t('questions.findExpert')}
        </Link>
      </header>
      <QuestionsBoard
        filter={filter}
        linkTo={linkTo}
        askTitle={
          selected ? t('questions.askIn', { community: selected.name }) : t('questions.askTitle')
        }
        canAsk
        onLoaded={setStatuses}
      >
        {(communities.length > 0 || filter.communityId) && (
          <CommunityFilter
            id={filterId}
            communities={communities}
            value={filter.communityId}
            linkTo={linkTo}
          />
        )}
      </QuestionsBoard>
    </div>
  );
}

/**
 * The box to ask, the state tabs and the live list of questions, for the questions page
 * and for a community's Questions section. `children` sit between the tabs and the list.
 */
export function QuestionsBoard({
  filter,
  linkTo,
  askTitle,
  canAsk,
  onLoaded,
  children,
}: {
  filter: QuestionFilter;
  linkTo: (change: Partial<QuestionFilter>) => string;
  askTitle: string;
  canAsk: boolean;
  onLoaded?: (statuses: Status[]) => void;
  children?: ReactNode;
}) {
  const t = useT();
  const composeId = useId();
  useLiveQuestions();
  const questions = useInfiniteQuery({
    queryKey: queryKeys.questions(filter),
    queryFn: ({ pageParam }) => listQuestions(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
    placeholderData: (previous) => previous,
  });
  const statuses = questions.data?.pages.flatMap((page) => page.items) ?? [];
  useEffect(() => {
    if (questions.data) onLoaded?.(questions.data.pages.flatMap((page) => page.items));
  }, [questions.data, onLoaded]);

  return (
    <>
      {canAsk && (
        <section className="card compose-card" aria-labelledby={composeId}>
          <h2 id={composeId} className="card-title questions-ask-title">
            <QuestionIcon size={20} />
            {askTitle}
          </h2>
          <ComposeBox
            key={filter.communityId ?? 'all'}
            mode={{ kind: 'new', asking: true, communityId: filter.communityId ?? undefined }}
            // As on the community's timeline: its privacy decides who reads, not a visibility.
            communityId={filter.communityId ?? undefined}
          />
        </section>
      )}
      <nav className="tabs" aria-label={t('questions.states')}>
        {QUESTION_STATES.map((state) => (
          <Link
            key={state}
            to={linkTo({ state })}
            replace
            className={state === filter.state ? 'tab tab-active' : 'tab'}
            aria-current={state === filter.state ? 'page' : undefined}
          >
            {t(TAB_LABELS[state])}
          </Link>
        ))}
      </nav>
      {children}
      <section aria-label={t(TAB_LABELS[filter.state])} className="timeline-section">
        {questions.isPending ? (
          <StatusSkeleton />
        ) : !questions.data ? (
          <ErrorState error={questions.error} onRetry={() => questions.refetch()} />
        ) : statuses.length === 0 ? (
          <EmptyState icon={<QuestionIcon size={28} />} title={t(EMPTY[filter.state])}>
            <p>{t('questions.emptyHint')}</p>
          </EmptyState>
        ) : (
          <div className={questions.isPlaceholderData ? 'is-refreshing' : undefined}>
            <div className="timeline">
              {statuses.map((status) => (
                <StatusCard key={status.id} status={status} />
              ))}
            </div>
            <LoadMore list={questions} />
          </div>
        )}
      </section>
    </>
  );
}

function CommunityFilter({
  id,
  communities,
  value,
  linkTo,
}: {
  id: string;
  communities: CommunityRef[];
  value: string | null;
  linkTo: (change: Partial<QuestionFilter>) => string;
}) {
  const t = useT();
  const [, setParams] = useSearchParams();
  return (
    <div className="questions-filter">
      <label htmlFor={id} className="field-label">
        {t('questions.community')}
      </label>
      <select
        id={id}
        className="input select select-compact"
        value={value ?? ''}
        onChange={(event) => {
          const next = new URL(
            linkTo({ communityId: event.target.value || null }),
            window.location.origin,
          );
          setParams(next.searchParams, { replace: true });
        }}
      >
        <option value="">{t('questions.allCommunities')}</option>
        {communities.map((community) => (
          <option key={community.id} value={community.id}>
            {community.name}
          </option>
        ))}
      </select>
    </div>
  );
}
