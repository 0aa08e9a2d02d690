import type { Visibility } from '@rapport/schema';
import type { Member } from './cast';
import type { Kind } from './occasions';
import type { Picture } from './pictures';
import type { Random } from './random';
import { Writer } from './writing';

/** A status the demo will post, planned before anything is written. */
export interface Draft {
  kind: Kind;
  author: Member;
  at: number;
  text: string;
  visibility: Visibility;
  spoiler?: string;
  poll?: { options: string[]; expiresIn: number; multiple: boolean };
  parent?: Draft;
  /** Everyone the text mentions: they can see it, answer it, are thanked by it. */
  mentioned: Member[];
  /** How much people react to it (about 1 for an ordinary status). */
  appeal: number;
  /** For a question: the skill whose experts answer it. */
  skill?: string;
  /** How many replies to plan, when a script decides rather than chance. */
  replies?: number;
  /** An image it carries (a dashboard screenshot, an office snapshot). */
  picture?: Picture;
  /** Set when posted. */
  id?: number;
}

/** One act of the organisation's history, replayed in time order through the services. */
export type Action =
  | { type: 'follow'; at: number; from: Member; to: Member }
  | { type: 'post'; at: number; draft: Draft }
  | { type: 'favourite' | 'reblog' | 'bookmark'; at: number; by: Member; draft: Draft }
  | { type: 'vote'; at: number; by: Member; draft: Draft; choices: number[] }
  | { type: 'close'; at: number; draft: Draft }
  | { type: 'edit'; at: number; draft: Draft; text: string };

/**
 * The organisation's history as it is being planned: who follows whom since when, what
 * was posted, and every act in order of planning (replay sorts them by time). It answers
 * the same visibility question the server will, so no planned act is refused.
 */
export class Plan {
  readonly actions: Action[] = [];
  readonly drafts: Draft[] = [];
  /** Notifications Ana received before this moment are read; later ones are new to her. */
  anaReadUntil = 0;
  private readonly following = new Map<number, Map<number, number>>();
  private readonly reacted = new Map<Draft, Set<string>>();

  constructor(
    readonly random: Random,
    readonly now: number,
    readonly members: Member[],
  ) {}

  member(username: string): Member {
    const member = this.members.find((m) => m.username === username);
    if (!member) throw new Error(`The demo has no member ${username}`);
    return member;
  }

  /** Members who had joined by `at`. */
  present(at: number): Member[] {
    return this.members.filter((m) => m.joinedAt < at);
  }

  /** Records a follow unless it exists already; answers whether it is new. */
  follow(from: Member, to: Member, when: number): boolean {
    const at = Math.round(when);
    if (from.id === to.id || this.followedAt(from, to) !== undefined) return false;
    let targets = this.following.get(from.id);
    if (!targets) {
      targets = new Map();
      this.following.set(from.id, targets);
    }
    targets.set(to.id, at);
    this.schedule({ type: 'follow', at, from, to });
    return true;
  }

  followedAt(from: Member, to: Member): number | undefined {
    return this.following.get(from.id)?.get(to.id);
  }

  follows(from: Member, to: Member, at: number): boolean {
    const since = this.followedAt(from, to);
    return since !== undefined && since < at;
  }

  followers(of: Member): Member[] {
    return this.members.filter((m) => this.followedAt(m, of) !== undefined);
  }

  /** `canSee` for a planned status: the author, the mentioned, then by visibility. */
  canSee(viewer: Member, draft: Draft, at: number): boolean {
    if (viewer.joinedAt >= at) return false;
    if (viewer.id === draft.author.id || draft.mentioned.includes(viewer)) return true;
    switch (draft.visibility) {
      case 'public':
      case 'unlisted':
        return true;
      case 'private':
        return this.follows(viewer, draft.author, at);
      case 'direct':
        return false;
    }
  }

  writer(author: Member, at: number): Writer {
    return new Writer(this.random, author, at, {
      colleagues: (a, when) =>
        this.present(when).filter((m) => m.department === a.department && m.id !== a.id),
      everyone: (when) => this.present(when),
    });
  }

  post(draft: Draft): Draft {
    draft.at = Math.round(draft.at);
    this.drafts.push(draft);
    this.schedule({ type: 'post', at: draft.at, draft });
    return draft;
  }

  /** Adds an act to the history, at a whole millisecond (times are integers in the database). */
  schedule(action: Action): void {
    this.actions.push({ ...action, at: Math.round(action.at) });
  }

  /** A favourite, boost or bookmark, once per person and status, when the person can see it. */
  react(type: 'favourite' | 'reblog' | 'bookmark', by: Member, draft: Draft, at: number): boolean {
    const key = `${type}:${by.id}`;
    const done = this.reacted.get(draft) ?? new Set<string>();
    if (at >= this.now || done.has(key) || !this.canSee(by, draft, at)) return false;
    if (type === 'reblog' && (draft.visibility === 'private' || draft.visibility === 'direct'))
      return false;
    done.add(key);
    this.reacted.set(draft, done);
    this.schedule({ type, at, by, draft });
    return true;
  }
}

/** Poisson-distributed count with mean `mean` (Knuth's method; means here are small). */
export function poisson(random: Random, mean: number): number {
  const limit = Math.exp(-Math.min(mean, 30));
  let count = 0;
  let product = random.next();
  while (product > limit) {
    count += 1;
    product *= random.next();
  }
  return count;
}

/** A standard normal draw (Box-Muller). */
export function gaussian(random: Random): number {
  const u = Math.max(random.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
