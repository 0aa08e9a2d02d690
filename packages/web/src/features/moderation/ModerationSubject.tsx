import type { Notification } from '@rapport/schema';
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';

/** Notifications about reports: moderators hear of a new one, authors of a decision. */
export function isModerationNotification(notification: Notification): boolean {
  return notification.type === 'admin.report' || notification.type === 'moderation_warning';
}

/**
 * What a moderation notification links to, in words: "Review the report about @bo" for
 * moderators; for the author, what happened and why, then where to read more.
 */
export function ModerationSubject({ notification }: { notification: Notification }) {
  const t = useT();
  const subject = notification.subject;
  if (!subject) return null;
  const path = new URL(subject.url).pathname;
  if (notification.type === 'admin.report') {
    return (
      <div className="notification-preview">
        <Link to={path} className="notification-subject">
          {t('moderation.notification.reportLink', { target: subject.title })}
        </Link>
      </div>
    );
  }
  return (
    <div className="notification-preview">
      <p className="notification-moderation-title">{subject.title}</p>
      <Link to={path} className="notification-subject small">
        {t('moderation.notification.warningLink')}
      </Link>
    </div>
  );
}
