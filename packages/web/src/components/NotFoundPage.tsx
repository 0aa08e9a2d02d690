import { Link } from 'react-router';
import { useT } from '../i18n/I18nProvider';
import { usePageTitle } from './use-page-title';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <div className="page page-narrow">
      <div className="card centered-card">
        <p className="big-number" aria-hidden="true">
          404
        </p>
        <h1>{t('notFound.title')}</h1>
        <p className="muted">{t('notFound.body')}</p>
        <Link className="button button-primary" to="/">
          {t('notFound.home')}
        </Link>
      </div>
    </div>
  );
}
