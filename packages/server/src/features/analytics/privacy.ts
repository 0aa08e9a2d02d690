import type { GroupShare, PeopleCount } from '@rapport/schema';

/**
 * Small-cell suppression: an aggregate about fewer than `min_group_size` people could
 * point at someone, so it is withheld. A count of people is shown when it is 0 or at
 * least the minimum; a share computed over a group is shown when the group is large
 * enough. DESIGN.md section 4 sets the default; admins may raise it or lower it to 3.
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;
export const LOWEST_MIN_GROUP_SIZE = 3;

const SUPPRESSED = { suppressed: true } as const;

export function peopleCount(count: number, minGroupSize: number): PeopleCount {
  return count === 0 || count >= minGroupSize ? count : SUPPRESSED;
}

export function groupShare(
  share: number | null,
  groupSize: number,
  minGroupSize: number,
): GroupShare {
  if (share === null) return null;
  return groupSize >= minGroupSize ? share : SUPPRESSED;
}
