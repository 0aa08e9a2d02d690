import { useMutation, useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { queryKeys } from '../../api/query-keys';
import { askAnswerers, suggestedAnswerers } from '../../api/questions';
import { Button } from '../../components/Button';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { PeopleSkeleton } from '../../components/Skeleton';
import { useT } from '../../i18n/I18nProvider';
import { ExpertItem } from '../expertise/ExpertItem';
import { ExpertIcon } from './question-icons';

/**
 * "People who may know": after asking, the people the expertise ranking puts forward for
 * the question, and one button that asks them all to answer.
 */
export function SuggestedAnswerers({ questionId }: { questionId: string }) {
  const t = useT();
  const headingId = useId();
  const people = useQuery({
    queryKey: queryKeys.suggestedAnswerers(questionId),
    queryFn: () => suggestedAnswerers(questionId),
  });
  const ask = useMutation({
    mutationFn: (ids: string[]) => askAnswerers(questionId, ids),
  });
  const found = people.data ?? [];

  return (
    <section className="card suggested-answerers" aria-labelledby={headingId}>
      <div className="card-heading">
        <h2 id={headingId} className="card-title">
          <ExpertIcon size={20} />
          {t('questions.suggested.title')}
        </h2>
      </div>
      {people.isPending ? (
        <PeopleSkeleton count={3} layout="list" />
      ) : people.isError ? (
        <ErrorState error={people.error} onRetry={() => people.refetch()} />
      ) : found.length === 0 ? (
        <EmptyState title={t('questions.suggested.empty')}>
          <p>{t('questions.suggested.emptyHint')}</p>
        </EmptyState>
      ) : (
        <>
          <p className="muted small">{t('questions.suggested.intro')}</p>
          <ul className="suggested-list">
            {found.map((expert) => (
              <li key={expert.account.id}>
                <ExpertItem expert={expert} compact />
              </li>
            ))}
          </ul>
          {ask.isSuccess ? null : (
            <Button
              variant="primary"
              pending={ask.isPending}
              onClick={() => ask.mutate(found.map((expert) => expert.account.id))}
            >
              {t('questions.suggested.askThem')}
            </Button>
          )}
          <ErrorMessage error={ask.error} />
        </>
      )}
      <SuccessMessage>
        {ask.isSuccess &&
          (ask.data.notified_ids.length > 0
            ? t('questions.suggested.asked', { count: ask.data.notified_ids.length })
            : t('questions.suggested.alreadyAsked'))}
      </SuccessMessage>
    </section>
  );
}
