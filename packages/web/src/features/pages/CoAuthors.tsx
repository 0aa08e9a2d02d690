import type { PageCoAuthor } from '@rapport/schema';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { useT } from '../../i18n/I18nProvider';
import { profilePath } from '../statuses/status-paths';
import { displayName } from './page-paths';

/** Everyone who wrote the page, with how many revisions each. */
export function CoAuthors({
  coAuthors,
  headingId,
}: {
  coAuthors: PageCoAuthor[];
  headingId: string;
}) {
  const t = useT();
  return (
    <section className="page-coauthors" aria-labelledby={headingId}>
      <h2 id={headingId} className="page-side-title">
        {t('pages.view.coAuthors')}
      </h2>
      <ul className="coauthor-list">
        {coAuthors.map((coAuthor) => (
          <li key={coAuthor.account.id} className="coauthor">
            <Avatar person={coAuthor.account} size="sm" />
            <span className="coauthor-text">
              <Link to={profilePath(coAuthor.account)} className="coauthor-name">
                {displayName(coAuthor.account)}
              </Link>
              <span className="coauthor-count muted">
                {t('pages.view.coAuthorRevisions', { count: coAuthor.revisions_count })}
              </span>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
