import { useT } from '../i18n/I18nProvider';
import { errorText } from './error-text';

/** The error of a whole form or action, announced as soon as it appears. */
export function ErrorMessage({
  error,
  shownFields,
  title,
}: {
  error: unknown;
  shownFields?: readonly string[];
  title?: string;
}) {
  const t = useT();
  if (!error) return null;
  return (
    <div className="message message-error" role="alert">
      {title && <p className="message-title">{title}</p>}
      <p>{errorText(t, error, shownFields)}</p>
    </div>
  );
}

/**
 * A confirmation ("Saved") in a polite live region. The region stays in the page so screen
 * readers notice when its text changes.
 */
export function SuccessMessage({ children }: { children: string | null | false | undefined }) {
  return (
    <div className="live-region" role="status" aria-live="polite">
      {children && <p className="message message-success">{children}</p>}
    </div>
  );
}

/** A full-section error with a retry button, for queries that failed. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  return (
    <div className="error-state" role="alert">
      <p className="error-state-title">{t('errors.title')}</p>
      <p>{errorText(t, error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
