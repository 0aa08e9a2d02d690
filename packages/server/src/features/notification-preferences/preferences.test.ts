import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { api } from '../../../test/http';
import { person } from '../streaming/streaming.fixtures';
import { defaultPreferences, inQuietHours, wants } from './preferences';
import { deliversTo } from './preferences.service';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const path = '/api/rapport/v1/preferences/notifications';

describe('notification preferences', () => {
  it('starts from the defaults: everything in the app, email for what asks something', async () => {
    const ana = await person(t);
    const { status, body } = await ana.api.get(path);
    expect(status).toBe(200);
    expect(body.types.mention).toEqual({ in_app: true, email: false, push: true });
    expect(body.types.community_invitation.email).toBe(true);
    expect(body.types.chat_message).toEqual({ in_app: true, email: false, push: true });
    expect(body.digest).toBe('weekly');
    expect(body.quiet_hours.enabled).toBe(false);
  });

  it('changes one channel of one type and keeps the rest', async () => {
    const ana = await person(t);
    const put = await ana.api.put(path, {
      types: { favourite: { email: true } },
      digest: 'daily',
      quiet_hours: { enabled: true, from: '21:30', to: '06:45', time_zone: 'Europe/Lisbon' },
    });
    expect(put.status).toBe(200);
    expect(put.body.types.favourite).toEqual({ in_app: true, email: true, push: false });
    const { body } = await ana.api.get(path);
    expect(body.types.favourite.email).toBe(true);
    expect(body.types.mention.push).toBe(true);
    expect(body.digest).toBe('daily');
    expect(body.quiet_hours.time_zone).toBe('Europe/Lisbon');
    expect(
      await deliversTo(
        t.ctx.db,
        ana.account.id,
        'favourite',
        'email',
        Date.parse('2026-07-01T12:00:00Z'),
      ),
    ).toBe(true);
    // 23:00 in Lisbon in summer (UTC+1) is quiet.
    expect(
      await deliversTo(
        t.ctx.db,
        ana.account.id,
        'favourite',
        'email',
        Date.parse('2026-07-01T22:00:00Z'),
      ),
    ).toBe(false);
  });

  it('refuses an unknown type, a bad clock time or time zone, and changes nothing', async () => {
    const ana = await person(t);
    for (const body of [
      { types: { telepathy: { email: true } } },
      { types: { mention: { email: 'loud' } } },
      { quiet_hours: { enabled: true, from: '25:00', to: '07:00', time_zone: 'UTC' } },
      { quiet_hours: { enabled: true, from: '22:00', to: '07:00', time_zone: 'Mars/Olympus' } },
      { digest: 'hourly' },
    ]) {
      const reply = await ana.api.put(path, body);
      expect(reply.status, JSON.stringify(body)).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(reply.body.error).toBeTruthy();
    }
    expect((await ana.api.get(path)).body).toEqual(defaultPreferences());
  });

  it('needs a signed-in person', async () => {
    expect((await api(t.app).get(path)).status).toBe(401);
  });
});

describe('quiet hours', () => {
  const quiet = { enabled: true, from: '22:00', to: '07:00', time_zone: 'UTC' };
  const at = (clock: string) => Date.parse(`2026-12-07T${clock}:00Z`);

  it('span midnight when they start after they end', () => {
    expect(inQuietHours(quiet, at('23:30'))).toBe(true);
    expect(inQuietHours(quiet, at('06:59'))).toBe(true);
    expect(inQuietHours(quiet, at('07:00'))).toBe(false);
    expect(inQuietHours(quiet, at('12:00'))).toBe(false);
    expect(inQuietHours({ ...quiet, from: '12:00', to: '14:00' }, at('13:00'))).toBe(true);
    expect(inQuietHours({ ...quiet, enabled: false }, at('23:30'))).toBe(false);
  });

  it('hold back email and push, never the app', () => {
    const prefs = { ...defaultPreferences(), quiet_hours: quiet };
    expect(wants(prefs, 'mention', 'push', at('23:00'))).toBe(false);
    expect(wants(prefs, 'mention', 'push', at('10:00'))).toBe(true);
    expect(wants(prefs, 'mention', 'in_app', at('23:00'))).toBe(true);
    expect(wants(prefs, 'favourite', 'push', at('10:00'))).toBe(false);
  });
});
