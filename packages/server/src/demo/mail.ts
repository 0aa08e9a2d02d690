import type { AppContext } from '../context';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { digestChoices, digestPeriodOn } from '../features/email/digest.service';
import { insertDigestRuns, listDigestCandidates } from '../features/email/email.queries';
import { defaultPreferences } from '../features/notification-preferences/preferences';
import { savePreferencesValue } from '../features/notification-preferences/preferences.queries';

/**
 * Mail in the demo. Ana takes a daily digest at 08:00 Lisbon time and wants mentions by
 * email, so the log shows both (nothing is sent: the demo has no SMTP_URL). Everyone else
 * had today's digest already: without that, the first start on a Monday would write some
 * 160 digests to the log at once.
 */
export async function seedMail(
  ctx: AppContext,
  s: { accounts: AccountRow[]; now: number; ana: string },
): Promise<void> {
  const ana = s.accounts.find((row) => row.username === s.ana);
  if (ana) {
    const prefs = defaultPreferences();
    prefs.digest = 'daily';
    prefs.quiet_hours = { enabled: true, from: '22:00', to: '07:00', time_zone: 'Europe/Lisbon' };
    prefs.types.mention = { ...prefs.types.mention, email: true };
    await savePreferencesValue(ctx.db, ana.id, JSON.stringify(prefs), s.now);
  }
  // Each person's own choices, in case another step gave them some.
  const people = await listDigestCandidates(ctx.db, 0, 100_000);
  await insertDigestRuns(
    ctx.db,
    people.flatMap((person) => {
      const today = digestPeriodOn(digestChoices(person.preferences), s.now);
      return person.id === ana?.id || !today
        ? []
        : [{ accountId: person.id, period: today.key, at: s.now }];
    }),
  );
}
