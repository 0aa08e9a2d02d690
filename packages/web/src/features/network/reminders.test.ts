import { describe, expect, it } from 'vitest';
import { reminderChoice, reminderDays } from './reminders';

describe('reminder choices', () => {
  it('shows a saved interval as its preset, or as custom days', () => {
    expect(reminderChoice(null)).toBe('off');
    expect(reminderChoice(14)).toBe('14');
    expect(reminderChoice(30)).toBe('30');
    expect(reminderChoice(90)).toBe('90');
    expect(reminderChoice(7)).toBe('custom');
  });

  it('turns a choice into days to save', () => {
    expect(reminderDays('off', '')).toEqual({ ok: true, days: null });
    expect(reminderDays('30', 'ignored')).toEqual({ ok: true, days: 30 });
    expect(reminderDays('custom', ' 10 ')).toEqual({ ok: true, days: 10 });
    expect(reminderDays('custom', '365')).toEqual({ ok: true, days: 365 });
  });

  it('refuses custom days that are not a whole number from 1 to 365', () => {
    expect(reminderDays('custom', '')).toEqual({ ok: false, problem: 'whole' });
    expect(reminderDays('custom', '2.5')).toEqual({ ok: false, problem: 'whole' });
    expect(reminderDays('custom', '-3')).toEqual({ ok: false, problem: 'whole' });
    expect(reminderDays('custom', '0')).toEqual({ ok: false, problem: 'range' });
    expect(reminderDays('custom', '366')).toEqual({ ok: false, problem: 'range' });
  });
});
