import { departmentAffinity, type Member, weightedPick, weightedSample } from './cast';
import { reactionDelay } from './clock';
import type { Kind } from './occasions';
import { type Draft, type Plan, poisson } from './plan';

/** Favourites per unit of appeal: a typical status gets two or three, a popular one dozens. */
const FAVOURITES_PER_APPEAL = 2.4;
const BOOSTS_PER_APPEAL = 0.25;
/** How often people keep a status of this kind for later. */
const BOOKMARK_RATE: Partial<Record<Kind, number>> = {
  wiki: 0.5,
  conference: 0.4,
  learnt: 0.3,
  question: 0.1,
  update: 0.08,
  security: 0.1,
};

/**
 * Who reacts to what: favourites, boosts and bookmarks, skewed to statuses with appeal
 * and coming mostly from the author's followers, department and the people it mentions;
 * votes in every poll. Everyone with a taste for reacting takes part, readers included.
 */
export function planReactions(plan: Plan, ana: Member) {
  const { random } = plan;
  const reactors = plan.members.filter((m) => m.reacts > 0);
  const closeness = (m: Member, d: Draft) =>
    m === d.author
      ? 0
      : m.reacts *
        (plan.follows(m, d.author, d.at) ? 4 : 1) *
        departmentAffinity(m, d.author, 2) *
        (d.mentioned.includes(m) ? 6 : 1);
  const give = (
    type: 'favourite' | 'reblog' | 'bookmark',
    d: Draft,
    count: number,
    weight: (m: Member) => number,
  ) => {
    if (count <= 0) return;
    let given = 0;
    // Some drawn people cannot see the status (followers-only, not yet joined): draw spares.
    for (const m of weightedSample(random, reactors, count * 2 + 2, weight)) {
      if (given >= count) break;
      if (plan.react(type, m, d, d.at + reactionDelay(random))) given += 1;
    }
  };

  for (const d of [...plan.drafts]) {
    const root = d.parent === undefined;
    give(
      'favourite',
      d,
      Math.min(poisson(random, d.appeal * FAVOURITES_PER_APPEAL * (root ? 1 : 0.5)), 45),
      (m) => closeness(m, d),
    );
    if (root && d.visibility === 'public') {
      give(
        'reblog',
        d,
        Math.min(poisson(random, d.appeal * BOOSTS_PER_APPEAL), 12),
        (m) => closeness(m, d) * (m.communicator ? 3 : 1),
      );
    }
    const rate = (BOOKMARK_RATE[d.kind] ?? 0.02) * (root ? 1 : 0.2);
    give('bookmark', d, poisson(random, rate * d.appeal), (m) => closeness(m, d));
    if (d.poll) planVotes(plan, d, ana);
  }
  // Ana keeps the useful pages her colleagues share.
  for (const d of plan.drafts) {
    if (
      (d.kind === 'wiki' || d.kind === 'conference') &&
      plan.follows(ana, d.author, d.at) &&
      random.chance(0.4)
    ) {
      plan.react('bookmark', ana, d, d.at + reactionDelay(random));
    }
  }
}

/**
 * Votes while the poll is open, from people who can see it; each poll has its own
 * favourite options (weights drawn from a flat Dirichlet, i.e. normalised exponentials).
 */
function planVotes(plan: Plan, d: Draft, ana: Member) {
  const { random } = plan;
  if (!d.poll) return;
  const closes = Math.min(d.at + d.poll.expiresIn * 1000, plan.now);
  const weights = d.poll.options.map(() => -Math.log(Math.max(random.next(), 1e-9)));
  const top = Math.max(...weights);
  const voters = weightedSample(random, plan.members, random.int(14, 45), (m) =>
    m === d.author ? 0 : m.reacts * (plan.follows(m, d.author, d.at) ? 2 : 1),
  );
  // Ana takes part in polls that close around now, so she hears how they ended.
  if (closes < plan.now && closes > plan.now - 2 * 86_400_000 && ana !== d.author) {
    if (!voters.includes(ana)) voters.push(ana);
  }
  for (const voter of voters) {
    const at = d.at + reactionDelay(random);
    if (at >= closes || !plan.canSee(voter, d, at)) continue;
    const indexes = d.poll.options.map((_, index) => index);
    const choices = d.poll.multiple
      ? indexes.filter((i) => random.chance(((weights[i] ?? 0) / top) * 0.8))
      : [weightedPick(random, indexes, (i) => weights[i] ?? 0) ?? 0];
    if (choices.length === 0)
      choices.push(weightedPick(random, indexes, (i) => weights[i] ?? 0) ?? 0);
    plan.schedule({ type: 'vote', at, by: voter, draft: d, choices });
  }
  // A poll that ended is closed when it ended: its voters and author hear of it then.
  if (closes < plan.now) plan.schedule({ type: 'close', at: closes, draft: d });
}
