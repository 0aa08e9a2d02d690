import type { Page } from '@rapport/schema';
import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { RichText } from '../../components/RichText';
import { useT } from '../../i18n/I18nProvider';
import { displayName } from './page-paths';

/**
 * Shown when a save met a colleague's newer revision: their version next to the editor,
 * which still holds the person's own text. Nothing is thrown away unless they choose so.
 */
export function ConflictPanel({
  theirs,
  saving,
  onKeepMine,
}: {
  theirs: Page;
  saving: boolean;
  onKeepMine: () => void;
}) {
  const t = useT();
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState(false);
  const name = theirs.updated_by ? displayName(theirs.updated_by) : null;

  // Take the reader to the news first; the heading is announced on focus.
  useEffect(() => {
    ref.current?.focus();
  }, []);

  const copy = async () => {
    await navigator.clipboard?.writeText(theirs.body).catch(() => {});
    setCopied(true);
  };

  return (
    <section
      ref={ref}
      tabIndex={-1}
      className="message message-warning conflict-panel"
      aria-labelledby={headingId}
    >
      <h2 id={headingId} className="message-title">
        {name ? t('pages.conflict.title', { name }) : t('pages.conflict.titleAnonymous')}
      </h2>
      <p>{t('pages.conflict.body', { n: theirs.revision })}</p>
      <details className="conflict-theirs" open>
        <summary>{t('pages.conflict.theirs', { n: theirs.revision })}</summary>
        <h3 className="conflict-theirs-title">{theirs.title}</h3>
        <RichText html={theirs.html} className="page-body conflict-theirs-body" />
      </details>
      <div className="button-row">
        <Button onClick={copy}>{t('pages.conflict.copyTheirs')}</Button>
        <Button variant="primary" pending={saving} onClick={onKeepMine}>
          {t('pages.conflict.keepMine')}
        </Button>
      </div>
      <p className="field-hint">{t('pages.conflict.keepMineHint')}</p>
      <p className="live-region" role="status">
        {copied ? t('pages.conflict.copied') : ''}
      </p>
    </section>
  );
}
