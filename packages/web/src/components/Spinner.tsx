import { useT } from '../i18n/I18nProvider';

/** An animated ring; pass `label` when it is the only sign that something is loading. */
export function Spinner({ size = 'md', label }: { size?: 'sm' | 'md' | 'lg'; label?: string }) {
  if (!label) return <span className={`spinner spinner-${size}`} aria-hidden="true" />;
  return (
    <span role="status">
      <span className={`spinner spinner-${size}`} aria-hidden="true" />
      <span className="visually-hidden">{label}</span>
    </span>
  );
}

/** A centred spinner for a whole page or section. */
export function LoadingBlock({ label }: { label?: string }) {
  const t = useT();
  return (
    <div className="loading-block">
      <Spinner size="lg" label={label ?? t('app.loading')} />
    </div>
  );
}
