import { FILE_TYPES } from '@rapport/schema';
import { readZipEntry, type ZipEntry, zipEntries } from './zip';

/**
 * Which files a community library accepts, decided from their bytes: a file's name must end
 * with an accepted extension AND its content must be of that type, so an executable, a PDF
 * named `.png` or a web page named `.txt` is refused before anything is stored.
 */
export type FileExtension = keyof typeof FILE_TYPES;

export const ACCEPTED_EXTENSIONS = Object.keys(FILE_TYPES) as FileExtension[];

const TEXT_TYPES = new Set<string>([FILE_TYPES.txt, FILE_TYPES.csv, FILE_TYPES.md]);

/** What the bytes turned out to be: an accepted type, or a description for the refusal. */
export type Detected =
  | { kind: 'accepted'; mime: string; label: string }
  | { kind: 'refused'; label: string };

export type TypeCheck =
  | { ok: true; mime: string; extension: FileExtension }
  | { ok: false; reason: string };

const LABELS: Record<string, string> = {
  [FILE_TYPES.pdf]: 'a PDF document',
  [FILE_TYPES.png]: 'a PNG image',
  [FILE_TYPES.jpg]: 'a JPEG image',
  [FILE_TYPES.gif]: 'a GIF image',
  [FILE_TYPES.webp]: 'a WebP image',
  [FILE_TYPES.docx]: 'a Word document (docx)',
  [FILE_TYPES.xlsx]: 'an Excel workbook (xlsx)',
  [FILE_TYPES.pptx]: 'a PowerPoint presentation (pptx)',
  [FILE_TYPES.odt]: 'an OpenDocument text (odt)',
  [FILE_TYPES.ods]: 'an OpenDocument spreadsheet (ods)',
  [FILE_TYPES.odp]: 'an OpenDocument presentation (odp)',
  [FILE_TYPES.txt]: 'plain text',
  [FILE_TYPES.csv]: 'a CSV file',
  [FILE_TYPES.md]: 'a Markdown file',
};

/** "a PDF document": how refusals name a type. */
export function typeLabel(mime: string): string {
  return LABELS[mime] ?? mime;
}

const accepted = (mime: string): Detected => ({
  kind: 'accepted',
  mime,
  label: typeLabel(mime),
});

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length &&
  signature.every((byte, i) => bytes[offset + i] === byte);

const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** Signatures of formats people try to pass off as something else; named in the refusal. */
const REFUSED_SIGNATURES: Array<{ signature: number[]; label: string }> = [
  { signature: ascii('MZ'), label: 'a Windows program' },
  { signature: [0x7f, ...ascii('ELF')], label: 'a Linux program' },
  { signature: [0xfe, 0xed, 0xfa, 0xce], label: 'a macOS program' },
  { signature: [0xfe, 0xed, 0xfa, 0xcf], label: 'a macOS program' },
  { signature: [0xcf, 0xfa, 0xed, 0xfe], label: 'a macOS program' },
  { signature: [0xca, 0xfe, 0xba, 0xbe], label: 'a macOS or Java program' },
  { signature: ascii('#!'), label: 'a script' },
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], label: 'an old Office file' },
  { signature: ascii('Rar!'), label: 'a RAR archive' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], label: 'a 7-Zip archive' },
  { signature: [0x1f, 0x8b], label: 'a gzip archive' },
];

/**
 * How browsers recognise a web page or an XML document in bytes served as something else
 * (the WHATWG sniffing patterns, after leading white space): such text is refused even
 * named `.txt`, and so is text holding a script tag anywhere.
 */
const MARKUP_START =
  /^<(!doctype\s+html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p|!--|\?xml|svg|object|embed)[\s>/]/i;
const SCRIPT_TAG = /<script[\s>/]/i;

/** The three OOXML formats, by the content type of their main part. */
const OOXML_MAIN: Array<{ contentType: string; mime: string }> = [
  {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    mime: FILE_TYPES.docx,
  },
  {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    mime: FILE_TYPES.xlsx,
  },
  {
    contentType:
      'application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml',
    mime: FILE_TYPES.pptx,
  },
];
const ODF_TYPES = new Set<string>([FILE_TYPES.odt, FILE_TYPES.ods, FILE_TYPES.odp]);

/**
 * Office files are ZIP archives: OOXML ones (docx, xlsx, pptx) name their main part in
 * `[Content_Types].xml`; OpenDocument ones (odt, ods, odp) start with a stored `mimetype`
 * entry holding their type. Macro-enabled variants (docm, xlsm, pptm) are refused.
 */
function detectZip(bytes: Uint8Array): Detected {
  const entries = zipEntries(bytes);
  if (!entries) return { kind: 'refused', label: 'a damaged ZIP archive' };
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const mimetype = byName.get('mimetype');
  if (mimetype) {
    const declared = textOf(bytes, mimetype)?.trim();
    if (declared && ODF_TYPES.has(declared)) return accepted(declared);
  }
  const contentTypes = byName.get('[Content_Types].xml');
  if (contentTypes) {
    const xml = textOf(bytes, contentTypes) ?? '';
    if (
      /macroEnabled/i.test(xml) ||
      entries.some((entry) => /vbaProject\.bin$/i.test(entry.name))
    ) {
      return { kind: 'refused', label: 'an Office file with macros' };
    }
    const main = OOXML_MAIN.find((candidate) => xml.includes(`"${candidate.contentType}"`));
    if (main) return accepted(main.mime);
  }
  return { kind: 'refused', label: 'a ZIP archive' };
}

function textOf(bytes: Uint8Array, entry: ZipEntry): string | undefined {
  const data = readZipEntry(bytes, entry, 1024 * 1024);
  return data ? new TextDecoder().decode(data) : undefined;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** UTF-8 without NUL bytes and without markup a browser would run; else why not. */
function detectText(bytes: Uint8Array): Detected {
  if (bytes.includes(0)) return { kind: 'refused', label: 'binary data' };
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    return { kind: 'refused', label: 'text that is not UTF-8' };
  }
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (MARKUP_START.test(start) || SCRIPT_TAG.test(text)) {
    return { kind: 'refused', label: 'a web page or markup (HTML, SVG or XML)' };
  }
  return accepted(FILE_TYPES.txt);
}

/** What the bytes are, from their signature (or, for text, from their content). */
export function detectContent(bytes: Uint8Array): Detected {
  if (startsWith(bytes, ascii('%PDF-'))) return accepted(FILE_TYPES.pdf);
  if (startsWith(bytes, [0x89, ...ascii('PNG'), 0x0d, 0x0a, 0x1a, 0x0a])) {
    return accepted(FILE_TYPES.png);
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return accepted(FILE_TYPES.jpg);
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) {
    return accepted(FILE_TYPES.gif);
  }
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) {
    return accepted(FILE_TYPES.webp);
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectZip(bytes);
  const known = REFUSED_SIGNATURES.find((entry) => startsWith(bytes, entry.signature));
  if (known) return { kind: 'refused', label: known.label };
  return detectText(bytes);
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot <= 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

const isAcceptedExtension = (extension: string): extension is FileExtension =>
  Object.hasOwn(FILE_TYPES, extension);

export function isTextType(mime: string): boolean {
  return TEXT_TYPES.has(mime);
}

const acceptedList = () => ACCEPTED_EXTENSIONS.map((extension) => `.${extension}`).join(', ');

/**
 * Checks an upload: its name's extension is accepted and its bytes are of that type. Text
 * files take their type (plain, CSV, Markdown) from the extension, since their bytes are
 * alike. The reasons are sentences shown to the person who uploaded.
 */
export function checkFileType(filename: string, bytes: Uint8Array): TypeCheck {
  const extension = extensionOf(filename);
  if (!isAcceptedExtension(extension)) {
    const named = extension ? `.${extension} files are` : 'Files without an extension are';
    return { ok: false, reason: `${named} not accepted; accepted types: ${acceptedList()}` };
  }
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty' };
  const expected: string = FILE_TYPES[extension];
  const detected = detectContent(bytes);
  if (detected.kind === 'accepted') {
    if (detected.mime === expected) return { ok: true, mime: expected, extension };
    if (detected.mime === FILE_TYPES.txt && isTextType(expected)) {
      return { ok: true, mime: expected, extension };
    }
  }
  const verdict =
    detected.kind === 'accepted'
      ? `which does not match its name ending in .${extension}`
      : 'which is not accepted';
  return { ok: false, reason: `The content of this file is ${detected.label}, ${verdict}` };
}
