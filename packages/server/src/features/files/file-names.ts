import { FILE_LIMITS } from '@rapport/schema';

/**
 * The name a file is listed and downloaded under, from what the browser sent: without any
 * folder part, control characters or bidirectional overrides (which can make
 * `invoice‮fdp.exe` read as `invoiceexe.pdf`), and at most FILE_LIMITS.name characters with
 * its extension kept. Never used on disk.
 */
export function cleanFileName(filename: string): string {
  // Browsers escape quotes (and line breaks) in a multipart file name as %22 (%0A, %0D).
  const base = (filename.split(/[\\/]/).pop() ?? '').replace(/%22/g, '"');
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim();
  const chars = [...cleaned];
  if (chars.length <= FILE_LIMITS.name) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  return [...chars.slice(0, FILE_LIMITS.name - extension.length), ...extension].join('');
}

/** 1 KB = 1024 bytes, as the configuration reads sizes. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}

/**
 * `attachment` with the name twice: an ASCII fallback for old clients, and the exact name
 * percent-encoded as UTF-8 (RFC 6266 / RFC 8187). Quotes, backslashes and anything outside
 * printable ASCII never reach the quoted form, so the header cannot be broken out of.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
