import type { ModerationReport } from '@rapport/schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { RelativeTime } from '../../components/RelativeTime';
import { useI18n } from '../../i18n/I18nProvider';
import { profilePath } from '../statuses/status-paths';
import { reportState } from './moderation-rules';
import { ReportedStatuses } from './ReportedStatuses';
import { SLOT, withNode } from './with-node';

const nameOf = (account: { display_name: string; username: string }) =>
  account.display_name || account.username;

/** The badges of a report: how it stands, what kind of problem, and where. */
export function ReportBadges({ report }: { report: ModerationReport }) {
  const { t } = useI18n();
  const state = reportState(report);
  return (
    <p className="report-badges">
      <span className={`badge badge-report-${state}`}>{t(`moderation.state.${state}`)}</span>
      <span className="badge">{t(`moderation.category.${report.category}`)}</span>
      {report.community && (
        <span className="badge badge-community">
          {t('moderation.card.in', { community: report.community.name })}
        </span>
      )}
    </p>
  );
}

/**
 * One report in the queue: about whom, by whom and when, what the reporter said, the
 * statuses as they were reported, and once handled, what was done.
 */
export function ReportCard({ report }: { report: ModerationReport }) {
  const { t, formatDateTime } = useI18n();
  const headingId = useId();
  const statusesId = useId();
  const target = report.target_account;
  const reporter = report.account;
  const state = reportState(report);
  return (
    <li>
      <article className="card report-card" aria-labelledby={headingId}>
        <header className="report-card-head">
          <Avatar person={target} size="md" />
          <div className="report-card-who">
            <h2 id={headingId} className="report-card-title">
              <Link to={`/moderation/reports/${report.id}`}>
                {t('moderation.card.about', { name: nameOf(target) })}
              </Link>
            </h2>
            <p className="muted small">
              {withNode(
                t('moderation.card.by', { name: SLOT }),
                <Link to={profilePath(reporter)}>{nameOf(reporter)}</Link>,
              )}
              {' · '}
              <RelativeTime iso={report.created_at} />
            </p>
          </div>
        </header>
        <ReportBadges report={report} />
        {report.comment ? (
          <blockquote className="report-comment">
            <span className="visually-hidden">{t('moderation.card.comment')}: </span>
            {report.comment}
          </blockquote>
        ) : (
          <p className="muted small">{t('moderation.card.noComment')}</p>
        )}
        {report.statuses.length > 0 ? (
          <>
            <h3 id={statusesId} className="visually-hidden">
              {t('moderation.report.statuses')}
            </h3>
            <ReportedStatuses statuses={report.statuses} author={target} headingId={statusesId} />
          </>
        ) : (
          <p className="muted small">{t('moderation.card.accountOnly')}</p>
        )}
        {state === 'open' && (
          <p className="report-card-actions">
            <Link
              className="button button-secondary button-sm"
              to={`/moderation/reports/${report.id}`}
              aria-describedby={headingId}
            >
              {t('moderation.card.review')}
            </Link>
          </p>
        )}
        {state !== 'open' && (
          <p className="report-card-outcome small">
            <span className="strong">
              {t(`moderation.outcome.${state}`, {
                name: report.action_taken_by
                  ? nameOf(report.action_taken_by)
                  : t('moderation.outcome.someone'),
              })}
            </span>
            {report.action_taken_at && ` · ${formatDateTime(report.action_taken_at)}`}
            {report.action_reason && (
              <>
                {': '}
                <q>{report.action_reason}</q>
              </>
            )}
          </p>
        )}
      </article>
    </li>
  );
}
