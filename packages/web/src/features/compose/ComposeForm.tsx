import type { Status, Visibility } from '@rapport/schema';
import { STATUS_LIMITS } from '@rapport/schema/limits';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type ChangeEvent,
  type FormEvent,
  type Ref,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { queryKeys } from '../../api/query-keys';
import { createStatus, describeMedia, editStatus, type PollDraft } from '../../api/statuses';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/FormMessage';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { MentionAdvice } from '../network/MentionAdvice';
import { QUESTION_KIND, questionMessages } from '../questions/compose-question';
import { SuggestedAnswerers } from '../questions/SuggestedAnswerers';
import { showEditedStatus, showPostedStatus } from '../statuses/use-status-actions';
import type { ComposeMode } from './ComposeBox';
import { ComposeTextarea, type ComposeTextareaHandle } from './ComposeTextarea';
import { ComposeTools } from './ComposeTools';
import { charactersLeft } from './character-count';
import {
  DEFAULT_POLL_DURATION,
  type Draft,
  type DraftProblem,
  draftProblem,
  draftSignature,
  MAX_ATTACHMENTS,
  pollPayload,
  replyMentions,
} from './compose-draft';
import { newIdempotencyKey } from './idempotency';
import { MediaEditor } from './MediaEditor';
import { PollEditor } from './PollEditor';
import { type Attachment, type FileProblem, useMediaUploads } from './use-media-uploads';

const PROBLEMS: Record<DraftProblem, MessageKey> = {
  empty: 'compose.problem.empty',
  tooLong: 'compose.problem.tooLong',
  uploading: 'compose.problem.uploading',
  uploadFailed: 'compose.problem.uploadFailed',
  pollOptions: 'compose.problem.pollOptions',
  pollDuplicate: 'compose.problem.pollDuplicate',
  pollOptionTooLong: 'compose.problem.pollOptionTooLong',
  mediaAndPoll: 'compose.problem.mediaAndPoll',
};

export interface Initial {
  text: string;
  spoiler: string;
  visibility: Visibility;
  sensitive: boolean;
  attachments: () => Attachment[];
  poll: PollDraft | null;
}

function fileProblemText(t: ReturnType<typeof useT>, problem: FileProblem): string {
  if (problem.kind === 'type') return t('compose.mediaType', { name: problem.name });
  if (problem.kind === 'size') {
    return t('compose.mediaSize', {
      name: problem.name,
      max: Math.round(STATUS_LIMITS.imageBytes / (1024 * 1024)),
    });
  }
  return t('compose.mediaTooMany', { count: MAX_ATTACHMENTS });
}

export function ComposeForm({
  mode,
  initial,
  onDone,
  onCancel,
  autoFocus,
  ref,
  communityId,
}: {
  mode: ComposeMode;
  initial: Initial;
  onDone?: (status: Status) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  ref?: Ref<ComposeTextareaHandle>;
  communityId?: string | undefined;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const id = useId();
  const [text, setText] = useState(initial.text);
  const [spoilerOn, setSpoilerOn] = useState(initial.spoiler !== '');
  const [spoiler, setSpoiler] = useState(initial.spoiler);
  const [visibility, setVisibility] = useState<Visibility>(initial.visibility);
  const [sensitive, setSensitive] = useState(initial.sensitive);
  const [poll, setPoll] = useState<PollDraft | null>(initial.poll);
  const media = useMediaUploads(initial.attachments);
  const [fileProblems, setFileProblems] = useState<FileProblem[]>([]);
  const [shownProblem, setShownProblem] = useState<DraftProblem | null>(null);
  const [done, setDone] = useState('');
  const key = useRef<{ signature: string; value: string } | null>(null);
  const spoilerInput = useRef<HTMLInputElement>(null);
  const replyTo = mode.kind === 'reply' ? mode.to : null;
  const editing = mode.kind === 'edit' ? mode.status : null;
  const fresh = mode.kind === 'new' ? mode : null;
  const [asking, setAsking] = useState(fresh?.asking === true);
  const [asked, setAsked] = useState<Status | null>(null);
  const asks = questionMessages(t, asking);

  const draft: Draft = {
    text,
    spoilerOn,
    spoiler,
    visibility,
    sensitive,
    attachments: media.items,
    poll,
  };
  const left = charactersLeft(text, spoilerOn ? spoiler : '');
  const problem = draftProblem(draft);
  // A problem shown after a submit attempt goes away as soon as it is fixed.
  const visibleProblem = shownProblem && problem ? problem : null;

  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(''), 5000);
    return () => clearTimeout(timer);
  }, [done]);

  const submit = useMutation({
    mutationFn: async (idempotencyKey: string) => {
      const mediaIds = media.items.flatMap((item) => (item.mediaId ? [item.mediaId] : []));
      const spoilerText = spoilerOn ? spoiler.trim() : '';
      if (editing) {
        return editStatus(editing.id, {
          status: text,
          spoiler_text: spoilerText,
          sensitive: mediaIds.length > 0 && sensitive,
          media_ids: mediaIds,
          media_attributes: media.items.flatMap((item) =>
            item.mediaId ? [{ id: item.mediaId, description: item.description }] : [],
          ),
          ...(poll ? { poll: pollPayload(poll) } : {}),
        });
      }
      // Descriptions typed while (or after) an image uploaded are saved before posting.
      await Promise.all(
        media.items
          .filter((item) => item.mediaId && item.description !== item.savedDescription)
          .map((item) => describeMedia(item.mediaId as string, item.description)),
      );
      media.markSaved();
      return createStatus(
        {
          status: text,
          visibility,
          ...(replyTo ? { in_reply_to_id: replyTo.id } : {}),
          ...(communityId && !replyTo ? { community_id: communityId } : {}),
          ...(mediaIds.length > 0 ? { media_ids: mediaIds, sensitive } : {}),
          ...(spoilerText ? { spoiler_text: spoilerText } : {}),
          ...(poll ? { poll: pollPayload(poll) } : {}),
          ...(asking ? QUESTION_KIND : {}),
          ...(fresh?.communityId ? { community_id: fresh.communityId } : {}),
        },
        idempotencyKey,
      );
    },
    onSuccess: (status) => {
      key.current = null;
      if (editing) {
        showEditedStatus(queryClient, status);
      } else {
        showPostedStatus(queryClient, status);
        setText(replyTo ? replyMentions(replyTo, status.account.username) : '');
        setSpoilerOn(false);
        setSpoiler('');
        setSensitive(false);
        setPoll(null);
        media.clear();
        setDone(replyTo ? t('compose.replied') : (asks?.done ?? t('compose.posted')));
        setAsked(asking ? status : null);
        if (asking) void queryClient.invalidateQueries({ queryKey: queryKeys.questionLists });
      }
      setShownProblem(null);
      onDone?.(status);
    },
  });

  const send = () => {
    if (submit.isPending) return;
    if (problem) {
      setShownProblem(problem);
      return;
    }
    setShownProblem(null);
    const signature = `${draftSignature(draft, replyTo?.id ?? null)}${asking ? '?' : ''}`;
    if (key.current?.signature !== signature) {
      key.current = { signature, value: newIdempotencyKey() };
    }
    submit.mutate(key.current.value);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  const chooseFiles = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    event.target.value = '';
    setFileProblems(media.add(files));
  };

  const toggleSpoiler = () => {
    setSpoilerOn(!spoilerOn);
    if (!spoilerOn) requestAnimationFrame(() => spoilerInput.current?.focus());
  };

  const counterId = `${id}-counter`;
  const problemId = `${id}-problem`;
  const hasMedia = media.items.length > 0;
  const label =
    mode.kind === 'edit'
      ? t('compose.editLabel')
      : replyTo
        ? t('compose.replyLabel', {
            name: replyTo.account.display_name || replyTo.account.username,
          })
        : (asks?.label ?? t('compose.label'));

  return (
    <form className="compose" onSubmit={onSubmit} aria-label={label} noValidate>
      {spoilerOn && (
        <div className="compose-spoiler">
          <label htmlFor={`${id}-spoiler`} className="visually-hidden">
            {t('compose.spoilerLabel')}
          </label>
          <input
            ref={spoilerInput}
            id={`${id}-spoiler`}
            className="input"
            value={spoiler}
            placeholder={t('compose.spoilerPlaceholder')}
            onChange={(event) => setSpoiler(event.target.value)}
          />
        </div>
      )}
      <ComposeTextarea
        ref={ref}
        value={text}
        onChange={setText}
        onSubmitShortcut={send}
        label={label}
        placeholder={
          replyTo ? t('compose.replyPlaceholder') : (asks?.placeholder ?? t('compose.placeholder'))
        }
        describedBy={[counterId, visibleProblem ? problemId : ''].filter(Boolean).join(' ')}
        invalid={left < 0 || visibleProblem === 'empty'}
        autoFocus={autoFocus}
      />
      <MediaEditor
        items={media.items}
        onDescribe={media.describe}
        onRemove={media.remove}
        onRetry={media.retry}
      />
      {hasMedia && (
        <label className="checkbox-inline compose-sensitive">
          <input
            type="checkbox"
            checked={sensitive}
            onChange={(event) => setSensitive(event.target.checked)}
          />
          {t('compose.sensitive')}
        </label>
      )}
      {poll && <PollEditor poll={poll} onChange={setPoll} onRemove={() => setPoll(null)} />}
      {!editing && <MentionAdvice text={text} replyTo={replyTo} />}
      {fileProblems.length > 0 && (
        <div className="message message-error" role="alert">
          {fileProblems.map((item) => (
            <p key={item.kind === 'count' ? 'count' : `${item.kind}:${item.name}`}>
              {fileProblemText(t, item)}
            </p>
          ))}
        </div>
      )}
      {visibleProblem && (
        <p id={problemId} className="field-error" role="alert">
          {t(PROBLEMS[visibleProblem] as 'compose.problem.empty')}
        </p>
      )}
      <ErrorMessage error={submit.error} />
      <div className="compose-toolbar">
        <ComposeTools
          mediaCount={media.items.length}
          pollOn={poll !== null}
          spoilerOn={spoilerOn}
          // In a community, its members are the audience: there is nothing to choose.
          visibility={editing || communityId ? null : visibility}
          onChooseFiles={chooseFiles}
          onTogglePoll={() =>
            setPoll(
              poll
                ? null
                : { options: ['', ''], expires_in: DEFAULT_POLL_DURATION, multiple: false },
            )
          }
          onToggleSpoiler={toggleSpoiler}
          onVisibility={setVisibility}
          asking={fresh ? asking : undefined}
          onToggleAsking={() => setAsking(!asking)}
        />
        <div className="compose-submit">
          <span
            className={left < 0 ? 'compose-counter compose-counter-over' : 'compose-counter'}
            aria-hidden="true"
          >
            {left}
          </span>
          <span id={counterId} className="visually-hidden">
            {left < 0
              ? t('compose.charactersOver', { count: -left })
              : t('compose.charactersLeft', { count: left })}
          </span>
          {onCancel && (
            <Button variant="ghost" onClick={onCancel} disabled={submit.isPending}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" variant="primary" pending={submit.isPending}>
            {submit.isPending
              ? editing
                ? t('compose.saving')
                : (asks?.pending ?? t('compose.posting'))
              : editing
                ? t('compose.save')
                : replyTo
                  ? t('compose.reply')
                  : (asks?.submit ?? t('compose.post'))}
          </Button>
        </div>
      </div>
      <div className="live-region" role="status" aria-live="polite">
        {done && <p className="message message-success">{done}</p>}
      </div>
      {/* Said once when the limit is crossed, not at every key press. */}
      <p className="visually-hidden" aria-live="polite">
        {left < 0 ? t('compose.overLimit') : ''}
      </p>
      {asked && <SuggestedAnswerers questionId={asked.id} />}
    </form>
  );
}
