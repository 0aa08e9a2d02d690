import type { FileKind } from './file-format';

const LABELS: Record<FileKind, string> = {
  pdf: 'PDF',
  image: 'IMG',
  document: 'DOC',
  spreadsheet: 'XLS',
  presentation: 'PPT',
  text: 'TXT',
};

/** A page with a folded corner and the family's short tag; decorative (the text says the type). */
export function FileIcon({ kind, size = 40 }: { kind: FileKind; size?: number }) {
  return (
    <svg
      className={`file-icon file-icon-${kind}`}
      width={size}
      height={size}
      viewBox="0 0 40 40"
      aria-hidden="true"
      focusable="false"
    >
      <path className="file-icon-page" d="M9 3h15l8 8v26H9z" />
      <path className="file-icon-fold" d="M24 3v8h8" />
      <rect className="file-icon-tag" x="4" y="19" width="26" height="12" rx="2" />
      <text className="file-icon-label" x="17" y="28.2" textAnchor="middle">
        {LABELS[kind]}
      </text>
    </svg>
  );
}
