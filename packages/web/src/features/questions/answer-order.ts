import type { Status } from '@rapport/schema';

/**
 * A question's thread with its answers in the order readers want: the accepted answer
 * first, then the others by votes (earliest first among equals), then the asker's own
 * replies. Each answer keeps the replies under it. `descendants` is depth first, as the
 * context endpoint gives it, so every direct reply starts its own group.
 */
export function orderAnswers(questionId: string, descendants: readonly Status[]): Status[] {
  const groups: Status[][] = [];
  for (const status of descendants) {
    const last = groups.at(-1);
    if (status.in_reply_to_id === questionId || !last) groups.push([status]);
    else last.push(status);
  }
  const rank = (group: Status[]) => {
    const answer = group[0]?.answer;
    if (!answer) return 2;
    return answer.accepted ? 0 : 1;
  };
  const votes = (group: Status[]) => group[0]?.answer?.votes_count ?? 0;
  return groups
    .map((group, index) => ({ group, index }))
    .sort(
      (a, b) =>
        rank(a.group) - rank(b.group) || votes(b.group) - votes(a.group) || a.index - b.index,
    )
    .flatMap(({ group }) => group);
}
