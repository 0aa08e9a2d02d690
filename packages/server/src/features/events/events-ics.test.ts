import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/harness';
import { createEvent, type Person, person } from './events.fixtures';

/**
 * The calendar file, read back by a real iCalendar parser (ical.js, as calendar web apps
 * use): the right instants in the right zone, the text exactly as written.
 */

let t: TestApp;
let ana: Person;
beforeAll(async () => {
  t = await startTestApp();
  ana = await person(t, 'member', 'Ana Silva');
});
afterAll(() => t.close());

interface Parsed {
  calendar: ICAL.Component;
  event: ICAL.Event;
  vevent: ICAL.Component;
}

/** Parses a calendar as a client would: its own VTIMEZONEs registered first. */
function parse(text: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const vevent = calendar.getFirstSubcomponent('vevent') as ICAL.Component;
  return { calendar, event: new ICAL.Event(vevent), vevent };
}

async function download(who: Person, id: string) {
  const res = await who.api.get(`/api/rapport/v1/events/${id}.ics`);
  expect(res.status, res.text).toBe(200);
  return res;
}

const TRICKY =
  'Agenda, in order; first:\n1. Welcome\\intro\n2. Q&A, "live"\n\nSee you there — ¡hasta pronto!';

describe('the .ics file', () => {
  it('is an attachment of type text/calendar with one VEVENT a parser reads back exactly', async () => {
    const event = await createEvent(ana, {
      title: 'Offsite, day 1; planning',
      description: TRICKY,
      starts_at: '2099-11-05T09:30',
      ends_at: '2099-11-05T17:00',
      time_zone: 'America/Toronto',
      location: 'Harbourfront Centre, Room 2; 235 Queens Quay W, Toronto',
      online_url: 'https://meet.example.com/offsite?day=1&lang=en',
    });
    const res = await download(ana, event.id);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="offsite-day-1-planning.ics"',
    );
    const { calendar, event: parsed, vevent } = parse(res.text);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(1);

    // 09:30 in Toronto in November (EST, UTC-5) is 14:30 UTC.
    expect(parsed.startDate.zone?.tzid).toBe('America/Toronto');
    expect(parsed.startDate.toJSDate().toISOString()).toBe('2099-11-05T14:30:00.000Z');
    expect(parsed.endDate.toJSDate().toISOString()).toBe('2099-11-05T22:00:00.000Z');
    expect(parsed.startDate.toJSDate().toISOString()).toBe(event.starts_at);

    expect(parsed.summary).toBe('Offsite, day 1; planning');
    expect(parsed.location).toBe('Harbourfront Centre, Room 2; 235 Queens Quay W, Toronto');
    expect(parsed.description.startsWith(`${TRICKY}\n\n`)).toBe(true);
    expect(parsed.description).toContain(
      'Join online: https://meet.example.com/offsite?day=1&lang=en',
    );
    expect(parsed.description).toContain('Organised by Ana Silva.');
    expect(parsed.uid).toBe(`event-${event.id}@${new URL(t.url).host}`);
    expect(vevent.getFirstPropertyValue('url')).toBe(`${t.url}/events/${event.id}`);
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(vevent.getFirstPropertyValue('dtstamp')).toBeTruthy();
    expect(vevent.getFirstPropertyValue('sequence')).toBe(0);
  });

  it('follows RFC 5545 lines: CRLF, folded at 75 octets without splitting a character', async () => {
    const event = await createEvent(ana, {
      title: 'Ünïcödé '.repeat(20),
      description: 'é'.repeat(300),
      time_zone: 'Asia/Kolkata',
    });
    const res = await download(ana, event.id);
    expect(res.text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = res.text.split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      expect(line).not.toContain('\n');
      expect(line).not.toContain('\uFFFD');
    }
    const { event: parsed } = parse(res.text);
    expect(parsed.summary).toBe('Ünïcödé '.repeat(20).trim());
    expect(parsed.description.startsWith('é'.repeat(300))).toBe(true);
    // India has no daylight saving: one observance, and the instant still matches.
    expect(parsed.startDate.toJSDate().toISOString()).toBe(event.starts_at);
  });

  it('gives the right instants on both sides of a daylight saving change, and UTC as UTC', async () => {
    const summer = await createEvent(ana, {
      starts_at: '2099-07-20T18:00',
      ends_at: '2099-07-21T02:00',
      time_zone: 'Europe/Lisbon',
    });
    // Across the night clocks go back in Lisbon (last Sunday of October 2099: 25 October).
    const across = await createEvent(ana, {
      starts_at: '2099-10-24T22:00',
      ends_at: '2099-10-25T08:00',
      time_zone: 'Europe/Lisbon',
    });
    const utc = await createEvent(ana, {
      starts_at: '2099-01-01T12:00',
      ends_at: '2099-01-01T13:00',
      time_zone: 'UTC',
    });
    const instants = async (id: string) => {
      const { event } = parse((await download(ana, id)).text);
      return [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()];
    };
    expect(await instants(summer.id)).toEqual([
      '2099-07-20T17:00:00.000Z',
      '2099-07-21T01:00:00.000Z',
    ]);
    expect(await instants(across.id)).toEqual([
      '2099-10-24T21:00:00.000Z',
      '2099-10-25T08:00:00.000Z',
    ]);
    expect(await instants(utc.id)).toEqual([
      '2099-01-01T12:00:00.000Z',
      '2099-01-01T13:00:00.000Z',
    ]);
    const utcText = (await download(ana, utc.id)).text;
    expect(utcText).toContain('DTSTART:20990101T120000Z');
    expect(utcText).not.toContain('VTIMEZONE');
  });

  it('keeps its UID through changes, bumps SEQUENCE, and says when the event is cancelled', async () => {
    const event = await createEvent(ana, { time_zone: 'Africa/Nairobi' });
    const before = parse((await download(ana, event.id)).text).event;
    await ana.api.patch(`/api/rapport/v1/events/${event.id}`, { title: 'Renamed only' });
    const renamed = parse((await download(ana, event.id)).text);
    expect(renamed.event.uid).toBe(before.uid);
    expect(renamed.vevent.getFirstPropertyValue('sequence')).toBe(0);
    await ana.api.patch(`/api/rapport/v1/events/${event.id}`, { location: 'Nairobi hub' });
    await ana.api.patch(`/api/rapport/v1/events/${event.id}`, { cancelled: true });
    const cancelled = parse((await download(ana, event.id)).text);
    expect(cancelled.event.uid).toBe(before.uid);
    expect(cancelled.vevent.getFirstPropertyValue('sequence')).toBe(2);
    expect(cancelled.vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('puts the online link in LOCATION when there is no place', async () => {
    const event = await createEvent(ana, {
      location: '',
      online_url: 'https://meet.example.com/lunch-and-learn',
    });
    const { event: parsed } = parse((await download(ana, event.id)).text);
    expect(parsed.location).toBe('https://meet.example.com/lunch-and-learn');
  });
});
