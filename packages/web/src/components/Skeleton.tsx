import { useT } from '../i18n/I18nProvider';

/** Grey placeholders in the shape of a list of people, shown while it loads. */
export function PeopleSkeleton({
  count = 6,
  layout = 'grid',
}: {
  count?: number;
  layout?: 'grid' | 'list';
}) {
  const t = useT();
  return (
    <div className={layout === 'grid' ? 'people-grid' : 'stack'} aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('app.loading')}
      </span>
      {Array.from({ length: count }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <div className="card person-card skeleton-card" key={index} aria-hidden="true">
          <span className="skeleton skeleton-avatar" />
          <span className="skeleton-lines">
            <span className="skeleton skeleton-line" />
            <span className="skeleton skeleton-line short" />
          </span>
        </div>
      ))}
    </div>
  );
}
