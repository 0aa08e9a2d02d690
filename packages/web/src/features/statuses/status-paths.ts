import type { Status } from '@rapport/schema';

/** The thread page of a status, under its author as Mastodon links it: /@username/123. */
export function threadPath(status: Pick<Status, 'id' | 'account'>): string {
  return `/@${status.account.acct || status.account.username}/${status.id}`;
}

export function profilePath(account: { acct: string; username: string }): string {
  return `/@${account.acct || account.username}`;
}

/** The status a row shows: the boosted one for a boost. */
export function shownStatus(status: Status): Status {
  return (status.reblog as Status | null) ?? status;
}
