import { DAY_MS } from './model';

/**
 * A status in a few words for a suggestion: its content warning when it has one (what is
 * behind a warning is not repeated elsewhere), else its text, on one line.
 */
export function excerptOf(status: { text: string; spoiler_text: string }, max = 120): string {
  const source = status.spoiler_text.trim() || status.text;
  const line = source.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}

/** A length of time in plain words: "3 days", "5 months", "2 years". */
export function durationText(ms: number): string {
  const days = Math.floor(Math.max(0, ms) / DAY_MS);
  if (days < 1) return 'less than a day';
  if (days === 1) return 'a day';
  if (days < 60) return `${days} days`;
  const months = Math.floor(days / 30);
  if (months < 24) return `${months} months`;
  return `${Math.floor(days / 365)} years`;
}

/** When something happened, relative to now: "today", "yesterday", "3 days ago". */
export function agoText(at: number, now: number): string {
  const days = Math.floor(Math.max(0, now - at) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${durationText(now - at)} ago`;
}

/** "a", "a and b", "a, b and c". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** A person as sentences name them. */
export const nameOf = (account: { display_name: string; username: string }) =>
  account.display_name || account.username;

/** The thread page of a status in the web app, as it links statuses: /@username/ID. */
export const statusPath = (username: string, statusId: number) => `/@${username}/${statusId}`;
