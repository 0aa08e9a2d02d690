import type { Status, Visibility } from '@rapport/schema';
import { POLL_LIMITS, STATUS_LIMITS } from '@rapport/schema/limits';
import type { PollDraft } from '../../api/statuses';
import { charactersLeft } from './character-count';

/** From most to least visible; a reply is never more visible than what it answers. */
const VISIBILITY_ORDER: readonly Visibility[] = ['public', 'unlisted', 'private', 'direct'];

export function narrowerVisibility(a: Visibility, b: Visibility): Visibility {
  return VISIBILITY_ORDER.indexOf(a) >= VISIBILITY_ORDER.indexOf(b) ? a : b;
}

/** A reply starts by mentioning the author and everyone they mentioned, except oneself. */
export function replyMentions(status: Status, ownUsername: string): string {
  const names = [
    status.account.acct || status.account.username,
    ...status.mentions.map((m) => m.acct),
  ];
  const unique = [...new Set(names)].filter(
    (name) => name.toLowerCase() !== ownUsername.toLowerCase(),
  );
  return unique.length > 0 ? `${unique.map((name) => `@${name}`).join(' ')} ` : '';
}

/** Poll lengths offered, in seconds (within the server's minimum and maximum). */
export const POLL_DURATIONS = [
  5 * 60,
  30 * 60,
  60 * 60,
  6 * 60 * 60,
  12 * 60 * 60,
  24 * 60 * 60,
  3 * 24 * 60 * 60,
  7 * 24 * 60 * 60,
].filter((seconds) => seconds >= POLL_LIMITS.minExpiration && seconds <= POLL_LIMITS.maxExpiration);

export const DEFAULT_POLL_DURATION = 24 * 60 * 60;

export interface DraftAttachment {
  /** Local identity, stable across the upload. */
  key: string;
  state: 'uploading' | 'uploaded' | 'failed';
  progress: number;
  mediaId: string | null;
  /** The description typed in the box. */
  description: string;
  /** The description the server has; a difference is sent before posting. */
  savedDescription: string;
}

export interface Draft {
  text: string;
  spoilerOn: boolean;
  spoiler: string;
  visibility: Visibility;
  sensitive: boolean;
  attachments: readonly DraftAttachment[];
  poll: PollDraft | null;
}

export type DraftProblem =
  | 'empty'
  | 'tooLong'
  | 'uploading'
  | 'uploadFailed'
  | 'pollOptions'
  | 'pollDuplicate'
  | 'pollOptionTooLong'
  | 'mediaAndPoll';

/** Why the draft cannot be sent yet, in the order a person would fix things; null when it can. */
export function draftProblem(draft: Draft): DraftProblem | null {
  const spoiler = draft.spoilerOn ? draft.spoiler : '';
  const hasMedia = draft.attachments.length > 0;
  if (!draft.text.trim() && !hasMedia && !draft.poll) return 'empty';
  if (charactersLeft(draft.text, spoiler) < 0) return 'tooLong';
  if (hasMedia && draft.poll) return 'mediaAndPoll';
  if (draft.attachments.some((item) => item.state === 'uploading')) return 'uploading';
  if (draft.attachments.some((item) => item.state === 'failed')) return 'uploadFailed';
  if (draft.poll) {
    const options = draft.poll.options.map((option) => option.trim());
    if (options.filter(Boolean).length < POLL_LIMITS.minOptions || options.some((o) => !o)) {
      return 'pollOptions';
    }
    if (options.some((option) => [...option].length > POLL_LIMITS.optionCharacters)) {
      return 'pollOptionTooLong';
    }
    const folded = options.map((option) => option.toLocaleLowerCase());
    if (new Set(folded).size !== folded.length) return 'pollDuplicate';
  }
  return null;
}

/**
 * What identifies a submission: the same draft sent twice (a double click, a retry after a
 * lost answer) reuses its Idempotency-Key, so it posts once; any change makes it a new one.
 */
export function draftSignature(draft: Draft, inReplyToId: string | null): string {
  return JSON.stringify({
    text: draft.text,
    spoiler: draft.spoilerOn ? draft.spoiler : '',
    visibility: draft.visibility,
    sensitive: draft.sensitive,
    media: draft.attachments.map((item) => [item.mediaId, item.description]),
    poll: draft.poll,
    inReplyToId,
  });
}

export function pollPayload(poll: PollDraft): PollDraft {
  return { ...poll, options: poll.options.map((option) => option.trim()) };
}

export const MAX_ATTACHMENTS = STATUS_LIMITS.mediaAttachments;
