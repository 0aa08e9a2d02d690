import type { RsvpStatus } from '@rapport/schema';
import type { AppContext } from '../context';
import type { AccountRow } from '../features/accounts/accounts.queries';
import { createEvent, updateEvent } from '../features/events/events.service';
import { applyAnswer } from '../features/events/rsvps.service';
import { viewerFrom } from '../http/auth';
import { DAY_MS } from '../lib/time';
import { wallTimeAt } from '../lib/time-zones';
import { findDemoCommunity } from './demo-events.queries';
import { Random } from './random';

/**
 * The organisation's calendar: all-hands, offsites, lunch-and-learns and a customer
 * webinar, past and upcoming, in the time zones of its offices, with answers (Ana goes to
 * some). Events are created through the events service and answers recorded as it records
 * them (counts and the interaction ledger), dated when they were given.
 */

interface Plan {
  title: string;
  description: string;
  /** Days from now (negative: in the past) and the local start and end times. */
  day: number;
  from: string;
  to: string;
  /** Further days the event lasts (offsites). */
  days?: number;
  zone: string;
  location: string;
  online?: string;
  /** Who organises it: a department's people (a lead first) or Ana or the admin. */
  organiser: string;
  /** Who is asked: a department, everyone, or a demo community's members. */
  audience: string;
  /** Shares of the audience going and maybe going (the rest of those who answer decline). */
  going: number;
  maybe: number;
  ana?: RsvpStatus;
  /** A community to hold it, found by a word of its name, when the demo has one. */
  community?: string;
  cancelled?: boolean;
}

const PLANS: Plan[] = [
  {
    title: 'Q3 all-hands',
    description:
      'Results of the quarter, what we learned from the pricing change, and your questions to the leadership team.\n\nThe recording goes on the wiki the day after.',
    day: -41,
    from: '15:00',
    to: '16:30',
    zone: 'Europe/London',
    location: 'London HQ, the Atrium',
    online: 'https://meet.meridian.example/all-hands',
    organiser: 'admin',
    audience: 'everyone',
    going: 0.55,
    maybe: 0.1,
    ana: 'going',
  },
  {
    title: 'Engineering offsite: Berlin',
    description:
      'Two days on the platform roadmap, the on-call rota and the billing migration. Dinner on the first evening.',
    day: -26,
    days: 1,
    from: '09:30',
    to: '17:00',
    zone: 'Europe/Berlin',
    location: 'Spreespeicher, Stralauer Allee 2, Berlin',
    organiser: 'Engineering',
    audience: 'Engineering',
    going: 0.7,
    maybe: 0.1,
    community: 'engineering',
  },
  {
    title: 'Lunch and learn: writing release notes people read',
    description:
      'Thirty minutes on structure, tone and examples from our last three launches. Bring your lunch and a release note you are proud of (or not).',
    day: -11,
    from: '12:30',
    to: '13:15',
    zone: 'Europe/Lisbon',
    location: '',
    online: 'https://meet.meridian.example/lunch-and-learn',
    organiser: 'ana',
    audience: 'everyone',
    going: 0.18,
    maybe: 0.08,
  },
  {
    title: 'Wellbeing walk by the river',
    description: 'An easy hour before work. Meet at reception; trainers recommended.',
    day: 2,
    from: '07:30',
    to: '08:30',
    zone: 'Africa/Nairobi',
    location: 'Nairobi office reception, Westlands',
    organiser: 'People & Culture',
    audience: 'everyone',
    going: 0.06,
    maybe: 0.05,
  },
  {
    title: 'Lunch and learn: SQL for product people',
    description:
      'Joins, group by and window functions with our own (anonymised) usage data. No setup needed: we share a notebook.',
    day: 3,
    from: '12:00',
    to: '12:45',
    zone: 'Asia/Singapore',
    location: '',
    online: 'https://meet.meridian.example/sql-for-product',
    organiser: 'Engineering',
    audience: 'everyone',
    going: 0.15,
    maybe: 0.1,
    ana: 'going',
  },
  {
    title: 'Webinar: what’s new in reporting',
    description:
      'For our customers: the new scheduled reports, exports to spreadsheets, and the roadmap for dashboards. Questions welcome throughout.',
    day: 6,
    from: '15:00',
    to: '16:00',
    zone: 'Europe/London',
    location: '',
    online: 'https://webinars.meridian.example/reporting',
    organiser: 'Marketing',
    audience: 'everyone',
    going: 0.12,
    maybe: 0.12,
    ana: 'maybe',
    community: 'customer',
  },
  {
    title: 'Board games night',
    description: 'Postponed to the new year: the office is being repainted.',
    day: 8,
    from: '18:00',
    to: '21:00',
    zone: 'Europe/Lisbon',
    location: 'Lisbon office, the kitchen',
    organiser: 'People & Culture',
    audience: 'everyone',
    going: 0.05,
    maybe: 0.03,
    cancelled: true,
  },
  {
    title: 'Q4 all-hands',
    description:
      'The year in review, plans for next year and a big thank-you. Join in London or online; questions can be sent in advance.',
    day: 10,
    from: '16:00',
    to: '17:30',
    zone: 'Europe/London',
    location: 'London HQ, the Atrium',
    online: 'https://meet.meridian.example/all-hands',
    organiser: 'admin',
    audience: 'everyone',
    going: 0.4,
    maybe: 0.15,
    ana: 'going',
  },
  {
    title: 'Customer Success offsite: Toronto',
    description: 'Renewal playbooks, the new onboarding programme, and a day with two customers.',
    day: 17,
    days: 1,
    from: '09:00',
    to: '17:00',
    zone: 'America/Toronto',
    location: 'The Great Hall, 1087 Queen St W, Toronto',
    organiser: 'Customer Success',
    audience: 'Customer Success',
    going: 0.6,
    maybe: 0.15,
  },
  {
    title: 'Product and Design offsite: Lisbon',
    description:
      'Discovery practices, the admin console redesign and next year’s research plan. Arrive the evening before if you can.',
    day: 31,
    days: 1,
    from: '09:30',
    to: '17:30',
    zone: 'Europe/Lisbon',
    location: 'LX Factory, Rua Rodrigues de Faria 103, Lisbon',
    organiser: 'ana',
    audience: 'Product',
    going: 0.5,
    maybe: 0.2,
  },
  {
    title: 'Onboarding breakfast for new joiners',
    description:
      'Coffee, pastries and a tour of the office with your onboarding buddy. Everyone who joined this quarter is welcome.',
    day: 4,
    from: '08:30',
    to: '09:30',
    zone: 'Europe/Lisbon',
    location: 'Lisbon office, the kitchen',
    organiser: 'People & Culture',
    audience: 'everyone',
    going: 0.08,
    maybe: 0.04,
  },
];

/** "2026-12-03T09:30": `days` from `now`, as the calendar of `zone` counts them. */
function localTime(zone: string, now: number, days: number, time: string): string {
  const date = wallTimeAt(zone, now + days * DAY_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}T${time}`;
}

export interface EventsSummary {
  events: number;
  answers: number;
}

export async function seedEvents(
  ctx: AppContext,
  options: { accounts: AccountRow[]; now: number; ana: string; admin: string },
): Promise<EventsSummary> {
  const random = new Random(4);
  const staff = options.accounts.filter((a) => a.role !== 'guest' && a.suspended === 0);
  const byName = (username: string) => staff.find((a) => a.username === username);
  const ana = byName(options.ana);
  const admin = byName(options.admin);
  if (!ana || !admin) throw new Error('the demo events need Ana and the admin');
  let answers = 0;

  for (const plan of PLANS) {
    const community = plan.community ? await findDemoCommunity(ctx.db, plan.community) : null;
    const people = community
      ? options.accounts.filter((a) => community.memberIds.includes(a.id) && a.suspended === 0)
      : staff;
    const department = (name: string) => people.filter((a) => a.department === name);
    const organiser =
      plan.organiser === 'ana'
        ? ana
        : plan.organiser === 'admin'
          ? admin
          : (department(plan.organiser).find((a) => /Head|Director|Manager|Lead/.test(a.title)) ??
            department(plan.organiser)[0] ??
            admin);
    if (community && !community.memberIds.includes(organiser.id)) continue;
    const startsAt = localTime(plan.zone, options.now, plan.day, plan.from);
    // Planned three weeks ahead (or a week, for what is soon), as people do.
    const plannedAt = options.now + Math.min(plan.day - 21, -7) * DAY_MS;
    const row = await createEvent(
      ctx,
      viewerFrom(organiser),
      {
        title: plan.title,
        description: plan.description,
        starts_at: startsAt,
        ends_at: localTime(plan.zone, options.now, plan.day + (plan.days ?? 0), plan.to),
        time_zone: plan.zone,
        location: plan.location,
        online_url: plan.online ?? null,
        community_id: community ? String(community.id) : null,
      },
      plannedAt,
    );

    const audience = plan.audience === 'everyone' ? people : department(plan.audience);
    const invited = audience.filter((a) => a.id !== organiser.id && a.id !== ana.id);
    const answering: Array<[AccountRow, RsvpStatus]> = [];
    for (const person of random.sample(invited, invited.length)) {
      const roll = random.next();
      if (roll < plan.going) answering.push([person, 'going']);
      else if (roll < plan.going + plan.maybe) answering.push([person, 'maybe']);
      else if (roll < plan.going + plan.maybe + 0.08) answering.push([person, 'declined']);
    }
    if (plan.ana && (!community || community.memberIds.includes(ana.id))) {
      answering.splice(Math.floor(answering.length / 2), 0, [ana, plan.ana]);
    }
    const answerSpan = Math.max(row.starts_at - DAY_MS - plannedAt, DAY_MS);
    await ctx.db.transaction().execute(async (trx) => {
      for (const [index, [person, status]] of answering.entries()) {
        const at = plannedAt + Math.floor(((index + 1) / (answering.length + 1)) * answerSpan);
        await applyAnswer(trx, row, person.id, status, Math.min(at, options.now));
      }
    });
    answers += answering.length;
    if (plan.cancelled) await updateEvent(ctx, viewerFrom(organiser), row.id, { cancelled: true });
  }
  return { events: PLANS.length, answers };
}
