import type { MediaAttachment, StatusEdit } from '@rapport/schema';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { toIso } from '../../lib/time';
import { presentAccount } from '../accounts/accounts.presenter';
import { findAccountById } from '../accounts/accounts.queries';
import { mediaByStatus } from '../media/media.presenter';
import type { StatusRow } from './statuses.queries';

const RevisionMedia = z.array(z.object({ id: z.number(), description: z.string() }));
const PollOptions = z.array(z.string()).nullable();

/**
 * Every revision of a status, oldest first. An unedited status has one: itself. Media
 * removed since a revision no longer has files, so a revision shows the attachments that
 * remain, with the description it had then.
 */
export async function statusHistory(ctx: AppContext, status: StatusRow): Promise<StatusEdit[]> {
  const author = await findAccountById(ctx.db, status.account_id);
  if (!author) return [];
  const account = presentAccount(ctx, author);
  const edits = await ctx.db
    .selectFrom('status_edits')
    .selectAll()
    .where('status_id', '=', status.id)
    .orderBy('id')
    .execute();
  const media = (await mediaByStatus(ctx, ctx.db, [status.id])).get(status.id) ?? [];
  const byId = new Map<string, MediaAttachment>(media.map((m) => [m.id, m]));
  if (edits.length === 0) {
    return [
      {
        content: status.content,
        spoiler_text: status.spoiler_text,
        sensitive: status.sensitive === 1,
        created_at: toIso(status.created_at),
        account,
        poll: null,
        media_attachments: media,
        emojis: [],
      },
    ];
  }
  return edits.map((edit) => {
    const options = PollOptions.parse(
      edit.poll_options === null ? null : JSON.parse(edit.poll_options),
    );
    return {
      content: edit.content,
      spoiler_text: edit.spoiler_text,
      sensitive: edit.sensitive === 1,
      created_at: toIso(edit.created_at),
      account,
      poll: options ? { options: options.map((title) => ({ title })) } : null,
      media_attachments: RevisionMedia.parse(JSON.parse(edit.media)).flatMap((m) => {
        const current = byId.get(String(m.id));
        return current ? [{ ...current, description: m.description }] : [];
      }),
      emojis: [],
    };
  });
}
