import { describe, expect, it } from 'vitest';
import { fileProblem, formatSize, kindOf } from './file-format';

describe('file formatting', () => {
  it('writes sizes in units of 1024 in the reader’s locale', () => {
    expect(formatSize(1, 'en')).toBe('1 byte');
    expect(formatSize(900, 'en')).toBe('900 bytes');
    expect(formatSize(1536, 'en')).toBe('1.5 kB');
    expect(formatSize(25 * 1024 * 1024, 'en')).toBe('25 MB');
    expect(formatSize(1024 ** 3, 'en')).toBe('1 GB');
  });

  it('names the family of a type', () => {
    expect(kindOf('application/pdf')).toBe('pdf');
    expect(kindOf('image/webp')).toBe('image');
    expect(kindOf('text/csv')).toBe('spreadsheet');
    expect(kindOf('application/vnd.oasis.opendocument.presentation')).toBe('presentation');
    expect(kindOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(
      'document',
    );
    expect(kindOf('text/markdown')).toBe('text');
  });

  it('finds what the server would refuse before uploading', () => {
    const limits = { accepted: ['pdf', 'txt'], maxBytes: 100, leftBytes: 50 };
    expect(fileProblem({ name: 'tool.exe', size: 10 }, limits)).toEqual({
      kind: 'type',
      extension: 'exe',
    });
    expect(fileProblem({ name: 'a.PDF', size: 0 }, limits)).toEqual({ kind: 'empty' });
    expect(fileProblem({ name: 'a.pdf', size: 101 }, limits)).toEqual({
      kind: 'size',
      size: 101,
      max: 100,
    });
    expect(fileProblem({ name: 'a.txt', size: 60 }, limits)).toEqual({
      kind: 'quota',
      size: 60,
      left: 50,
    });
    expect(fileProblem({ name: 'a.txt', size: 50 }, limits)).toBeNull();
  });
});
