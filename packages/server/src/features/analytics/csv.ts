/**
 * A table as CSV (RFC 4180): a header row, then one row per record, every field quoted
 * when it holds a comma, quote or line break. A field starting with =, +, - or @ is
 * prefixed with ' so a spreadsheet never runs it as a formula.
 */
export function toCsv(header: string[], rows: (string | number | boolean | null)[][]): string {
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}

function field(value: string | number | boolean | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A figure as a CSV cell: the word "suppressed" when it is withheld, empty for none. */
export function cell(value: number | null | { suppressed: true }): number | string | null {
  if (value !== null && typeof value === 'object') return 'suppressed';
  return value;
}
