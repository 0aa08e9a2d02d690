/**
 * Snowflake ids: (milliseconds since 2020-01-01) x 4096 + a 12-bit sequence. They sort by
 * creation time (timelines page by id, as Mastodon's do), stay below 2^53 until about 2089
 * so JavaScript numbers hold them exactly, and can be minted for a past moment (imports,
 * demo history). Each millisecond's sequence starts at a random point, so two nodes rarely
 * pick the same id in the same millisecond.
 */
const EPOCH = Date.UTC(2020, 0, 1);
const SEQUENCE = 4096;

let lastMs = -1;
let sequence = 0;

/** A new id, strictly greater than every id this process minted before. */
export function newId(): number {
  let ms = Math.max(0, Date.now() - EPOCH);
  if (ms > lastMs) {
    sequence = Math.floor(Math.random() * (SEQUENCE / 2));
  } else {
    ms = lastMs;
    sequence += 1;
    if (sequence === SEQUENCE) {
      ms += 1;
      sequence = 0;
    }
  }
  lastMs = ms;
  return ms * SEQUENCE + sequence;
}

/** Sequences handed out for past milliseconds, so two rows stamped alike get distinct ids. */
const pastSequences = new Map<number, number>();

/** An id for something that happened at `at` (epoch ms), e.g. imported history. */
export function idFor(at: number): number {
  const ms = Math.max(0, at - EPOCH);
  if (pastSequences.size > 100_000) pastSequences.clear();
  const next = pastSequences.get(ms) ?? Math.floor(Math.random() * (SEQUENCE / 2));
  pastSequences.set(ms, (next + 1) % SEQUENCE);
  return ms * SEQUENCE + next;
}

/** The smallest id minted at or after `at`: turns a time into an id bound. */
export function idAt(at: number): number {
  return Math.max(0, at - EPOCH) * SEQUENCE;
}

/** When an id was minted. */
export function idTime(id: number): number {
  return Math.floor(id / SEQUENCE) + EPOCH;
}
