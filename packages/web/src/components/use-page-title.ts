import { useEffect } from 'react';
import { useServerInfo } from '../features/auth/session';
import { useT } from '../i18n/I18nProvider';

/** "People · Acme Rapport": the page first, so tabs and screen readers tell pages apart. */
export function usePageTitle(page: string | undefined): void {
  const t = useT();
  const server = useServerInfo();
  const app = server.data?.title || t('app.name');
  useEffect(() => {
    document.title = page ? t('app.pageTitle', { page, app }) : app;
  }, [page, app, t]);
}
