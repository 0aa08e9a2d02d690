import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/query-keys';
import { getContext, getStatus } from '../../api/statuses';
import { EmptyState } from '../../components/EmptyState';
import { ErrorState } from '../../components/FormMessage';
import { NotFoundPage } from '../../components/NotFoundPage';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { ComposeBox } from '../compose/ComposeBox';
import type { ComposeTextareaHandle } from '../compose/ComposeTextarea';
import { AskerPanel, useQuestionThread } from '../questions/question-thread';
import { StatusCard } from '../statuses/StatusCard';
import { StatusSkeleton } from '../timelines/StatusSkeleton';
import { replyDepths } from './thread-depth';

/** `/@username/123`: the router cannot match a partial segment, so the "@" is checked here. */
export function ThreadRoute() {
  const { handle = '', statusId = '' } = useParams();
  if (!handle.startsWith('@') || !/^\d+$/.test(statusId)) return <NotFoundPage />;
  return <ThreadPage id={statusId} />;
}

/** `/statuses/123`, the address Mastodon clients link to. */
export function StatusRoute() {
  const { id = '' } = useParams();
  if (!/^\d+$/.test(id)) return <NotFoundPage />;
  return <ThreadPage id={id} />;
}

/** A status with what it answers above it and the replies below, indented by depth. */
function ThreadPage({ id }: { id: string }) {
  const t = useT();
  const navigate = useNavigate();
  const composer = useRef<ComposeTextareaHandle>(null);
  const focusedRef = useRef<HTMLDivElement>(null);
  const status = useQuery({ queryKey: queryKeys.status(id), queryFn: () => getStatus(id) });
  const context = useQuery({ queryKey: queryKeys.context(id), queryFn: () => getContext(id) });
  const author = status.data?.account;
  const questionThread = useQuestionThread(status.data);
  usePageTitle(
    author
      ? t('thread.titleBy', { name: author.display_name || author.username })
      : t('thread.title'),
  );

  // Show the status itself, not the top of a long chain of ancestors.
  const ancestorsLoaded = context.isSuccess && context.data.ancestors.length > 0;
  useEffect(() => {
    if (ancestorsLoaded) focusedRef.current?.scrollIntoView({ block: 'start' });
  }, [ancestorsLoaded]);

  if (status.isPending) {
    return (
      <div className="page page-feed">
        <h1 className="visually-hidden">{t('thread.title')}</h1>
        <StatusSkeleton count={2} />
      </div>
    );
  }
  if (status.isError) {
    if (isApiError(status.error, 'not_found')) {
      return (
        <div className="page page-feed">
          <h1 className="visually-hidden">{t('thread.title')}</h1>
          <EmptyState title={t('status.notFoundTitle')}>
            <p>{t('status.notFoundBody')}</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page page-feed">
        <h1 className="visually-hidden">{t('thread.title')}</h1>
        <ErrorState error={status.error} onRetry={() => status.refetch()} />
      </div>
    );
  }

  const main = status.data;
  const ancestors = context.data?.ancestors ?? [];
  const descendants = questionThread.order(context.data?.descendants ?? []);
  const depths = replyDepths(main.id, descendants);
  const name = main.account.display_name || main.account.username;

  return (
    <div className="page page-feed">
      <header className="page-header">
        <h1>{t('thread.titleBy', { name })}</h1>
      </header>
      <div className="thread">
        {ancestors.length > 0 && (
          <section className="thread-ancestors" aria-label={t('thread.ancestors')}>
            {ancestors.map((ancestor) => (
              <StatusCard key={ancestor.id} status={ancestor} variant="thread" />
            ))}
          </section>
        )}
        <div ref={focusedRef} className="thread-focused">
          <StatusCard
            status={main}
            variant="focused"
            onReply={() => composer.current?.focus()}
            onDeleted={() => navigate('/', { replace: true })}
          />
          <div className="thread-reply">
            <ComposeBox
              ref={composer}
              mode={{ kind: 'reply', to: main }}
              onDone={questionThread.onAnswered}
            />
          </div>
          <AskerPanel question={main} />
        </div>
        {context.isPending ? (
          <StatusSkeleton count={1} />
        ) : context.isError ? (
          <ErrorState error={context.error} onRetry={() => context.refetch()} />
        ) : (
          descendants.length > 0 && (
            <section
              className="thread-descendants"
              aria-label={
                questionThread.isQuestion ? t('questions.answersLabel') : t('thread.replies')
              }
            >
              {descendants.map((reply) => (
                <StatusCard
                  key={reply.id}
                  status={reply}
                  variant="thread"
                  depth={depths.get(reply.id) ?? 1}
                />
              ))}
            </section>
          )
        )}
      </div>
    </div>
  );
}
