import type { Account } from '@rapport/schema';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { RoleBadges } from '../profile/RoleBadges';

/** A person in a list; the whole card follows the link on the name. */
export function PersonCard({ person }: { person: Account }) {
  const name = person.display_name || person.username;
  const place = [person.department, person.location].filter(Boolean).join(' · ');
  return (
    <article className="card person-card">
      <Avatar person={person} size="md" />
      <div className="person-card-text">
        <h3 className="person-card-name">
          <Link to={`/@${person.username}`} className="stretched-link">
            {name}
          </Link>
          <RoleBadges account={person} />
        </h3>
        <p className="person-card-handle">@{person.username}</p>
        {person.title && <p className="person-card-title">{person.title}</p>}
        {place && <p className="person-card-place">{place}</p>}
      </div>
    </article>
  );
}
