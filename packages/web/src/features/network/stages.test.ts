import { describe, expect, it } from 'vitest';
import {
  filterFromSearch,
  filterToSearch,
  formatStrength,
  groupByStage,
  isCold,
  strengthFraction,
} from './stages';

describe('groupByStage', () => {
  it('puts the closest stage first and keeps the order inside each group', () => {
    const items = [
      { id: 'a', stage: 'encounter' as const },
      { id: 'b', stage: 'trusted' as const },
      { id: 'c', stage: 'encounter' as const },
      { id: 'd', stage: 'close' as const },
      { id: 'e', stage: 'recognition' as const },
    ];
    expect(groupByStage(items).map((g) => [g.stage, g.items.map((i) => i.id)])).toEqual([
      ['close', ['d']],
      ['trusted', ['b']],
      ['recognition', ['e']],
      ['encounter', ['a', 'c']],
    ]);
  });

  it('leaves out people at no stage and gives nothing for nobody', () => {
    expect(groupByStage([{ stage: 'none' as const }])).toEqual([]);
    expect(groupByStage([])).toEqual([]);
  });
});

describe('isCold', () => {
  it('is cold before recognition only', () => {
    expect(isCold('none')).toBe(true);
    expect(isCold('encounter')).toBe(true);
    expect(isCold('recognition')).toBe(false);
    expect(isCold('close')).toBe(false);
  });
});

describe('strength on the meter', () => {
  it('grows with strength, shows a first exchange, and is full from strong ties on', () => {
    expect(strengthFraction(0)).toBe(0);
    expect(strengthFraction(-1)).toBe(0);
    expect(strengthFraction(Number.NaN)).toBe(0);
    expect(strengthFraction(3)).toBeGreaterThan(0.25);
    expect(strengthFraction(30)).toBeGreaterThan(strengthFraction(3));
    expect(strengthFraction(100)).toBe(1);
    expect(strengthFraction(5000)).toBe(1);
  });

  it('writes small strengths with a decimal and larger ones whole', () => {
    expect(formatStrength(0)).toBe('0');
    expect(formatStrength(2.46)).toBe('2.5');
    expect(formatStrength(3)).toBe('3');
    expect(formatStrength(12.6)).toBe('13');
  });
});

describe('filters in the address', () => {
  it('reads a stage, dormant, or nothing, and ignores what it does not know', () => {
    expect(filterFromSearch(new URLSearchParams('stage=trusted'))).toEqual({ stage: 'trusted' });
    expect(filterFromSearch(new URLSearchParams('dormant=1'))).toEqual({ dormant: true });
    expect(filterFromSearch(new URLSearchParams('stage=none'))).toBeNull();
    expect(filterFromSearch(new URLSearchParams('stage=best'))).toBeNull();
    expect(filterFromSearch(new URLSearchParams(''))).toBeNull();
  });

  it('writes back what it reads', () => {
    for (const search of ['?stage=close', '?dormant=1', '']) {
      expect(filterToSearch(filterFromSearch(new URLSearchParams(search)))).toBe(search);
    }
  });
});
