import { FILE_TYPES } from '@rapport/schema/limits';

/** The families the list shows an icon and a word for. */
export type FileKind = 'pdf' | 'image' | 'document' | 'spreadsheet' | 'presentation' | 'text';

export function kindOf(mime: string): FileKind {
  if (mime === FILE_TYPES.pdf) return 'pdf';
  if (mime.startsWith('image/')) return 'image';
  if (mime === FILE_TYPES.xlsx || mime === FILE_TYPES.ods || mime === FILE_TYPES.csv) {
    return 'spreadsheet';
  }
  if (mime === FILE_TYPES.pptx || mime === FILE_TYPES.odp) return 'presentation';
  if (mime === FILE_TYPES.docx || mime === FILE_TYPES.odt) return 'document';
  return 'text';
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const formats = new Map<string, Intl.NumberFormat>();

/** "12.3 MB" in the reader's locale; units of 1024, as the server counts its limits. */
export function formatSize(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const key = `${locale}:${unit}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: UNITS[unit],
      unitDisplay: unit === 0 ? 'long' : 'short',
      maximumFractionDigits: unit === 0 || value >= 10 ? 0 : 1,
    });
    formats.set(key, format);
  }
  return format.format(value);
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Why a chosen file cannot be uploaded, known before sending it (the server checks again). */
export type FileProblem =
  | { kind: 'type'; extension: string }
  | { kind: 'empty' }
  | { kind: 'size'; size: number; max: number }
  | { kind: 'quota'; size: number; left: number };

export function fileProblem(
  file: { name: string; size: number },
  limits: { accepted: readonly string[]; maxBytes: number; leftBytes: number },
): FileProblem | null {
  const extension = extensionOf(file.name);
  if (!limits.accepted.includes(extension)) return { kind: 'type', extension };
  if (file.size === 0) return { kind: 'empty' };
  if (file.size > limits.maxBytes) return { kind: 'size', size: file.size, max: limits.maxBytes };
  if (file.size > limits.leftBytes)
    return { kind: 'quota', size: file.size, left: limits.leftBytes };
  return null;
}
