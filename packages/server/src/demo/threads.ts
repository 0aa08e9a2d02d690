import { departmentAffinity, type Member, weightedPick } from './cast';
import { MINUTE_MS, reactionDelay } from './clock';
import { appealOf } from './drafting';
import type { Kind } from './occasions';
import type { Draft, Plan } from './plan';
import { replyText } from './replies';

/** Chance that a status of this kind gets replies, and how many at most. */
const THREADS: Record<Kind, [number, number]> = {
  update: [0.45, 4],
  question: [0.9, 5],
  learnt: [0.3, 2],
  kudos: [0.6, 3],
  wiki: [0.3, 2],
  conference: [0.4, 3],
  office: [0.4, 3],
  security: [0.3, 2],
  planning: [0.4, 3],
  launch: [0.6, 5],
  bookclub: [0.7, 4],
  poll: [0.35, 2],
  private: [0.35, 2],
  direct: [0.8, 3],
  welcome: [0.8, 4],
  intro: [0.85, 5],
};

/**
 * Replies to a status, 1 to 5 of them: colleagues who can see it answer (experts in a
 * question's skill and people it mentions first), and the author answers back.
 */
export function planThread(plan: Plan, root: Draft, bookClubMembers: Set<Member>) {
  const { random, now } = plan;
  const [chance, most] = THREADS[root.kind];
  const count = root.replies ?? (random.chance(chance) ? random.int(1, most) : 0);
  let last = root;
  const spoken = new Set<Member>([root.author]);
  const said = new Set<string>();
  for (let i = 0; i < count; i++) {
    const at = last.at + reactionDelay(random, 0.6);
    if (at >= now - 2 * MINUTE_MS) break;
    const waiting = root.mentioned.filter(
      (m) => !spoken.has(m) && m.writes > 0 && plan.canSee(m, root, at),
    );
    let speaker: Member | undefined;
    let voice: 'others' | 'author' | 'thanked';
    let parent: Draft;
    if (i > 0 && last.author !== root.author && random.chance(0.55)) {
      [speaker, voice, parent] = [root.author, 'author', last];
    } else if (waiting.length > 0 && random.chance(0.7)) {
      [speaker, voice, parent] = [random.pick(waiting), 'thanked', root];
    } else {
      parent = random.chance(0.7) || last.author === root.author ? root : last;
      voice = 'others';
      speaker = weightedPick(random, plan.members, (m) => {
        if (m.writes <= 0 || m === parent.author || !plan.canSee(m, parent, at)) return 0;
        if (root.kind === 'bookclub' && !bookClubMembers.has(m)) return 0;
        return (
          m.writes *
          departmentAffinity(m, root.author, 3) *
          (plan.follows(m, root.author, at) ? 3 : 1) *
          (root.skill && m.skills.includes(root.skill) ? 8 : 1) *
          (spoken.has(m) ? 0.3 : 1)
        );
      });
    }
    if (!speaker || speaker === parent.author || !plan.canSee(speaker, parent, at)) break;
    const w = plan.writer(speaker, at);
    // Mastodon clients address everyone in a direct conversation, else the person replied to.
    const addressees =
      root.visibility === 'direct'
        ? [root.author, ...root.mentioned].filter(
            (m, k, all) => m !== speaker && all.indexOf(m) === k,
          )
        : [parent.author];
    const text = replyText(w, root.kind, voice, addressees, said);
    last = plan.post({
      kind: root.kind,
      author: speaker,
      at,
      text,
      visibility: root.visibility,
      parent,
      mentioned: w.mentioned,
      appeal: appealOf(random, root.kind, speaker) * 0.3,
      ...(root.spoiler ? { spoiler: root.spoiler } : {}),
      ...(root.skill ? { skill: root.skill } : {}),
    });
    spoken.add(speaker);
  }
}
