import type { Poll } from '@rapport/schema';

export interface OptionResult {
  title: string;
  votes: number;
  /** Whole percent, 0-100. */
  percent: number;
  leading: boolean;
  chosen: boolean;
}

/**
 * Each option's share. In a multiple-choice poll one person may vote for several options,
 * so shares are of the people who voted (they can add up to more than 100%), as Mastodon
 * shows them; in a single-choice poll, of the votes.
 */
export function pollResults(poll: Poll): OptionResult[] {
  const total = poll.multiple ? (poll.voters_count ?? poll.votes_count) : poll.votes_count;
  const most = Math.max(0, ...poll.options.map((option) => option.votes_count ?? 0));
  return poll.options.map((option, index) => {
    const votes = option.votes_count ?? 0;
    return {
      title: option.title,
      votes,
      percent: total > 0 ? Math.round((votes / total) * 100) : 0,
      leading: most > 0 && votes === most,
      chosen: poll.own_votes?.includes(index) ?? false,
    };
  });
}
