import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint: string;
}

/**
 * A radio group with a plain-language hint under each choice (native radios: arrows move
 * between them, and the group's legend and error are read with each one).
 */
export function ChoiceGroup<T extends string>({
  legend,
  name,
  choices,
  value,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  choices: readonly Choice<T>[];
  value: T | null;
  onChange: (value: T) => void;
  error?: string;
}) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className={error ? 'choice-group field-invalid' : 'choice-group'}>
      <legend className="field-label choice-group-legend">{legend}</legend>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
      <div className="choice-list">
        {choices.map((choice) => {
          const inputId = `${id}-${choice.value}`;
          const hintId = `${inputId}-hint`;
          return (
            <div
              key={choice.value}
              className={value === choice.value ? 'choice choice-selected' : 'choice'}
            >
              <input
                id={inputId}
                type="radio"
                name={name}
                value={choice.value}
                checked={value === choice.value}
                onChange={() => onChange(choice.value)}
                aria-describedby={[error ? errorId : '', hintId].filter(Boolean).join(' ')}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={inputId} className="choice-label">
                {choice.label}
              </label>
              <p id={hintId} className="choice-hint">
                {choice.hint}
              </p>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
