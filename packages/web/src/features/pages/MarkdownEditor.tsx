import { useQuery } from '@tanstack/react-query';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { previewPage } from '../../api/pages';
import { RichText } from '../../components/RichText';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useT } from '../../i18n/I18nProvider';

type Tab = 'write' | 'preview';

/**
 * A Markdown text area with Write and Preview tabs (the WAI-ARIA tabs pattern: arrow keys
 * move between tabs). The preview is rendered by the server, by the same renderer and
 * sanitiser as a save, so what you see is what gets published.
 */
export function MarkdownEditor({
  value,
  onChange,
  label,
  hint,
  error,
  maxLength,
}: {
  value: string;
  onChange: (value: string) => void;
  label: string;
  hint: string;
  error?: string | undefined;
  maxLength: number;
}) {
  const t = useT();
  const id = useId();
  const [tab, setTab] = useState<Tab>('write');
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ write: null, preview: null });
  const body = useDebouncedValue(value, 250);
  const preview = useQuery({
    queryKey: ['pages', 'preview', body],
    queryFn: () => previewPage(body),
    enabled: tab === 'preview' && body.trim() !== '',
    staleTime: Number.POSITIVE_INFINITY,
  });

  const select = (next: Tab) => {
    setTab(next);
    tabs.current[next]?.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      if (event.key === 'Home') select('write');
      else if (event.key === 'End') select('preview');
      else select(tab === 'write' ? 'preview' : 'write');
    }
  };
  const tabProps = (name: Tab) => ({
    ref: (element: HTMLButtonElement | null) => {
      tabs.current[name] = element;
    },
    id: `${id}-${name}-tab`,
    role: 'tab',
    type: 'button' as const,
    'aria-selected': tab === name,
    'aria-controls': `${id}-${name}-panel`,
    tabIndex: tab === name ? 0 : -1,
    className: tab === name ? 'editor-tab editor-tab-active' : 'editor-tab',
    onClick: () => setTab(name),
    onKeyDown,
  });
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  return (
    <div className={error ? 'field markdown-editor field-invalid' : 'field markdown-editor'}>
      <div className="markdown-editor-top">
        <label htmlFor={`${id}-text`} className="field-label">
          {label}
        </label>
        <div role="tablist" aria-label={t('pages.editor.mode')} className="editor-tabs">
          <button {...tabProps('write')}>{t('pages.editor.write')}</button>
          <button {...tabProps('preview')}>{t('pages.editor.preview')}</button>
        </div>
      </div>
      <div
        id={`${id}-write-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-write-tab`}
        hidden={tab !== 'write'}
      >
        <textarea
          id={`${id}-text`}
          className="input textarea markdown-textarea"
          value={value}
          maxLength={maxLength}
          spellCheck
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? errorId : '', hintId].filter(Boolean).join(' ')}
          onChange={(event) => onChange(event.target.value)}
        />
      </div>
      <div
        id={`${id}-preview-panel`}
        role="tabpanel"
        aria-labelledby={`${id}-preview-tab`}
        hidden={tab !== 'preview'}
        className="markdown-preview"
      >
        {tab === 'preview' &&
          (value.trim() === '' ? (
            <p className="muted">{t('pages.editor.previewEmpty')}</p>
          ) : preview.data && body === value ? (
            <RichText html={preview.data.html} className="page-body" />
          ) : (
            <p className="muted" role="status">
              {t('pages.editor.previewLoading')}
            </p>
          ))}
      </div>
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      {error && (
        <p id={errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
