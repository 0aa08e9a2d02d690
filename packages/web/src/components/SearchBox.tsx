import { useId } from 'react';
import { SearchIcon } from './icons';

/** A list's search box: the label for screen readers, the icon, the field. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  spellCheck,
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  spellCheck?: boolean;
}) {
  const id = useId();
  return (
    <search className="search-box">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <SearchIcon />
      <input
        id={id}
        type="search"
        className="input search-input"
        placeholder={placeholder}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
        {...(spellCheck === undefined ? {} : { spellCheck })}
      />
    </search>
  );
}
