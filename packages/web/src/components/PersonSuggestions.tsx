import type { Account } from '@rapport/schema';
import { Avatar } from './Avatar';
import { PlusIcon } from './icons';

/**
 * People found while typing in a person picker (invite to a community, start a
 * conversation): each a button that adds them, with their title and department.
 */
export function PersonSuggestions({
  people,
  onAdd,
  addLabel,
}: {
  people: Account[];
  onAdd: (person: Account) => void;
  /** The accessible name of the add button, e.g. "Add Ana Silva". */
  addLabel: (name: string) => string;
}) {
  return (
    <ul className="invite-suggestions">
      {people.map((person) => {
        const name = person.display_name || person.username;
        return (
          <li key={person.id}>
            <button
              type="button"
              className="invite-suggestion"
              onClick={() => onAdd(person)}
              aria-label={addLabel(name)}
            >
              <Avatar person={person} size="xs" />
              <span className="invite-suggestion-name">{name}</span>
              <span className="invite-suggestion-detail">
                {[person.title, person.department].filter(Boolean).join(' · ')}
              </span>
              <PlusIcon size={16} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
