import {
  type NotificationChannel,
  NotificationPreferences,
  type PreferenceType,
  type UpdateNotificationPreferences,
} from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Db } from '../../db/tables';
import { validationFailed } from '../../errors';
import type { Viewer } from '../../http/auth';
import { isTimeZone } from '../../lib/time-zones';
import { defaultPreferences, wants } from './preferences';
import { findPreferencesValue, savePreferencesValue } from './preferences.queries';

/**
 * A person's choices: what they stored laid over the defaults, so a type added since they
 * last saved gets its default, and a stored type that no longer exists is ignored.
 */
export async function preferencesOf(db: Db, accountId: number): Promise<NotificationPreferences> {
  const defaults = defaultPreferences();
  const stored = await findPreferencesValue(db, accountId);
  if (stored === undefined) return defaults;
  const parsed = NotificationPreferences.partial().safeParse(JSON.parse(stored));
  if (!parsed.success) return defaults;
  const types = { ...defaults.types };
  for (const type of Object.keys(types) as PreferenceType[]) {
    const choice = parsed.data.types?.[type];
    if (choice) types[type] = choice;
  }
  return {
    types,
    quiet_hours: parsed.data.quiet_hours ?? defaults.quiet_hours,
    digest: parsed.data.digest ?? defaults.digest,
  };
}

/** Whether `accountId` is to be told about a `type` on `channel` now (email and push wait out quiet hours). */
export async function deliversTo(
  db: Db,
  accountId: number,
  type: PreferenceType,
  channel: NotificationChannel,
  at = Date.now(),
): Promise<boolean> {
  return wants(await preferencesOf(db, accountId), type, channel, at);
}

export async function updatePreferences(
  ctx: AppContext,
  viewer: Viewer,
  change: UpdateNotificationPreferences,
): Promise<NotificationPreferences> {
  if (change.quiet_hours && !isTimeZone(change.quiet_hours.time_zone)) {
    throw validationFailed({ 'quiet_hours.time_zone': ['is not a known time zone'] });
  }
  const current = await preferencesOf(ctx.db, viewer.id);
  const types = { ...current.types };
  for (const [type, choice] of Object.entries(change.types ?? {}) as [
    PreferenceType,
    Partial<NotificationPreferences['types'][PreferenceType]>,
  ][]) {
    types[type] = { ...types[type], ...choice };
  }
  const next: NotificationPreferences = {
    types,
    quiet_hours: change.quiet_hours ?? current.quiet_hours,
    digest: change.digest ?? current.digest,
  };
  await savePreferencesValue(ctx.db, viewer.id, JSON.stringify(next), Date.now());
  ctx.events.emit({ type: 'notification_preferences.updated', account_id: String(viewer.id) });
  return next;
}
