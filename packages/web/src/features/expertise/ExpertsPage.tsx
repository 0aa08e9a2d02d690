import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { queryKeys } from '../../api/query-keys';
import { findExperts } from '../../api/questions';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { SearchIcon } from '../../components/icons';
import { PeopleSkeleton } from '../../components/Skeleton';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { ExpertIcon } from '../questions/question-icons';
import { ExpertItem } from './ExpertItem';

/**
 * "Who knows about…?": people ranked by the evidence that they know a topic (accepted
 * answers, answers, pages, statuses, skills), each with that evidence listed and linked.
 * The topic lives in `?topic=`, so a search can be shared and comes back with Back.
 */
export function ExpertsPage() {
  const t = useT();
  const inputId = useId();
  const [params, setParams] = useSearchParams();
  const topic = params.get('topic')?.trim() ?? '';
  const [input, setInput] = useState(topic);
  usePageTitle(topic ? t('experts.titleFor', { topic }) : t('experts.title'));
  useEffect(() => setInput(topic), [topic]);
  const experts = useQuery({
    queryKey: queryKeys.experts(topic),
    queryFn: ({ signal }) => findExperts(topic, signal),
    enabled: topic.length > 0,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next = input.trim();
    setParams(next ? { topic: next } : {});
  };
  const found = experts.data ?? [];

  return (
    <div className="page page-feed">
      <header className="page-header">
        <h1>{t('experts.title')}</h1>
        <p className="muted">{t('experts.intro')}</p>
      </header>
      <search>
        <form className="experts-search" onSubmit={submit}>
          <label htmlFor={inputId} className="field-label">
            {t('experts.label')}
          </label>
          <div className="experts-search-row">
            <div className="search-box experts-search-box">
              <SearchIcon />
              <input
                id={inputId}
                type="search"
                className="input search-input"
                placeholder={t('experts.placeholder')}
                value={input}
                maxLength={100}
                onChange={(event) => setInput(event.target.value)}
                autoComplete="off"
              />
            </div>
            <Button type="submit" variant="primary">
              {t('experts.search')}
            </Button>
          </div>
        </form>
      </search>
      <p className="visually-hidden" role="status" aria-live="polite">
        {topic && experts.isSuccess ? t('experts.results', { count: found.length, topic }) : ''}
      </p>
      {!topic ? (
        <EmptyState icon={<ExpertIcon size={28} />} title={t('experts.prompt')}>
          <p>{t('experts.promptHint')}</p>
        </EmptyState>
      ) : experts.isPending ? (
        <PeopleSkeleton count={3} layout="list" />
      ) : experts.isError ? (
        <ErrorState error={experts.error} onRetry={() => experts.refetch()} />
      ) : found.length === 0 ? (
        <EmptyState title={t('experts.empty', { topic })}>
          <p>{t('experts.emptyHint')}</p>
        </EmptyState>
      ) : (
        <ol className="experts-list" aria-label={t('experts.listLabel', { topic })}>
          {found.map((expert, index) => (
            <li key={expert.account.id}>
              <ExpertItem expert={expert} rank={index + 1} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
