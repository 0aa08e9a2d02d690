import { useId, useRef, useState } from 'react';
import { useT } from '../i18n/I18nProvider';
import { Button } from './Button';
import { CheckIcon, CopyIcon } from './icons';

/**
 * A read-only value with a Copy button. Without clipboard access (plain http, old browsers)
 * the text is selected so the person can copy it with the keyboard.
 */
export function CopyField({
  label,
  value,
  copyLabel,
  large = false,
}: {
  label: string;
  value: string;
  copyLabel?: string;
  large?: boolean;
}) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<'idle' | 'copied' | 'select'>('idle');

  const copy = async () => {
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      input.current?.focus();
      input.current?.select();
      setState('select');
    }
  };

  return (
    <div className={large ? 'copy-field copy-field-large' : 'copy-field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="copy-field-row">
        <input
          ref={input}
          id={id}
          className="input copy-field-input"
          value={value}
          readOnly
          onFocus={(event) => event.target.select()}
        />
        <Button
          variant={large ? 'primary' : 'secondary'}
          onClick={copy}
          icon={state === 'copied' ? <CheckIcon size={18} /> : <CopyIcon size={18} />}
        >
          {copyLabel ?? t('common.copy')}
        </Button>
      </div>
      <p className="live-region field-hint" role="status" aria-live="polite">
        {state === 'copied' ? t('common.copied') : state === 'select' ? t('common.copyFailed') : ''}
      </p>
    </div>
  );
}
