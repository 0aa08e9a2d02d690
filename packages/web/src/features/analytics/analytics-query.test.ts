import { describe, expect, it } from 'vitest';
import {
  communityIdOf,
  defaultScope,
  hasAnyScope,
  mayOpen,
  maySetTarget,
  periodOf,
  scopeFrom,
  scopeKind,
  selectionSearch,
  weeksFrom,
} from './analytics-query';
import { targetErrors } from './TargetForm';

const none = { organisation: false, departments: [], communities: [] };
const admin = { organisation: true, departments: ['Sales'], communities: [] };
const owner = { ...none, communities: [{ id: '12', name: 'Platform' }] };

describe('the period', () => {
  it('covers exactly the chosen weeks, ending with today', () => {
    const now = Date.parse('2026-12-07T15:30:00Z');
    expect(periodOf(12, now)).toEqual({ from: '2026-09-15', to: '2026-12-07' });
    expect(periodOf(4, now)).toEqual({ from: '2026-11-10', to: '2026-12-07' });
    // Both days count: 4 weeks are 28 days.
    const { from, to } = periodOf(4, now);
    expect((Date.parse(to) - Date.parse(from)) / 86_400_000 + 1).toBe(28);
  });

  it('reads the weeks from the address, 12 unless one of the offered periods', () => {
    expect(weeksFrom('52')).toBe(52);
    expect(weeksFrom('13')).toBe(12);
    expect(weeksFrom(null)).toBe(12);
  });
});

describe('scopes', () => {
  it('opens the organisation for admins and the first community for owners', () => {
    expect(defaultScope(admin)).toBe('organisation');
    expect(defaultScope(owner)).toBe('community:12');
    expect(defaultScope(none)).toBeNull();
    expect(hasAnyScope(none)).toBe(false);
    expect(hasAnyScope(undefined)).toBe(false);
    expect(hasAnyScope(owner)).toBe(true);
  });

  it('accepts only well-formed scopes from the address', () => {
    expect(scopeFrom('community:12')).toBe('community:12');
    expect(scopeFrom('department:Sales & Ops')).toBe('department:Sales & Ops');
    expect(scopeFrom('community:abc')).toBeNull();
    expect(scopeFrom('everyone')).toBeNull();
    expect(scopeKind('department:Sales')).toBe('department');
    expect(communityIdOf('community:7')).toBe('7');
    expect(communityIdOf('organisation')).toBeNull();
    expect(selectionSearch('department:R&D', 26)).toBe('?scope=department%3AR%26D&weeks=26');
  });

  it('opens only the dashboards the viewer may see', () => {
    expect(mayOpen('organisation', admin, true)).toBe(true);
    expect(mayOpen('organisation', owner, false)).toBe(false);
    expect(mayOpen('department:Sales', admin, true)).toBe(true);
    expect(mayOpen('department:Legal', admin, true)).toBe(false);
    expect(mayOpen('community:12', owner, false)).toBe(true);
    expect(mayOpen('community:99', owner, false)).toBe(false);
    expect(mayOpen('community:99', admin, true)).toBe(true);
  });

  it('lets admins set the organisation’s target and owners their community’s', () => {
    expect(maySetTarget('organisation', true, admin)).toBe(true);
    expect(maySetTarget('organisation', false, owner)).toBe(false);
    expect(maySetTarget('department:Sales', true, admin)).toBe(false);
    expect(maySetTarget('community:12', false, owner)).toBe(true);
    expect(maySetTarget('community:13', false, owner)).toBe(false);
    expect(maySetTarget('community:13', true, admin)).toBe(true);
  });
});

describe('targetErrors', () => {
  it('takes whole hours 1-720 and a percentage 5-100', () => {
    expect(targetErrors('24', '80')).toEqual({});
    expect(targetErrors('0', '80')).toEqual({ answer_within_hours: 'hours' });
    expect(targetErrors('1.5', '80')).toEqual({ answer_within_hours: 'hours' });
    expect(targetErrors('721', '80')).toEqual({ answer_within_hours: 'hours' });
    expect(targetErrors('24', '4')).toEqual({ answered_share: 'percent' });
    expect(targetErrors('24', 'lots')).toEqual({ answered_share: 'percent' });
    expect(targetErrors('24', '100')).toEqual({});
  });
});
