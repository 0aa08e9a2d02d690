import type { ModerationReport } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { type RefObject, useEffect, useId, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { getReport } from '../../api/moderation';
import { queryKeys } from '../../api/query-keys';
import { ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useI18n, useT } from '../../i18n/I18nProvider';
import { AccountRow } from '../social/AccountRow';
import { reportState } from './moderation-rules';
import { ReportActionForm } from './ReportActionForm';
import { ReportBadges } from './ReportCard';
import { ReportedStatuses } from './ReportedStatuses';

const nameOf = (account: { display_name: string; username: string }) =>
  account.display_name || account.username;

/** Who did what to a handled report, when, and the reason the author was given. */
function ReportOutcome({
  report,
  headingRef,
}: {
  report: ModerationReport;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, formatDateTime } = useI18n();
  const headingId = useId();
  const state = reportState(report);
  if (state === 'open') return null;
  const who = report.action_taken_by
    ? nameOf(report.action_taken_by)
    : t('moderation.outcome.someone');
  const told = state !== 'dismiss';
  return (
    <section className="card report-outcome" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="card-title">
        {t('moderation.outcome.title')}
      </h2>
      <p>
        <span className="strong">{t(`moderation.outcome.${state}`, { name: who })}</span>
        {report.action_taken_at && (
          <span className="muted"> · {formatDateTime(report.action_taken_at)}</span>
        )}
      </p>
      {report.action_reason && (
        <>
          <h3 className="report-outcome-label">
            {told ? t('moderation.outcome.reason') : t('moderation.outcome.note')}
          </h3>
          <blockquote className="report-comment">{report.action_reason}</blockquote>
        </>
      )}
      <p className="muted small">
        {told ? t('moderation.outcome.told') : t('moderation.outcome.notTold')}
      </p>
    </section>
  );
}

function ReportView({ report }: { report: ModerationReport }) {
  const { t, formatDateTime } = useI18n();
  const target = report.target_account;
  const statusesId = useId();
  const outcomeHeading = useRef<HTMLHeadingElement>(null);
  const [done, setDone] = useState('');
  usePageTitle(t('moderation.report.title', { name: nameOf(target) }));

  // Once handled, the form gives way to the outcome, which takes the focus.
  useEffect(() => {
    if (done) outcomeHeading.current?.focus();
  }, [done]);

  return (
    <div className="page page-medium">
      <p className="report-back">
        <Link to={report.action_taken_at ? '/moderation?state=resolved' : '/moderation'}>
          <span aria-hidden="true">← </span>
          {t('moderation.report.back')}
        </Link>
      </p>
      <header className="page-header">
        <h1>{t('moderation.report.title', { name: nameOf(target) })}</h1>
        <ReportBadges report={report} />
      </header>
      <div className="stack-lg">
        <SuccessMessage>{done}</SuccessMessage>
        <section className="card" aria-label={t('moderation.report.facts')}>
          <dl className="report-facts">
            <div>
              <dt>{t('moderation.report.reportedAccount')}</dt>
              <dd>
                <AccountRow account={target} />
              </dd>
            </div>
            <div>
              <dt>{t('moderation.report.reportedBy')}</dt>
              <dd>
                <AccountRow account={report.account} />
              </dd>
            </div>
            <div>
              <dt>{t('moderation.report.when')}</dt>
              <dd>{formatDateTime(report.created_at)}</dd>
            </div>
            <div>
              <dt>{t('moderation.report.reason')}</dt>
              <dd>{t(`moderation.category.${report.category}`)}</dd>
            </div>
            <div>
              <dt>{t('moderation.report.community')}</dt>
              <dd>
                {report.community ? (
                  <Link to={new URL(report.community.url).pathname}>{report.community.name}</Link>
                ) : (
                  t('moderation.report.organisationWide')
                )}
              </dd>
            </div>
            <div className="report-facts-wide">
              <dt>{t('moderation.report.details')}</dt>
              <dd>
                {report.comment ? (
                  <blockquote className="report-comment">{report.comment}</blockquote>
                ) : (
                  <span className="muted">{t('moderation.card.noComment')}</span>
                )}
              </dd>
            </div>
          </dl>
        </section>

        <section aria-labelledby={statusesId}>
          <h2 id={statusesId} className="section-title report-section-title">
            {t('moderation.report.statuses')}
          </h2>
          {report.statuses.length > 0 ? (
            <ReportedStatuses statuses={report.statuses} author={target} headingId={statusesId} />
          ) : (
            <p className="muted">{t('moderation.report.noStatuses')}</p>
          )}
        </section>

        {report.action_taken_at === null ? (
          <ReportActionForm
            report={report}
            onDone={(updated) =>
              setDone(
                t(`moderation.act.done.${updated.action ?? 'dismiss'}`, { name: nameOf(target) }),
              )
            }
          />
        ) : (
          <ReportOutcome report={report} headingRef={outcomeHeading} />
        )}
      </div>
    </div>
  );
}

/** One report in full, with the decision this moderator may take, or the one taken. */
export function ModerationReportPage() {
  const t = useT();
  const { id = '' } = useParams();
  const report = useQuery({ queryKey: queryKeys.report(id), queryFn: () => getReport(id) });
  if (report.isPending) return <LoadingBlock />;
  if (isApiError(report.error, 'not_found')) {
    return <ReportNotFound />;
  }
  if (!report.data) {
    return (
      <div className="page page-medium">
        <h1 className="visually-hidden">{t('moderation.queue.title')}</h1>
        <ErrorState error={report.error} onRetry={() => report.refetch()} />
      </div>
    );
  }
  return <ReportView report={report.data} />;
}

function ReportNotFound() {
  const t = useT();
  usePageTitle(t('moderation.report.notFoundTitle'));
  return (
    <div className="page page-narrow">
      <div className="card moderation-explainer">
        <h1>{t('moderation.report.notFoundTitle')}</h1>
        <p className="muted">{t('moderation.report.notFoundBody')}</p>
        <Link className="button button-secondary" to="/moderation">
          {t('moderation.report.back')}
        </Link>
      </div>
    </div>
  );
}
