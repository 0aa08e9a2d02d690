import type { PageSummary } from '@rapport/schema';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { RelativeTime } from '../../components/RelativeTime';
import { useT } from '../../i18n/I18nProvider';
import { displayName, pagePaths } from './page-paths';

const MAX_FACES = 4;

/** One page in the list: title, where it lives, its start, and who wrote it. */
export function PageListItem({ page }: { page: PageSummary }) {
  const t = useT();
  const editor = page.updated_by ? displayName(page.updated_by) : t('pages.someone');
  const faces = page.co_authors.slice(0, MAX_FACES);
  return (
    <article className="card page-item">
      <div className="page-item-main">
        <h2 className="page-item-title">
          <Link to={pagePaths.view(page.id)} className="stretched-link">
            {page.title}
          </Link>
        </h2>
        <p className="page-item-place muted">
          {page.community ? page.community.name : t('pages.organisationWide')}
        </p>
        {page.excerpt && <p className="page-item-excerpt">{page.excerpt}</p>}
        <p className="page-item-meta muted">
          {t('pages.updatedShort')} <RelativeTime iso={page.updated_at} /> · {editor} ·{' '}
          {t('pages.revisionCount', { count: page.revision })}
        </p>
      </div>
      {faces.length > 0 && (
        <ul className="page-item-faces" aria-label={t('pages.view.coAuthors')}>
          {faces.map((coAuthor) => (
            <li key={coAuthor.account.id} title={displayName(coAuthor.account)}>
              <Avatar person={coAuthor.account} size="xs" alt={displayName(coAuthor.account)} />
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
