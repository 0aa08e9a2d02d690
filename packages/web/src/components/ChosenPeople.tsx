import type { Account } from '@rapport/schema';
import { CloseIcon } from './icons';

/**
 * The people chosen so far in a person picker (a new conversation, an invitation), as
 * chips that each take their person out again.
 */
export function ChosenPeople({
  people,
  labelledBy,
  onRemove,
  removeLabel,
}: {
  people: Account[];
  labelledBy: string;
  onRemove: (person: Account) => void;
  /** The accessible name of the remove button, e.g. "Remove Ana Silva". */
  removeLabel: (name: string) => string;
}) {
  return (
    <ul className="chip-list" aria-labelledby={labelledBy}>
      {people.map((person) => {
        const name = person.display_name || person.username;
        return (
          <li key={person.id} className="chip">
            {name}
            <button
              type="button"
              className="chip-remove"
              aria-label={removeLabel(name)}
              onClick={() => onRemove(person)}
            >
              <CloseIcon size={14} />
            </button>
          </li>
        );
      })}
    </ul>
  );
}
