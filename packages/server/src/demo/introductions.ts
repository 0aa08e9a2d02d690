import type { Introduction } from '@rapport/schema';
import type { AppContext } from '../context';
import { HttpError } from '../errors';
import { EventBus } from '../events';
import type { AccountRow } from '../features/accounts/accounts.queries';
import {
  acceptIntroduction,
  forwardIntroduction,
} from '../features/introductions/introductions.answers';
import { createIntroduction } from '../features/introductions/introductions.service';
import { viewerFrom } from '../http/auth';
import { DAY_MS } from '../lib/time';
import { HOUR_MS } from './clock';
import { backdateIntroduction, knownPeople } from './introductions.queries';

export interface IntroductionsSummary {
  /** Asked of Ana, waiting for her to pass it on. */
  askedOfAna: boolean;
  /** Passed on to Ana, waiting for her answer. */
  forAna: boolean;
  /** Ana asked; accepted, so she and that person are at recognition. */
  anaAsked: boolean;
}

const first = (account: AccountRow) => account.display_name.split(' ')[0] ?? account.username;

/**
 * Ana's introductions, through the real service (so every rule holds): a colleague asked her
 * to introduce them to someone she knows (waiting for her), someone asked a colleague of
 * hers to introduce them to her and it was passed on (waiting for her answer), and she asked
 * to meet someone, which was accepted ten days ago. People are picked among the pairs the
 * history made, strongest first; each is used once.
 */
export async function seedIntroductions(
  ctx: AppContext,
  s: { accounts: AccountRow[]; now: number; ana: string },
): Promise<IntroductionsSummary> {
  const quiet: AppContext = { ...ctx, events: new EventBus(ctx.log) };
  const byId = new Map(s.accounts.map((row) => [row.id, row]));
  const ana = s.accounts.find((row) => row.username === s.ana);
  const summary = { askedOfAna: false, forAna: false, anaAsked: false };
  if (!ana) return summary;
  const used = new Set<number>([ana.id]);
  const people = async (ownerId: number) =>
    (await knownPeople(ctx.db, ownerId))
      .map((id) => byId.get(id))
      // Colleagues: the admin and guests make less likely introductions.
      .filter(
        (row): row is AccountRow =>
          row !== undefined && row.role === 'member' && row.suspended === 0 && !used.has(row.id),
      );

  /** The first trio the service accepts, asked by `requester`; refusals just move on. */
  const firstAccepted = async (
    trios: Array<[AccountRow, AccountRow, AccountRow]>,
    message: (requester: AccountRow, introducer: AccountRow, target: AccountRow) => string,
  ): Promise<Introduction | undefined> => {
    for (const [requester, introducer, target] of trios) {
      if (new Set([requester.id, introducer.id, target.id]).size < 3) continue;
      try {
        const made = await createIntroduction(quiet, viewerFrom(requester), {
          introducer_id: String(introducer.id),
          target_id: String(target.id),
          message: message(requester, introducer, target),
        });
        for (const row of [requester, introducer, target]) used.add(row.id);
        return made;
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
      }
    }
    return undefined;
  };
  /** Dates the introduction: asked at `steps.requested`, each later step at its own time. */
  const date = (made: Introduction, steps: Partial<Record<string, number>>) => {
    const times = Object.values(steps) as number[];
    return backdateIntroduction(
      ctx.db,
      {
        id: Number(made.id),
        requesterId: Number(made.requester.id),
        targetId: Number(made.target.id),
      },
      {
        created: Math.min(...times),
        updated: Math.max(...times),
        notified: (type) => steps[type.replace('introduction_', '')] ?? Math.max(...times),
      },
    );
  };
  const anaKnows = await people(ana.id);

  // Oldest first, so ids follow the dates. Ana asked to meet someone; accepted 10 days ago.
  const trios: Array<[AccountRow, AccountRow, AccountRow]> = [];
  for (const introducer of anaKnows.slice(0, 12)) {
    for (const target of await people(introducer.id)) trios.push([ana, introducer, target]);
  }
  const asked = await firstAccepted(
    trios,
    (_, introducer, target) =>
      `Hi ${first(introducer)}, could you introduce me to ${first(target)}? I'm planning next quarter's onboarding research and would love their view from ${target.department || 'their team'}.`,
  );
  if (asked) {
    const introducer = viewerFrom(byId.get(Number(asked.introducer.id)) as AccountRow);
    const target = viewerFrom(byId.get(Number(asked.target.id)) as AccountRow);
    await forwardIntroduction(quiet, introducer, Number(asked.id), {
      note: `Ana leads onboarding in Product; you two have a lot to compare notes on.`,
    });
    await acceptIntroduction(quiet, target, Number(asked.id));
    await date(asked, {
      requested: s.now - 12 * DAY_MS,
      forwarded: s.now - 11 * DAY_MS,
      accepted: s.now - 10 * DAY_MS,
    });
    summary.anaAsked = true;
  }

  // Someone asked a colleague of Ana's to introduce them to her; passed on yesterday.
  const toAna: Array<[AccountRow, AccountRow, AccountRow]> = [];
  for (const introducer of await people(ana.id)) {
    for (const requester of (await people(introducer.id)).slice(0, 8)) {
      toAna.push([requester, introducer, ana]);
    }
  }
  const forAna = await firstAccepted(
    toAna,
    (requester, introducer) =>
      `${first(introducer)}, would you introduce me to Ana Silva? I'm ${requester.title || 'new'} in ${requester.department || 'the company'} and I'd like to understand how Product plans the admin console.`,
  );
  if (forAna) {
    const introducer = viewerFrom(byId.get(Number(forAna.introducer.id)) as AccountRow);
    await forwardIntroduction(quiet, introducer, Number(forAna.id), {
      note: `Ana, ${first(byId.get(Number(forAna.requester.id)) as AccountRow)} is great to work with: half an hour would help them a lot.`,
    });
    await date(forAna, { requested: s.now - 3 * DAY_MS, forwarded: s.now - DAY_MS });
    summary.forAna = true;
  }

  // A colleague asked Ana to introduce them to someone she knows, a few hours ago.
  const known = await people(ana.id);
  const ofAna: Array<[AccountRow, AccountRow, AccountRow]> = [];
  for (const requester of known) {
    for (const target of known) ofAna.push([requester, ana, target]);
  }
  const askedOfAna = await firstAccepted(
    ofAna,
    (_, __, target) =>
      `Hi Ana! Could you introduce me to ${first(target)}? We're about to start on something close to their work and I'd rather ask than guess.`,
  );
  if (askedOfAna) {
    await date(askedOfAna, { requested: s.now - 5 * HOUR_MS });
    summary.askedOfAna = true;
  }
  return summary;
}
