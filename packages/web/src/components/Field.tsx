import {
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useId,
} from 'react';
import { useT } from '../i18n/I18nProvider';

interface ShellProps {
  label: string;
  hint?: ReactNode;
  /** A full sentence, shown under the control and linked to it. */
  error?: string;
  optional?: boolean;
  className?: string;
}

interface ControlProps {
  id: string;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** Label, hint and error around one control, wired with for/id and aria-describedby. */
function FieldShell({
  label,
  hint,
  error,
  optional,
  className,
  children,
}: ShellProps & { children: (control: ControlProps) => ReactNode }) {
  const t = useT();
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', error ? 'field-invalid' : '', className].filter(Boolean).join(' ')}>
      <label htmlFor={id} className="field-label">
        {label}
        {optional && <span className="field-optional"> {t('common.optional')}</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  value: string;
  onValueChange: (value: string) => void;
};

export function TextField({
  label,
  hint,
  error,
  optional,
  className,
  onValueChange,
  ...input
}: ShellProps & InputProps) {
  return (
    <FieldShell {...{ label, hint, error, optional, className }}>
      {(control) => (
        <input
          type="text"
          className="input"
          {...input}
          {...control}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  value: string;
  onValueChange: (value: string) => void;
};

export function TextAreaField({
  label,
  hint,
  error,
  optional,
  className,
  onValueChange,
  ...textarea
}: ShellProps & TextAreaProps) {
  return (
    <FieldShell {...{ label, hint, error, optional, className }}>
      {(control) => (
        <textarea
          className="input textarea"
          {...textarea}
          {...control}
          onChange={(event) => onValueChange(event.target.value)}
        />
      )}
    </FieldShell>
  );
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
  value: string;
  onValueChange: (value: string) => void;
  options: ReadonlyArray<{ value: string; label: string }>;
};

export function SelectField({
  label,
  hint,
  error,
  optional,
  className,
  onValueChange,
  options,
  ...select
}: ShellProps & SelectProps) {
  return (
    <FieldShell {...{ label, hint, error, optional, className }}>
      {(control) => (
        <select
          className="input select"
          {...select}
          {...control}
          onChange={(event) => onValueChange(event.target.value)}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
