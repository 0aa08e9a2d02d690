import {
  type KeyboardEvent,
  type Ref,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { Avatar } from '../../components/Avatar';
import { useT } from '../../i18n/I18nProvider';
import { applySuggestion, findAutocompleteToken } from './autocomplete';
import { type Suggestion, useSuggestions } from './use-suggestions';

export interface ComposeTextareaHandle {
  focus: () => void;
}

/**
 * The status text with @mention and #hashtag suggestions (combobox pattern): arrows move
 * through them, Enter or Tab inserts one, Escape closes the list. Ctrl/⌘+Enter submits.
 */
export function ComposeTextarea({
  value,
  onChange,
  onSubmitShortcut,
  label,
  placeholder,
  describedBy,
  invalid,
  autoFocus,
  disabled,
  ref,
}: {
  value: string;
  onChange: (value: string) => void;
  onSubmitShortcut: () => void;
  label: string;
  placeholder: string;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  disabled?: boolean;
  ref?: Ref<ComposeTextareaHandle>;
}) {
  const t = useT();
  const id = useId();
  const listId = useId();
  const hintId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  /** The token start the person dismissed with Escape; it stays closed until they move on. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const nextCaret = useRef<number | null>(null);

  useImperativeHandle(ref, () => ({ focus: () => textarea.current?.focus() }), []);

  const token = caret === null ? null : findAutocompleteToken(value, caret);
  const liveToken = token && token.start !== dismissedAt ? token : null;
  const { suggestions, loading } = useSuggestions(liveToken);
  const open = liveToken !== null && suggestions.length > 0;
  const activeIndex = Math.min(active, Math.max(0, suggestions.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new token starts at the top
  useEffect(() => setActive(0), [liveToken?.start, liveToken?.query]);

  useLayoutEffect(() => {
    if (nextCaret.current === null || !textarea.current) return;
    textarea.current.setSelectionRange(nextCaret.current, nextCaret.current);
    setCaret(nextCaret.current);
    nextCaret.current = null;
  });

  const trackCaret = () => {
    const element = textarea.current;
    if (!element) return;
    setCaret(element.selectionStart === element.selectionEnd ? element.selectionStart : null);
  };

  const pick = (suggestion: Suggestion) => {
    if (!liveToken) return;
    const result = applySuggestion(value, liveToken, suggestion.value);
    nextCaret.current = result.caret;
    onChange(result.text);
    textarea.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onSubmitShortcut();
      return;
    }
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const suggestion = suggestions[activeIndex];
      if (!suggestion || event.shiftKey) return;
      event.preventDefault();
      pick(suggestion);
    } else if (event.key === 'Escape') {
      // Closing the list must not also close a dialog the composer sits in.
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(liveToken.start);
    }
  };

  return (
    <div className="compose-text">
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <textarea
        ref={textarea}
        id={id}
        className="input textarea compose-textarea"
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        // biome-ignore lint/a11y/noAutofocus: the person asked to write (Reply, Edit)
        autoFocus={autoFocus}
        role="combobox"
        aria-autocomplete="list"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        aria-describedby={[describedBy, hintId].filter(Boolean).join(' ')}
        aria-invalid={invalid || undefined}
        onChange={(event) => {
          onChange(event.target.value);
          setCaret(event.target.selectionStart);
          if (dismissedAt !== null) {
            const current = findAutocompleteToken(event.target.value, event.target.selectionStart);
            if (current?.start !== dismissedAt) setDismissedAt(null);
          }
        }}
        onSelect={trackCaret}
        onClick={trackCaret}
        onKeyDown={onKeyDown}
        onBlur={() => setCaret(null)}
        onFocus={trackCaret}
      />
      <p id={hintId} className="visually-hidden">
        {t('compose.suggestionsHint')}
      </p>
      <div
        id={listId}
        role="listbox"
        className="suggestions"
        aria-label={t('compose.suggestions')}
        hidden={!open}
      >
        {open &&
          suggestions.map((suggestion, index) => (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the textarea that owns the list
            // biome-ignore lint/a11y/useFocusableInteractive: options take no focus; the textarea points at them (aria-activedescendant)
            <div
              key={`${suggestion.kind}:${suggestion.value}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className={index === activeIndex ? 'suggestion suggestion-active' : 'suggestion'}
              // Keep the focus in the textarea while choosing with the mouse; the keyboard
              // chooses through the textarea (aria-activedescendant).
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(suggestion)}
            >
              {suggestion.kind === 'mention' ? (
                <>
                  <Avatar person={suggestion.account} size="xs" />
                  <span className="suggestion-name">
                    {suggestion.account.display_name || suggestion.account.username}
                  </span>
                  <span className="suggestion-detail">@{suggestion.value}</span>
                </>
              ) : (
                <span className="suggestion-name">#{suggestion.value}</span>
              )}
            </div>
          ))}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {liveToken && !loading ? t('compose.suggestionCount', { count: suggestions.length }) : ''}
      </p>
    </div>
  );
}
