import { type DragEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { useI18n } from '../../i18n/I18nProvider';
import { type FileProblem, fileProblem, formatSize } from './file-format';
import type { Progress } from './files-api';

export interface UploadLimits {
  accepted: readonly string[];
  maxBytes: number;
  leftBytes: number;
}

/**
 * Choose a file (button or drag-and-drop), optionally describe it, upload with progress.
 * What the server would refuse for its name, size or the room left is said before sending;
 * what only the bytes tell (a forged type) comes back from the server and is shown here.
 */
export function UploadControl({
  title,
  submitLabel,
  hint,
  limits,
  withDescription,
  onUpload,
  onDone,
}: {
  title: string;
  submitLabel: string;
  hint?: string;
  limits: UploadLimits;
  withDescription: boolean;
  onUpload: (
    file: File,
    description: string,
    progress: Progress,
    signal: AbortSignal,
  ) => Promise<unknown>;
  onDone: (file: File) => void;
}) {
  const { t, locale } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const controller = useRef<AbortController | null>(null);
  const [chosen, setChosen] = useState<File | null>(null);
  const [description, setDescription] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [dragging, setDragging] = useState(false);

  useEffect(() => () => controller.current?.abort(), []);

  const types = limits.accepted.map((extension) => `.${extension}`).join(', ');
  const problem = chosen ? fileProblem(chosen, limits) : null;

  const choose = (file: File | undefined) => {
    if (!file) return;
    setChosen(file);
    setError(null);
  };

  const drop = (event: DragEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDragging(false);
    if (progress === null) choose(event.dataTransfer.files[0]);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen || problem || progress !== null) return;
    const running = new AbortController();
    controller.current = running;
    setProgress(0);
    setError(null);
    try {
      await onUpload(chosen, description, setProgress, running.signal);
      const done = chosen;
      setChosen(null);
      setDescription('');
      if (input.current) input.current.value = '';
      onDone(done);
    } catch (failure) {
      if (!running.signal.aborted) setError(failure);
    } finally {
      controller.current = null;
      setProgress(null);
    }
  };

  const percent = Math.round((progress ?? 0) * 100);
  return (
    <form
      className={dragging ? 'card file-upload file-upload-dragging' : 'card file-upload'}
      aria-labelledby={`${id}-title`}
      onSubmit={submit}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <h2 id={`${id}-title`} className="card-title">
        {title}
      </h2>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="file-drop">
        <span className="file-drop-text">{t('files.upload.drop')}</span>
        <Button
          onClick={() => input.current?.click()}
          disabled={progress !== null}
          aria-describedby={chosen ? `${id}-chosen` : undefined}
        >
          {chosen ? t('files.upload.chooseOther') : t('files.upload.choose')}
        </Button>
        <input
          ref={input}
          id={`${id}-input`}
          type="file"
          hidden
          accept={types}
          onChange={(event) => choose(event.target.files?.[0])}
        />
      </div>
      {chosen && (
        <p id={`${id}-chosen`} className="file-chosen">
          {t('files.upload.chosen', { name: chosen.name, size: formatSize(chosen.size, locale) })}
        </p>
      )}
      {problem && (
        <div className="message message-error" role="alert">
          <p>{problemText(problem)}</p>
        </div>
      )}
      {withDescription && (
        <TextAreaField
          label={t('files.upload.description')}
          optional
          rows={2}
          maxLength={1000}
          value={description}
          onValueChange={setDescription}
          disabled={progress !== null}
        />
      )}
      <ErrorMessage error={error} title={t('files.upload.failed')} />
      {progress !== null && chosen && (
        <div className="file-progress">
          <progress
            className="progress"
            max={100}
            value={percent}
            aria-label={t('files.upload.progressLabel')}
          />
          <p className="field-hint" aria-live="polite">
            {t('files.upload.progress', { name: chosen.name, percent })}
          </p>
        </div>
      )}
      <div className="form-actions">
        <Button
          type="submit"
          variant="primary"
          disabled={!chosen || problem !== null}
          pending={progress !== null}
        >
          {submitLabel}
        </Button>
        {progress !== null && (
          <Button onClick={() => controller.current?.abort()}>{t('files.upload.cancel')}</Button>
        )}
      </div>
      <p className="field-hint">
        {t('files.limits', { max: formatSize(limits.maxBytes, locale), types })}
      </p>
    </form>
  );

  function problemText(found: FileProblem): string {
    switch (found.kind) {
      case 'type':
        return found.extension
          ? t('files.problem.type', { extension: found.extension, types })
          : t('files.problem.noExtension', { types });
      case 'empty':
        return t('files.problem.empty');
      case 'size':
        return t('files.problem.size', {
          size: formatSize(found.size, locale),
          max: formatSize(found.max, locale),
        });
      case 'quota':
        return t('files.problem.quota', {
          size: formatSize(found.size, locale),
          left: formatSize(found.left, locale),
        });
    }
  }
}
