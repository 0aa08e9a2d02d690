import type { Random } from '../packages/server/src/demo/random';

/**
 * Status text for the bench: words drawn from a Zipf distribution over a large vocabulary,
 * so search meets what real text has: a few words in most statuses, many words in a
 * handful, and fixed phrases whose words are also common on their own.
 */

/** Draws index i with probability weights[i] / sum(weights) in O(1) (Vose's alias method). */
export class AliasSampler {
  private readonly probability: Float64Array;
  private readonly alias: Int32Array;

  constructor(weights: ArrayLike<number>) {
    const n = weights.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += weights[i] as number;
    if (!(total > 0)) throw new Error('AliasSampler needs a positive weight');
    this.probability = new Float64Array(n);
    this.alias = new Int32Array(n);
    const scaled = new Float64Array(n);
    const small: number[] = [];
    const large: number[] = [];
    for (let i = 0; i < n; i++) {
      scaled[i] = ((weights[i] as number) * n) / total;
      ((scaled[i] as number) < 1 ? small : large).push(i);
    }
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large.pop() as number;
      this.probability[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      ((scaled[l] as number) < 1 ? small : large).push(l);
    }
    for (const i of [...small, ...large]) this.probability[i] = 1;
  }

  sample(random: Random): number {
    const u = random.next() * this.probability.length;
    const i = Math.floor(u);
    return u - i < (this.probability[i] as number) ? i : (this.alias[i] as number);
  }
}

/** Zipf weights: the word of rank r (from 0) is drawn in proportion to 1 / (r + 1)^s. */
export function zipfWeights(count: number, exponent: number, offset = 1): Float64Array {
  const weights = new Float64Array(count);
  for (let r = 0; r < count; r++) weights[r] = 1 / (r + offset) ** exponent;
  return weights;
}

/** The most frequent words, roughly in the order they occur in workplace writing. */
const COMMON = (
  'the to and a of we in for is on that it this with i you are be at will our have from ' +
  'new can as team all about so if by not just up out an do what get more today now ' +
  'thanks work week next time please one need some project meeting update customer like ' +
  'release back know also good review help people first great make still plan there ' +
  'when how design call notes any data quarter planning feedback shared looking build ' +
  'service change issue product support going tomorrow question ready office docs ' +
  'draft hours launch test deploy staging incident fix metrics budget hiring ' +
  'onboarding roadmap sprint demo goals report security access contract partner travel'
)
  .split(/\s+/)
  .filter((word, i, all) => /^[a-z]+$/.test(word) && all.indexOf(word) === i);

const SYLLABLES = (
  'ba be bi bo bu da de di do du fa fe fi fo ka ke ki ko ku la le li lo lu ma me mi mo ' +
  'mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to va ve vi vo za zo ' +
  'bran dor fen gal hul jor kes lim mor nal pon quin rel sor tam vel wen yor zar'
).split(' ');

/**
 * `size` distinct lower-case words: the common English ones first, then made-up words of
 * three or four syllables (project names, jargon, names of things) for the long tail.
 */
export function buildVocabulary(size: number): string[] {
  const words = [...COMMON];
  const seen = new Set(words);
  const n = SYLLABLES.length;
  for (let i = 0; words.length < size; i++) {
    let word = '';
    let rest = i;
    const syllables = i < n ** 3 ? 3 : 4;
    for (let s = 0; s < syllables; s++) {
      word += SYLLABLES[rest % n];
      rest = Math.floor(rest / n);
    }
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words.slice(0, size);
}

/** Phrases people write (and search for in quotes) whose words are common on their own too. */
export const PHRASES = [
  'design review',
  'release notes',
  'office hours',
  'customer feedback',
  'quarter planning',
  'on call',
];

/** Hashtags: a few used everywhere, most used now and then. */
export function buildTags(count: number): string[] {
  const named = [
    'TeamUpdate',
    'Release',
    'Hiring',
    'Onboarding',
    'AllHands',
    'Incident',
    'Kudos',
    'Security',
    'Design',
    'Roadmap',
  ];
  const tags = [...named];
  for (let i = 0; tags.length < count; i++) {
    const a = SYLLABLES[i % SYLLABLES.length] as string;
    const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length] as string;
    tags.push(`${a[0]?.toUpperCase()}${a.slice(1)}${b}${i}`);
  }
  return tags;
}

/**
 * Writes one status's words: one to three sentences of 5 to 14 words, now and then with a
 * fixed phrase. Counts each word once per status in `documentFrequency` (by vocabulary
 * index), so the bench can pick a rare word that does occur.
 */
export class TextGenerator {
  readonly documentFrequency: Int32Array;
  private readonly lastDocument: Int32Array;
  private readonly sampler: AliasSampler;
  /** Statuses written so far. */
  documents = 0;

  constructor(
    readonly words: string[],
    private readonly random: Random,
  ) {
    this.sampler = new AliasSampler(zipfWeights(words.length, 1.0));
    this.documentFrequency = new Int32Array(words.length);
    this.lastDocument = new Int32Array(words.length).fill(-1);
  }

  /** Plain text, without mentions or tags. */
  next(): string {
    this.documents++;
    const random = this.random;
    const sentences = 1 + Math.floor(random.next() * 2.2);
    const parts: string[] = [];
    for (let s = 0; s < sentences; s++) {
      const length = 5 + Math.floor(random.next() * 10);
      let sentence = '';
      for (let w = 0; w < length; w++) {
        const index = this.sampler.sample(random);
        if (this.lastDocument[index] !== this.documents) {
          this.lastDocument[index] = this.documents;
          (this.documentFrequency[index] as number)++;
        }
        const word = this.words[index] as string;
        sentence += w === 0 ? `${word[0]?.toUpperCase()}${word.slice(1)}` : ` ${word}`;
      }
      if (random.next() < 0.06) {
        sentence += ` ${PHRASES[Math.floor(random.next() * PHRASES.length)]}`;
      }
      parts.push(`${sentence}.`);
    }
    return parts.join(' ');
  }
}
