import type { RelationshipStage } from '@rapport/schema';
import type { NetworkFilter } from './network-api';

/** A stage someone can be at with the viewer; `none` never appears in a list. */
export type ShownStage = Exclude<RelationshipStage, 'none'>;

/** The stages as My network shows them: the closest first (DESIGN.md section 3). */
export const NETWORK_STAGES: readonly ShownStage[] = [
  'close',
  'trusted',
  'collaboration',
  'recognition',
  'encounter',
];

const ORDER: readonly RelationshipStage[] = [
  'none',
  'encounter',
  'recognition',
  'collaboration',
  'trusted',
  'close',
];

/**
 * Before recognition a cold message rarely lands, so that is where reaching out gets
 * advice; from recognition on, people know each other and no advice gets in the way.
 */
export function isCold(stage: RelationshipStage): boolean {
  return ORDER.indexOf(stage) < ORDER.indexOf('recognition');
}

export interface StageGroup<T> {
  stage: ShownStage;
  items: T[];
}

/**
 * People grouped by stage, closest stage first, keeping the server's order (strongest
 * first) inside each group; empty stages are left out.
 */
export function groupByStage<T extends { stage: RelationshipStage }>(items: readonly T[]) {
  const groups: StageGroup<T>[] = NETWORK_STAGES.map((stage) => ({ stage, items: [] }));
  for (const item of items) {
    groups.find((group) => group.stage === item.stage)?.items.push(item);
  }
  return groups.filter((group) => group.items.length > 0);
}

/**
 * Where a strength sits on the meter, 0 to 1. Strength is a decayed sum of weights with no
 * upper bound (one reply weighs 3, months of working together reach the hundreds), so the
 * meter is logarithmic and full from STRONG on: a first exchange still shows.
 */
export const STRONG = 100;
export function strengthFraction(strength: number): number {
  if (!(strength > 0)) return 0;
  return Math.min(1, Math.log1p(strength) / Math.log1p(STRONG));
}

/** Strength as a short number: whole from 10 on, one decimal below. */
export function formatStrength(strength: number): string {
  if (!(strength > 0)) return '0';
  return strength >= 10 ? String(Math.round(strength)) : String(Math.round(strength * 10) / 10);
}

/** The filter My network's address asks for: `?stage=trusted`, `?dormant=1`, or none. */
export function filterFromSearch(search: URLSearchParams): NetworkFilter {
  const stage = search.get('stage');
  if (stage && (NETWORK_STAGES as readonly string[]).includes(stage)) {
    return { stage: stage as ShownStage };
  }
  if (search.get('dormant') === '1' || search.get('dormant') === 'true') return { dormant: true };
  return null;
}

export function filterToSearch(filter: NetworkFilter): string {
  if (filter === null) return '';
  return 'stage' in filter ? `?stage=${filter.stage}` : '?dormant=1';
}

export function sameFilter(a: NetworkFilter, b: NetworkFilter): boolean {
  return filterToSearch(a) === filterToSearch(b);
}
