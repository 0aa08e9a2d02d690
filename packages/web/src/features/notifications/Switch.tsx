import type { ReactNode } from 'react';

/**
 * An on/off switch: a checkbox announced as a switch (Space toggles it, forms read it),
 * drawn as a track and a thumb. Named by `labelledBy`, or by its text `children`.
 */
export function Switch({
  checked,
  onChange,
  labelledBy,
  children,
  disabled,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  labelledBy?: string;
  children?: ReactNode;
  disabled?: boolean;
}) {
  return (
    <label className={disabled ? 'switch switch-disabled' : 'switch'}>
      {labelledBy && children}
      <input
        type="checkbox"
        role="switch"
        className="switch-input"
        checked={checked}
        aria-checked={checked}
        aria-labelledby={labelledBy}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="switch-track" aria-hidden="true" />
      {!labelledBy && children}
    </label>
  );
}
