import type { RelationshipEvidence, RelationshipEvidenceKind } from '@rapport/schema';
import type { InteractionKind } from '../../db/tables/communities.table';
import type { ContextLabel } from './context-labels.queries';
import { CO_PRESENCE, type Tally } from './model';

/** Ledger kinds in the words of the API (the import's vocabulary). */
export const KIND_NAMES: Record<InteractionKind, RelationshipEvidenceKind> = {
  favourite: 'favourite',
  boost: 'reblog',
  reply: 'reply',
  mention: 'mention',
  direct: 'message',
  answer: 'answer',
  accepted_answer: 'accepted_answer',
  answer_vote: 'answer_vote',
  co_authored: 'page_coauthor',
  same_event: 'event_together',
  same_community: 'community_together',
  introduction: 'introduction',
};

const times = (n: number) => (n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`);

/** "You replied to Ana", "Ana replied to you", "You replied to each other", per kind. */
const SENTENCES: Record<
  InteractionKind,
  (who: { out: boolean; in: boolean }, name: string, n: number) => string
> = {
  reply: (w, name, n) => `${subject(w, name)} replied to ${object(w, name)} ${times(n)}`,
  mention: (w, name, n) => `${subject(w, name)} mentioned ${object(w, name)} ${times(n)}`,
  direct: (w, name, n) =>
    `${subject(w, name)} messaged ${object(w, name)} on ${n === 1 ? 'one day' : `${n} days`}`,
  answer: (w, name, n) =>
    w.out && w.in
      ? `You answered each other's questions ${times(n)}`
      : w.out
        ? `You answered ${name}'s questions ${times(n)}`
        : `${name} answered your questions ${times(n)}`,
  accepted_answer: (w, name) =>
    w.out && w.in
      ? `You accepted each other's answers`
      : w.out
        ? `You accepted ${name}'s answer`
        : `${name} accepted your answer`,
  favourite: (w, name, n) =>
    `${subject(w, name)} favourited ${possessive(w, name)} posts ${times(n)}`,
  boost: (w, name, n) => `${subject(w, name)} boosted ${possessive(w, name)} posts ${times(n)}`,
  answer_vote: (w, name, n) =>
    `${subject(w, name)} voted for ${possessive(w, name)} answers ${times(n)}`,
  // Co-presence reads differently: see togetherSentence.
  co_authored: () => '',
  same_event: () => '',
  same_community: () => '',
  introduction: () => '',
};

/** Co-presence reads as one sentence with its place: "You both edited the page 'Onboarding'". */
function togetherSentence(kind: InteractionKind, label: ContextLabel): string | null {
  const place = label.phrase.replace(/^(on|at|in) /, '');
  switch (kind) {
    case 'co_authored':
      return `You both edited ${place || 'the same page'}`;
    case 'same_event':
      return `You both went to ${place || 'the same event'}`;
    case 'same_community':
      return `You are both members of ${label.name ? place : 'a small community'}`;
    case 'introduction':
      return 'You were introduced to each other';
    default:
      return null;
  }
}

function subject(w: { out: boolean; in: boolean }, name: string) {
  return w.out && w.in ? 'You' : w.out ? 'You' : name;
}
function object(w: { out: boolean; in: boolean }, name: string) {
  return w.out && w.in ? 'each other' : w.out ? name : 'you';
}
function possessive(w: { out: boolean; in: boolean }, name: string) {
  return w.out && w.in ? "each other's" : w.out ? `${name}'s` : 'your';
}

/**
 * The tallies between the viewer and one person as evidence: one item per kind and
 * context, both directions folded into `mutual`, newest first.
 */
export function evidenceOf(
  viewerId: number,
  otherName: string,
  tallies: Tally[],
  labels: Map<string, ContextLabel>,
): RelationshipEvidence[] {
  const groups = new Map<string, Tally[]>();
  for (const tally of tallies) {
    const key = `${tally.kind}|${tally.context}`;
    groups.set(key, [...(groups.get(key) ?? []), tally]);
  }
  const items = [...groups.values()].map((group) => {
    const first = group[0] as Tally;
    const out = group.some((t) => t.actor_id === viewerId);
    const inc = group.some((t) => t.actor_id !== viewerId);
    const count = group.reduce((sum, t) => sum + t.count, 0);
    const coPresence = CO_PRESENCE.has(first.kind) || first.kind === 'introduction';
    const label = labels.get(first.context) ?? { name: null, phrase: '' };
    const text =
      togetherSentence(first.kind, label) ??
      [SENTENCES[first.kind]({ out, in: inc }, otherName, count), label.phrase]
        .filter(Boolean)
        .join(' ');
    return {
      kind: KIND_NAMES[first.kind],
      direction:
        coPresence || (out && inc)
          ? ('mutual' as const)
          : out
            ? ('outgoing' as const)
            : ('incoming' as const),
      context: label.name,
      count,
      first_at: new Date(Math.min(...group.map((t) => t.first_at))).toISOString(),
      at: new Date(Math.max(...group.map((t) => t.last_at))).toISOString(),
      text,
    };
  });
  return items.sort((a, b) => b.at.localeCompare(a.at));
}
