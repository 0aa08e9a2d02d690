import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { officeDocument, openDocument, simplePdf, zipArchive } from '../../demo/documents';
import { cleanFileName, contentDisposition, formatBytes } from './file-names';
import { checkFileType } from './file-types';

const text = (value: string) => new Uint8Array(Buffer.from(value));
const image = (format: 'png' | 'jpeg' | 'gif' | 'webp') =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: '#3451c7' } })
    .toFormat(format)
    .toBuffer()
    .then((data) => new Uint8Array(data));

const ODT = 'application/vnd.oasis.opendocument.text';

describe('file types from the bytes', () => {
  it('accepts every listed type when the name matches the content', async () => {
    const cases: Array<[string, Uint8Array, string]> = [
      ['report.pdf', simplePdf('Report', ['one']), 'application/pdf'],
      ['logo.PNG', await image('png'), 'image/png'],
      ['photo.jpg', await image('jpeg'), 'image/jpeg'],
      ['photo.jpeg', await image('jpeg'), 'image/jpeg'],
      ['anim.gif', await image('gif'), 'image/gif'],
      ['pic.webp', await image('webp'), 'image/webp'],
      [
        'plan.docx',
        officeDocument('docx'),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ],
      [
        'budget.xlsx',
        officeDocument('xlsx'),
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ],
      [
        'deck.pptx',
        officeDocument('pptx'),
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
      ],
      ['notes.odt', openDocument(ODT), ODT],
      [
        'sheet.ods',
        openDocument('application/vnd.oasis.opendocument.spreadsheet'),
        'application/vnd.oasis.opendocument.spreadsheet',
      ],
      [
        'slides.odp',
        openDocument('application/vnd.oasis.opendocument.presentation'),
        'application/vnd.oasis.opendocument.presentation',
      ],
      ['readme.txt', text('Hello, wörld ✓\n'), 'text/plain'],
      ['data.csv', text('name,count\nA,1\n'), 'text/csv'],
      ['guide.md', text('# Guide\n\nSee <b>this</b> and `<div>` tags.\n'), 'text/markdown'],
    ];
    for (const [name, bytes, mime] of cases) {
      expect(checkFileType(name, bytes), name).toMatchObject({ ok: true, mime });
    }
  });

  it('refuses a forged extension, saying what the content is', async () => {
    const refusals: Array<[string, Uint8Array, RegExp]> = [
      [
        'holiday.png',
        text('MZ\x90\x00\x03 this program cannot be run in DOS mode'),
        /Windows program/,
      ],
      ['tool.pdf', text('\x7fELF\x02\x01\x01'), /Linux program/],
      ['report.png', simplePdf('Report', []), /PDF document, which does not match .*\.png/],
      ['logo.pdf', await image('png'), /PNG image, which does not match/],
      ['page.txt', text('  <!DOCTYPE html><html><body>hi</body></html>'), /web page or markup/],
      [
        'icon.txt',
        text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        /markup/,
      ],
      ['notes.md', text('# Notes\n\n<script>steal()</script>\n'), /markup/],
      ['feed.csv', text('\uFEFF<?xml version="1.0"?><rss/>'), /markup/],
      ['archive.docx', zipArchive([{ name: 'a.txt', data: 'hello' }]), /ZIP archive/],
      ['budget.docx', officeDocument('xlsx'), /Excel workbook.*\.docx/],
      [
        'macro.docx',
        officeDocument('docx', 'application/vnd.ms-word.document.macroEnabled.main+xml'),
        /macros/,
      ],
      ['notes.txt', openDocument(ODT), /OpenDocument text/],
      ['latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9]), /not UTF-8/],
      ['binary.txt', new Uint8Array([0x61, 0x00, 0x62]), /binary data/],
      [
        'old.docx',
        new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]),
        /old Office/,
      ],
      ['broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /damaged ZIP/],
    ];
    for (const [name, bytes, reason] of refusals) {
      const check = checkFileType(name, bytes);
      expect(check.ok, name).toBe(false);
      if (!check.ok) expect(check.reason, name).toMatch(reason);
    }
  });

  it('refuses names outside the list, and empty files', () => {
    expect(checkFileType('setup.exe', text('hello'))).toEqual({
      ok: false,
      reason: expect.stringMatching(/^\.exe files are not accepted; accepted types: \.pdf, \.png/),
    });
    expect(checkFileType('page.html', text('<p>x</p>'))).toMatchObject({ ok: false });
    expect(checkFileType('Makefile', text('all:'))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^Files without an extension/),
    });
    expect(checkFileType('.txt', text('hidden'))).toMatchObject({ ok: false });
    expect(checkFileType('empty.txt', new Uint8Array())).toEqual({
      ok: false,
      reason: 'The file is empty',
    });
  });
});

describe('file names', () => {
  it('drops folders, control characters and direction overrides, and keeps the extension when shortening', () => {
    expect(cleanFileName('C:\\Users\\ana\\plan.pdf')).toBe('plan.pdf');
    expect(cleanFileName('../../etc/passwd.txt')).toBe('passwd.txt');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName(' tab\there.md ')).toBe('tabhere.md');
    expect(cleanFileName('Budget %22final%22.csv')).toBe('Budget "final".csv');
    const long = cleanFileName(`${'é'.repeat(300)}.xlsx`);
    expect([...long]).toHaveLength(255);
    expect(long.endsWith('é.xlsx')).toBe(true);
  });

  it('encodes the download name safely in Content-Disposition', () => {
    expect(contentDisposition('Plan d\'été "final" 100%.pdf')).toBe(
      "attachment; filename=\"Plan d'_t_ _final_ 100_.pdf\"; filename*=UTF-8''Plan%20d%27%C3%A9t%C3%A9%20%22final%22%20100%25.pdf",
    );
    expect(contentDisposition('a\r\nSet-Cookie: x.txt')).not.toMatch(/[\r\n]/);
  });

  it('formats sizes in units of 1024', () => {
    expect(formatBytes(1)).toBe('1 byte');
    expect(formatBytes(1023)).toBe('1023 bytes');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
    expect(formatBytes(1024 ** 3)).toBe('1 GB');
  });
});
