import { useT } from '../../i18n/I18nProvider';

/** Grey placeholders in the shape of a list of pages. */
export function PageListSkeleton({ count = 4 }: { count?: number }) {
  const t = useT();
  return (
    <div className="page-list" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div className="card page-item skeleton-card" key={index} aria-hidden="true">
          <span className="skeleton-lines">
            <span className="skeleton skeleton-line" />
            <span className="skeleton skeleton-line" />
            <span className="skeleton skeleton-line short" />
          </span>
        </div>
      ))}
    </div>
  );
}

/** Placeholders in the shape of a page being read. */
export function PageSkeleton() {
  const t = useT();
  return (
    <div className="page page-medium" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      <div aria-hidden="true" className="skeleton-lines page-skeleton">
        <span className="skeleton skeleton-line short" />
        <span className="skeleton skeleton-line" />
        <span className="skeleton skeleton-line" />
        <span className="skeleton skeleton-line" />
        <span className="skeleton skeleton-line short" />
      </div>
    </div>
  );
}
