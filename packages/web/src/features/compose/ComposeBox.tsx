import type { Status } from '@rapport/schema';
import { POLL_LIMITS } from '@rapport/schema/limits';
import { useQuery } from '@tanstack/react-query';
import type { Ref } from 'react';
import { queryKeys } from '../../api/query-keys';
import { getStatusSource } from '../../api/statuses';
import { ErrorState } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useCurrentAccount } from '../auth/session';
import { ComposeForm, type Initial } from './ComposeForm';
import type { ComposeTextareaHandle } from './ComposeTextarea';
import { narrowerVisibility, replyMentions } from './compose-draft';
import { existingAttachment } from './use-media-uploads';

export type ComposeMode =
  /** `asking`: starts as a question; `communityId`: posts in that community. */
  | { kind: 'new'; asking?: boolean; communityId?: string }
  | { kind: 'reply'; to: Status }
  | { kind: 'edit'; status: Status };

/**
 * Writing a status: a new one, a reply in a thread, or an edit of one's own. An edit first
 * loads the plain text the status was written in.
 */
export function ComposeBox({
  mode,
  onDone,
  onCancel,
  autoFocus,
  ref,
  communityId,
}: {
  mode: ComposeMode;
  onDone?: (status: Status) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  ref?: Ref<ComposeTextareaHandle>;
  /** Post in this community (its members are the audience; replies stay where they are). */
  communityId?: string;
}) {
  const me = useCurrentAccount();
  const editing = mode.kind === 'edit' ? mode.status : null;
  const source = useQuery({
    queryKey: queryKeys.statusSource(editing?.id ?? ''),
    queryFn: () => getStatusSource(editing?.id ?? ''),
    enabled: editing !== null,
    staleTime: 0,
  });
  if (editing) {
    if (source.isPending) return <LoadingBlock />;
    if (source.isError) return <ErrorState error={source.error} onRetry={() => source.refetch()} />;
    const poll = editing.poll;
    const initial: Initial = {
      text: source.data.text,
      spoiler: source.data.spoiler_text,
      visibility: editing.visibility,
      sensitive: editing.sensitive,
      attachments: () => editing.media_attachments.map(existingAttachment),
      poll: poll
        ? {
            options: poll.options.map((option) => option.title),
            multiple: poll.multiple,
            // What is left of it, so keeping the poll as it is does not extend it.
            expires_in: Math.max(
              POLL_LIMITS.minExpiration,
              Math.round(
                ((poll.expires_at ? new Date(poll.expires_at).getTime() : Date.now()) -
                  Date.now()) /
                  1000,
              ),
            ),
          }
        : null,
    };
    return (
      <ComposeForm
        mode={mode}
        initial={initial}
        onDone={onDone}
        onCancel={onCancel}
        autoFocus={autoFocus}
        ref={ref}
      />
    );
  }
  const replyTo = mode.kind === 'reply' ? mode.to : null;
  const initial: Initial = {
    text: replyTo ? replyMentions(replyTo, me.username) : '',
    spoiler: replyTo?.spoiler_text ?? '',
    visibility: replyTo
      ? narrowerVisibility(me.source.privacy, replyTo.visibility)
      : communityId
        ? 'public'
        : me.source.privacy,
    sensitive: false,
    attachments: () => [],
    poll: null,
  };
  return (
    <ComposeForm
      mode={mode}
      initial={initial}
      onDone={onDone}
      onCancel={onCancel}
      autoFocus={autoFocus}
      ref={ref}
      communityId={communityId}
    />
  );
}
