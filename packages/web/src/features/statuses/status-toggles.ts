import type { Status } from '@rapport/schema';
import type { StatusToggle } from '../../api/statuses';

const FLAG = { favourite: 'favourited', reblog: 'reblogged', bookmark: 'bookmarked' } as const;
const COUNT = { favourite: 'favourites_count', reblog: 'reblogs_count', bookmark: null } as const;

export function isToggled(status: Status, action: StatusToggle): boolean {
  return status[FLAG[action]] === true;
}

/**
 * The status as it will be once the server has taken the action: the flag set and the
 * count moved by one (never below zero). Nothing changes when the flag already matches,
 * so applying it twice is harmless.
 */
export function applyToggle(status: Status, action: StatusToggle, on: boolean): Status {
  if (isToggled(status, action) === on) return status;
  const count = COUNT[action];
  const next: Status = { ...status, [FLAG[action]]: on };
  if (count) next[count] = Math.max(0, status[count] + (on ? 1 : -1));
  return next;
}

/**
 * What the server said about one action, taken onto the cached status: only that action's
 * flag and count, so an answer cannot undo another action still on its way.
 */
export function takeServerToggle(status: Status, answer: Status, action: StatusToggle): Status {
  const count = COUNT[action];
  const flag = FLAG[action];
  const next: Status = { ...status, [flag]: answer[flag] ?? status[flag] };
  if (count) next[count] = answer[count];
  return next;
}

/**
 * Mastodon refuses to boost followers-only statuses of others and direct statuses of anyone;
 * the button says so instead of failing.
 */
export function canBoost(status: Status, viewerId: string): boolean {
  if (status.visibility === 'direct') return false;
  if (status.visibility === 'private') return status.account.id === viewerId;
  return true;
}
