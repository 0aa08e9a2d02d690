/** A stay-in-touch interval as the person card offers it. */
export type ReminderChoice = 'off' | '14' | '30' | '90' | 'custom';

export const REMINDER_CHOICES: readonly ReminderChoice[] = ['off', '14', '30', '90', 'custom'];

/** The server's bounds for `remind_every_days` (schema UpdateRelationship). */
export const MIN_REMINDER_DAYS = 1;
export const MAX_REMINDER_DAYS = 365;

/** The choice that shows a saved interval: a preset when it is one, custom otherwise. */
export function reminderChoice(days: number | null): ReminderChoice {
  if (days === null) return 'off';
  const preset = String(days);
  return preset === '14' || preset === '30' || preset === '90' ? preset : 'custom';
}

export type ReminderDays =
  | { ok: true; days: number | null }
  | { ok: false; problem: 'whole' | 'range' };

/** The interval to save for a choice, reading the typed number of days for `custom`. */
export function reminderDays(choice: ReminderChoice, custom: string): ReminderDays {
  if (choice === 'off') return { ok: true, days: null };
  if (choice !== 'custom') return { ok: true, days: Number(choice) };
  const text = custom.trim();
  if (!/^\d+$/.test(text)) return { ok: false, problem: 'whole' };
  const days = Number(text);
  if (days < MIN_REMINDER_DAYS || days > MAX_REMINDER_DAYS) return { ok: false, problem: 'range' };
  return { ok: true, days };
}
