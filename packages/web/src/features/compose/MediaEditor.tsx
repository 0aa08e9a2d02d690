import { STATUS_LIMITS } from '@rapport/schema/limits';
import { useId } from 'react';
import { Button } from '../../components/Button';
import { errorText } from '../../components/error-text';
import { CloseIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import type { Attachment } from './use-media-uploads';

/** The attached images: a preview, the upload's progress or error, and a description each. */
export function MediaEditor({
  items,
  onDescribe,
  onRemove,
  onRetry,
}: {
  items: readonly Attachment[];
  onDescribe: (key: string, description: string) => void;
  onRemove: (key: string) => void;
  onRetry: (key: string) => void;
}) {
  const t = useT();
  const id = useId();
  if (items.length === 0) return null;
  return (
    <ul className="media-editor">
      {items.map((item, index) => {
        const number = index + 1;
        const percent = Math.round(item.progress * 100);
        return (
          <li key={item.key} className={`media-editor-item media-editor-${item.state}`}>
            <div className="media-editor-preview">
              {item.preview ? (
                <img src={item.preview} alt="" />
              ) : (
                <span className="media-editor-placeholder" aria-hidden="true" />
              )}
              <button
                type="button"
                className="media-editor-remove"
                aria-label={t('compose.mediaRemove', { number })}
                onClick={() => onRemove(item.key)}
              >
                <CloseIcon size={16} />
              </button>
            </div>
            <div className="media-editor-fields">
              {item.state === 'uploading' && (
                <div className="media-editor-progress">
                  <span aria-hidden="true">{t('compose.mediaUploading', { percent })}</span>
                  <progress
                    className="progress"
                    max={100}
                    value={percent}
                    aria-label={t('compose.mediaProgress', { number })}
                  />
                </div>
              )}
              {/* Only the outcome is announced: a percentage every few milliseconds is noise. */}
              <p className="visually-hidden" role="status">
                {item.state === 'uploaded' && item.file
                  ? t('compose.mediaUploaded', { number })
                  : ''}
              </p>
              {item.state === 'failed' && (
                <div className="media-editor-error" role="alert">
                  <p>
                    {t('compose.mediaFailed', { number })} {errorText(t, item.error)}
                  </p>
                  {item.file && (
                    <Button size="sm" onClick={() => onRetry(item.key)}>
                      {t('compose.mediaRetry')}
                    </Button>
                  )}
                </div>
              )}
              <label htmlFor={`${id}-${item.key}-alt`} className="field-label small">
                {t('compose.mediaAlt', { number })}
              </label>
              <textarea
                id={`${id}-${item.key}-alt`}
                className="input media-editor-alt"
                rows={2}
                value={item.description}
                maxLength={STATUS_LIMITS.mediaDescription}
                placeholder={t('compose.mediaAltHint')}
                onChange={(event) => onDescribe(item.key, event.target.value)}
              />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
