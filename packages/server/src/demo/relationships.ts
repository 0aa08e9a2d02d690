import type { AppContext } from '../context';
import type { AccountRow } from '../features/accounts/accounts.queries';
import {
  type InteractionInput,
  recordInteractions,
} from '../features/interactions/interactions.queries';
import { refreshPair } from '../features/relationships/model.queries';
import { savePrivateFields } from '../features/relationships/relationships.queries';
import { DAY_MS } from '../lib/time';
import type { Random } from './random';

export interface RelationshipsSummary {
  /** Colleagues whose history with Ana this step wrote, by the stage it leads to. */
  storylines: number;
}

type Kind = InteractionInput['kind'];

/**
 * Ana's working relationships at every stage, beyond what the replayed months give her:
 * history "imported from the old intranet" (the import's way of seeding the model) with a
 * close colleague (both marked close), a trusted one (months of exchanges in posts and
 * messages), a collaborator (a page they co-wrote and threads in two topics), someone she
 * only recognises, someone who only favourites her posts, two ties gone quiet (one long
 * enough to show a stage lower), and a reminder that fell due, with her private notes.
 */
export async function seedRelationships(
  ctx: AppContext,
  s: { random: Random; now: number; accounts: AccountRow[]; ana: string },
): Promise<RelationshipsSummary> {
  const ana = s.accounts.find((row) => row.username === s.ana);
  if (!ana) return { storylines: 0 };
  const pool = s.accounts.filter(
    (a) =>
      a.role === 'member' &&
      a.suspended === 0 &&
      a.id !== ana.id &&
      a.department !== ana.department,
  );
  const taken = new Set<number>();
  const someone = () => {
    const free = pool.filter((a) => !taken.has(a.id));
    const chosen = s.random.pick(free);
    taken.add(chosen.id);
    return chosen;
  };
  const daysAgo = (days: number) => s.now - days * DAY_MS - s.random.int(0, 8) * 3_600_000;
  const acts: InteractionInput[] = [];
  const act = (kind: Kind, from: AccountRow, to: AccountRow, days: number, context: string) =>
    acts.push({
      kind,
      actorId: from.id,
      targetId: to.id,
      subjectType: 'import',
      subjectId: 0,
      communityId: null,
      at: daysAgo(days),
      context,
    });
  const exchange = (kind: Kind, other: AccountRow, days: number, context: string) => {
    act(kind, ana, other, days, context);
    act(kind, other, ana, days - 0.2, context);
  };

  const close = someone();
  for (let day = 170; day > 3; day -= 12) {
    exchange('direct', close, day, 'chat:0');
    exchange('reply', close, day - 4, 'tag:roadmap');
  }
  const trusted = someone();
  for (let day = 130; day > 10; day -= 15) {
    exchange('reply', trusted, day, 'tag:research');
    exchange('direct', trusted, day - 2, 'chat:0');
  }
  const collaborator = someone();
  act('co_authored', collaborator, ana, 25, 'Onboarding checklist (old intranet)');
  exchange('reply', collaborator, 24, 'tag:onboarding');
  exchange('mention', collaborator, 6, 'tag:accessibility');
  const recognised = someone();
  exchange('mention', recognised, 9, 'tag:launch');
  const admirer = someone();
  for (const day of [14, 8, 2]) act('favourite', admirer, ana, day, 'tag:roadmap');
  // Quiet for 150 days: past collaboration's 120-day horizon, so dormant, not yet lower.
  const quiet = someone();
  exchange('reply', quiet, 190, 'tag:pricing');
  exchange('reply', quiet, 160, 'tag:analytics');
  act('co_authored', quiet, ana, 150, 'Pricing FAQ (old intranet)');
  // Quiet for 200 days: twice recognition's horizon, so it shows as an encounter.
  const faded = someone();
  exchange('mention', faded, 200, 'tag:hiring');
  // Last heard 40 days ago; Ana asked to be reminded every 30.
  const reminder = someone();
  exchange('direct', reminder, 40, 'chat:0');

  await ctx.db.transaction().execute(async (trx) => {
    await recordInteractions(trx, acts);
    const note = (other: AccountRow, fields: Parameters<typeof savePrivateFields>[3]) =>
      savePrivateFields(trx, ana.id, other.id, fields, s.now);
    await note(close, {
      note: 'Started the same week; we ran the 2025 roadmap together.',
      mark_close: 1,
      mark_trusted: 1,
    });
    await savePrivateFields(trx, close.id, ana.id, { mark_close: 1, mark_trusted: 1 }, s.now);
    await refreshPair(trx, ana.id, close.id, s.now);
    await note(reminder, {
      note: 'Met at the Lisbon offsite. Wants to hear how onboarding goes.',
      remind_every_days: 30,
    });
    await note(quiet, { note: 'Knows the pricing history better than anyone.' });
  });
  return { storylines: taken.size };
}
