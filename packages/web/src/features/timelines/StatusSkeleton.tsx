import { useT } from '../../i18n/I18nProvider';

/** Grey placeholders in the shape of statuses, shown while a timeline loads. */
export function StatusSkeleton({ count = 3 }: { count?: number }) {
  const t = useT();
  return (
    <div className="timeline" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div className="status status-skeleton" key={index} aria-hidden="true">
          <div className="status-header">
            <span className="skeleton skeleton-avatar" />
            <span className="skeleton-lines">
              <span className="skeleton skeleton-line short" />
              <span className="skeleton skeleton-line" />
            </span>
          </div>
          <span className="skeleton skeleton-line" />
          <span className="skeleton skeleton-line short" />
        </div>
      ))}
    </div>
  );
}
