import type { DiffHunk, DiffLine } from '@rapport/schema';
import { useT } from '../../i18n/I18nProvider';

/**
 * A readable diff. Colour is never the only signal: removed lines carry a − and are struck
 * through (<del>), added lines carry a + (<ins>), each says what it is to screen readers,
 * and changed words inside a line are marked (<mark>) on top of the line's colour.
 */
export function DiffView({ hunks }: { hunks: DiffHunk[] }) {
  const t = useT();
  return (
    <div className="diff">
      {hunks.map((hunk) => (
        <section
          key={`${hunk.from_start}-${hunk.to_start}`}
          className="diff-hunk"
          aria-label={t('pages.diff.lines', {
            from: hunk.to_start,
            to: hunk.to_start + Math.max(0, hunk.to_lines - 1),
          })}
        >
          <p className="diff-hunk-head" aria-hidden="true">
            @@ −{hunk.from_start},{hunk.from_lines} +{hunk.to_start},{hunk.to_lines} @@
          </p>
          <ol className="diff-lines">
            {hunk.lines.map((line) => (
              <Line key={`${line.type}-${line.from_line}-${line.to_line}`} line={line} />
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

function Line({ line }: { line: DiffLine }) {
  const t = useT();
  const marker = line.type === 'added' ? '+' : line.type === 'removed' ? '−' : ' ';
  const words = line.parts?.map((part, index) =>
    part.change === 'same' ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: parts have no identity but their place
      <span key={index}>{part.text}</span>
    ) : (
      // biome-ignore lint/suspicious/noArrayIndexKey: as above
      <mark key={index} className="diff-word">
        {part.text}
      </mark>
    ),
  );
  const text = words ?? (line.text === '' ? '\u00a0' : line.text);
  return (
    <li className={`diff-line diff-${line.type}`}>
      <span className="diff-num" aria-hidden="true">
        {line.from_line ?? ''}
      </span>
      <span className="diff-num" aria-hidden="true">
        {line.to_line ?? ''}
      </span>
      <span className="diff-marker" aria-hidden="true">
        {marker}
      </span>
      {line.type === 'added' ? (
        <ins className="diff-text">
          <span className="visually-hidden">{t('pages.diff.addedLine')}: </span>
          {text}
        </ins>
      ) : line.type === 'removed' ? (
        <del className="diff-text">
          <span className="visually-hidden">{t('pages.diff.removedLine')}: </span>
          {text}
        </del>
      ) : (
        <span className="diff-text">{text}</span>
      )}
    </li>
  );
}
