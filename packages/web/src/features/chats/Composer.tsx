import { MAX_CHAT_MESSAGE_LENGTH } from '@rapport/schema';
import { STATUS_LIMITS } from '@rapport/schema/limits';
import { useQueryClient } from '@tanstack/react-query';
import {
  type ChangeEvent,
  type FormEvent,
  type KeyboardEvent,
  useId,
  useRef,
  useState,
} from 'react';
import { errorText } from '../../components/error-text';
import { CloseIcon, ImageIcon } from '../../components/icons';
import { Spinner } from '../../components/Spinner';
import { useMediaQuery } from '../../components/use-media-query';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { MAX_ATTACHMENTS } from '../compose/compose-draft';
import { type FileProblem, useMediaUploads } from '../compose/use-media-uploads';
import { SendIcon } from './chat-icons';
import { chatKeys } from './chats-api';

/**
 * What is typed in a conversation stays there while the person looks at another one, as
 * in every chat app (for the session: it lives in the query cache, never in storage).
 */
function useDraft(chatId: string): [string, (text: string) => void] {
  const queryClient = useQueryClient();
  const key = chatKeys.draft(chatId);
  const [text, setText] = useState(() => {
    queryClient.setQueryDefaults(chatKeys.drafts, { gcTime: Number.POSITIVE_INFINITY });
    return queryClient.getQueryData<string>(key) ?? '';
  });
  const change = (next: string) => {
    setText(next);
    queryClient.setQueryData(key, next);
  };
  return [text, change];
}

function fileProblemText(t: Translate, problem: FileProblem): string {
  if (problem.kind === 'type') return t('chats.composer.fileType', { name: problem.name });
  if (problem.kind === 'size') {
    return t('chats.composer.fileSize', {
      name: problem.name,
      max: Math.round(STATUS_LIMITS.imageBytes / (1024 * 1024)),
    });
  }
  return t('chats.composer.fileCount', { count: MAX_ATTACHMENTS });
}

/**
 * Writing a message: Enter sends, Shift+Enter starts a new line, images upload as soon as
 * they are chosen (through the compose box's uploads). The text is handed over and cleared
 * at once; sending and retrying happen in the message list.
 */
export function Composer({
  chatId,
  name,
  onSend,
  inputRef,
}: {
  chatId: string;
  /** Who the message goes to, for the field's label. */
  name: string;
  onSend: (text: string, mediaIds: string[]) => void;
  inputRef: React.RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useT();
  const id = useId();
  const [text, setText] = useDraft(chatId);
  const [problems, setProblems] = useState<FileProblem[]>([]);
  const touch = useMediaQuery('(pointer: coarse)');
  const media = useMediaUploads(() => []);
  const fileInput = useRef<HTMLInputElement>(null);
  const uploading = media.items.some((item) => item.state === 'uploading');
  const uploaded = media.items.filter((item) => item.state === 'uploaded' && item.mediaId);
  const over = text.length - MAX_CHAT_MESSAGE_LENGTH;
  const empty = text.trim() === '' && uploaded.length === 0;
  const canSend = !empty && !uploading && over <= 0;

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!canSend) return;
    onSend(
      text.trim(),
      uploaded.map((item) => item.mediaId as string),
    );
    setText('');
    setProblems([]);
    media.clear();
    inputRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // While an input method composes a word, Enter confirms the word, not the message; on a
    // touch screen's keyboard (no Shift+Enter) Enter is a new line and the button sends.
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing || touch) return;
    event.preventDefault();
    submit();
  };

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    setProblems(media.add([...(event.target.files ?? [])]));
    event.target.value = '';
  };

  const attachLabel = t('chats.composer.attach', { count: MAX_ATTACHMENTS });
  const full = media.items.length >= MAX_ATTACHMENTS;
  return (
    <form className="composer" onSubmit={submit} noValidate>
      {media.items.length > 0 && (
        <ul className="composer-media">
          {media.items.map((item, index) => {
            const number = index + 1;
            return (
              <li key={item.key} className={`composer-media-item composer-media-${item.state}`}>
                {item.preview && <img src={item.preview} alt="" />}
                {item.state === 'uploading' && (
                  <span className="composer-media-status">
                    <Spinner size="sm" label={t('chats.composer.uploading', { number })} />
                  </span>
                )}
                <button
                  type="button"
                  className="composer-media-remove"
                  aria-label={t('chats.composer.remove', { number })}
                  onClick={() => media.remove(item.key)}
                >
                  <CloseIcon size={14} />
                </button>
                {item.state === 'failed' && (
                  <p className="visually-hidden" role="alert">
                    {t('chats.composer.uploadFailed', { number })} {errorText(t, item.error)}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {problems.length > 0 && (
        <div className="message message-error composer-problems" role="alert">
          {problems.map((item) => (
            <p key={item.kind === 'count' ? 'count' : `${item.kind}:${item.name}`}>
              {fileProblemText(t, item)}
            </p>
          ))}
        </div>
      )}
      <div className="composer-row">
        <input
          ref={fileInput}
          id={`${id}-files`}
          type="file"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          aria-label={attachLabel}
          accept={STATUS_LIMITS.imageTypes.join(',')}
          multiple
          disabled={full}
          onChange={choose}
        />
        <button
          type="button"
          className="button button-ghost icon-button composer-attach"
          aria-label={attachLabel}
          title={attachLabel}
          disabled={full}
          onClick={() => fileInput.current?.click()}
        >
          <ImageIcon />
        </button>
        <label htmlFor={`${id}-text`} className="visually-hidden">
          {t('chats.composer.label', { name })}
        </label>
        <textarea
          ref={inputRef}
          id={`${id}-text`}
          className="input composer-input"
          rows={1}
          placeholder={t('chats.composer.placeholder')}
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={
            [touch ? '' : `${id}-hint`, over > 0 ? `${id}-over` : ''].filter(Boolean).join(' ') ||
            undefined
          }
          aria-invalid={over > 0 ? true : undefined}
        />
        <button
          type="submit"
          className="button button-primary icon-button composer-send"
          aria-label={t('chats.composer.send')}
          title={t('chats.composer.send')}
          disabled={!canSend}
        >
          <SendIcon />
        </button>
      </div>
      {!touch && (
        <p id={`${id}-hint`} className="composer-hint">
          {t('chats.composer.hint')}
        </p>
      )}
      {over > 0 && (
        <p id={`${id}-over`} className="field-error" role="alert">
          {t('chats.composer.tooLong', { count: over })}
        </p>
      )}
    </form>
  );
}
