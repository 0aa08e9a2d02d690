import type { AnswerSummary } from '@rapport/schema';
import type { AppContext } from '../../context';
import type { Viewer } from '../../http/auth';
import { loadQuestionFacts } from '../questions/questions.present';
import { seeBatch } from './statuses.present';

/** A status weighed rather than shown: what it says, who wrote it, whether it answers. */
export interface SeenStatus {
  id: number;
  accountId: number;
  username: string;
  kind: 'status' | 'question';
  content: string;
  spoilerText: string;
  createdAt: string;
  inReplyToId: string | null;
  answer: AnswerSummary | null;
}

/**
 * For features that weigh statuses (expertise): the ones among `ids` the viewer may see,
 * by the same step as `presentStatuses`, boosts left out, in the order of `ids`, without
 * the counts, marks, media and cards a shown status needs.
 */
export async function seeStatuses(
  ctx: AppContext,
  viewer: Viewer,
  ids: number[],
): Promise<SeenStatus[]> {
  const { shown, authors, bodies } = await seeBatch(ctx, viewer, ids, {});
  const originals = shown.filter((row) => row.reblog_of_id === null);
  const rows = originals.flatMap((row) => {
    const body = bodies.get(row.id);
    const author = authors.get(row.account_id);
    return body && author ? [{ row, body, author }] : [];
  });
  const questions = await loadQuestionFacts(
    ctx.db,
    viewer.id,
    rows.map(({ row, body }) => ({
      id: row.id,
      account_id: row.account_id,
      kind: row.kind,
      inReplyToId: body.inReplyToId,
      inReplyToAccountId: body.inReplyToAccountId,
    })),
  );
  const byId = new Map(
    rows.map(({ row, body, author }): [number, SeenStatus] => [
      row.id,
      {
        id: row.id,
        accountId: row.account_id,
        username: author.account.username,
        kind: row.kind,
        content: body.content,
        spoilerText: body.spoilerText,
        createdAt: body.createdAt,
        inReplyToId: body.inReplyToId,
        answer: questions.answer(row.id),
      },
    ]),
  );
  return ids.flatMap((id) => byId.get(id) ?? []);
}
