import { useI18n } from '../i18n/I18nProvider';
import { formatRelativeTime } from '../i18n/relative-time';
import { useNow } from '../i18n/use-now';

/** "5m" for the eye, "5 minutes ago" for screen readers, the full date on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const { t, locale, formatDateTime } = useI18n();
  const now = useNow();
  const text = formatRelativeTime(t, locale, iso, now);
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      <span aria-hidden="true">{text.short}</span>
      <span className="visually-hidden">{text.long}</span>
    </time>
  );
}
