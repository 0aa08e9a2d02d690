import { idAt, idFor } from '../db/ids';
import type { Db } from '../db/tables';

/** When the demo's votes, acceptances and "ask them" happened in its history. */
export interface QuestionStamps {
  /** By `${account_id}:${answer_id}`. */
  votes: Map<string, number>;
  /** By answer id. */
  accepted: Map<number, number>;
  /** "Ask them" notifications, by question id. */
  suggested: Map<number, number>;
}

/**
 * The questions services stamp votes, acceptances, notifications and interactions with the
 * current time; the demo writes weeks of history in a second, so every such row written
 * since `since` gets the moment it happened (and notifications an id minted for it, as
 * their lists are ordered by id).
 */
export async function restampQuestions(db: Db, since: number, stamps: QuestionStamps) {
  const from = idAt(since);
  await db.transaction().execute(async (trx) => {
    for (const [key, at] of stamps.votes) {
      const [accountId, answerId] = key.split(':').map(Number) as [number, number];
      await trx
        .updateTable('answer_votes')
        .set({ created_at: at })
        .where('status_id', '=', answerId)
        .where('account_id', '=', accountId)
        .execute();
      await trx
        .updateTable('interactions')
        .set({ id: idFor(at), created_at: at })
        .where('kind', '=', 'answer_vote')
        .where('actor_id', '=', accountId)
        .where('subject_id', '=', answerId)
        .execute();
    }
    for (const [answerId, at] of stamps.accepted) {
      await trx
        .updateTable('questions')
        .set({ accepted_at: at })
        .where('accepted_answer_id', '=', answerId)
        .execute();
      await trx
        .updateTable('interactions')
        .set({ id: idFor(at), created_at: at })
        .where('kind', '=', 'accepted_answer')
        .where('subject_id', '=', answerId)
        .execute();
    }

    // Answers were recorded at their own time, under an id of today's.
    const answers = await trx
      .selectFrom('interactions')
      .select(['id', 'created_at'])
      .where('kind', '=', 'answer')
      .where('id', '>=', from)
      .execute();
    for (const row of answers) {
      await trx
        .updateTable('interactions')
        .set({ id: idFor(row.created_at) })
        .where('id', '=', row.id)
        .execute();
    }

    const notifications = await trx
      .selectFrom('notifications as n')
      .leftJoin('statuses as s', 's.id', 'n.status_id')
      .selectAll('n')
      .select('s.created_at as status_at')
      .where('n.id', '>=', from)
      .execute();
    if (notifications.length === 0) return;
    await trx.deleteFrom('notifications').where('id', '>=', from).execute();
    const dated = notifications.map(({ status_at, ...n }) => {
      const byStatus = n.status_id === null ? undefined : n.status_id;
      const at =
        (n.type === 'answer_accepted' && byStatus !== undefined
          ? stamps.accepted.get(byStatus)
          : n.type === 'question_suggested' && byStatus !== undefined
            ? stamps.suggested.get(byStatus)
            : (status_at ?? undefined)) ?? n.created_at;
      return { ...n, id: idFor(at), created_at: at };
    });
    for (let i = 0; i < dated.length; i += 200) {
      await trx
        .insertInto('notifications')
        .values(dated.slice(i, i + 200))
        .execute();
    }
  });
}
