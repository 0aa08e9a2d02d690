import { describe, expect, it } from 'vitest';
import { cell, toCsv } from './csv';

describe('CSV tables', () => {
  it('writes a header and rows, quoting only what needs it', () => {
    expect(
      toCsv(
        ['name', 'count'],
        [
          ['Design, UX', 3],
          ['Say "hi"', null],
        ],
      ),
    ).toBe('name,count\r\n"Design, UX",3\r\n"Say ""hi""",\r\n');
  });

  it('never lets a spreadsheet run a cell as a formula', () => {
    expect(toCsv(['name'], [['=HYPERLINK("x")'], ['+1'], ['@a']])).toBe(
      `name\r\n"'=HYPERLINK(""x"")"\r\n'+1\r\n'@a\r\n`,
    );
    expect(toCsv(['n'], [[-2]])).toBe('n\r\n-2\r\n');
  });

  it('writes a withheld figure as the word suppressed', () => {
    expect(cell({ suppressed: true })).toBe('suppressed');
    expect(cell(0.85)).toBe(0.85);
    expect(cell(null)).toBeNull();
  });
});
