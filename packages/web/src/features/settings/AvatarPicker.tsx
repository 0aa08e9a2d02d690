import type { CredentialAccount } from '@rapport/schema';
import { ACCOUNT_LIMITS } from '@rapport/schema/limits';
import { type ChangeEvent, useEffect, useId, useState } from 'react';
import { Avatar } from '../../components/Avatar';
import { isMissingAvatar } from '../../components/avatar';
import { Button } from '../../components/Button';
import { TextField } from '../../components/Field';
import { CameraIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { type AvatarChange, avatarProblem, megabytes } from './profile-form';

function decodes(url: string): Promise<boolean> {
  const image = new Image();
  image.src = url;
  return image.decode().then(
    () => true,
    () => false,
  );
}

/** Choose, preview or remove the profile photo, and describe it for screen readers. */
export function AvatarPicker({
  account,
  change,
  onChange,
  description,
  onDescriptionChange,
  errorFor,
}: {
  account: CredentialAccount;
  change: AvatarChange;
  onChange: (change: AvatarChange) => void;
  description: string;
  onDescriptionChange: (description: string) => void;
  errorFor: (field: string, label: string) => string | undefined;
}) {
  const t = useT();
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const hasCurrent = !isMissingAvatar(account.avatar);

  // The preview is a blob: URL; free it when it is replaced or the editor closes.
  useEffect(() => {
    if (change.kind !== 'new') return;
    return () => URL.revokeObjectURL(change.preview);
  }, [change]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const issue = avatarProblem(file);
    if (issue === 'type') return setProblem(t('settings.profile.avatarType'));
    if (issue === 'size') {
      return setProblem(
        t('settings.profile.avatarSize', {
          size: megabytes(file.size),
          max: megabytes(ACCOUNT_LIMITS.avatarBytes),
        }),
      );
    }
    const preview = URL.createObjectURL(file);
    // A file can claim to be an image and not be one; the browser decoding it tells.
    if (!(await decodes(preview))) {
      URL.revokeObjectURL(preview);
      return setProblem(t('settings.profile.avatarUnreadable'));
    }
    setProblem(undefined);
    onChange({ kind: 'new', file, preview });
  };

  const shown =
    change.kind === 'new'
      ? { ...account, avatar: change.preview }
      : change.kind === 'remove'
        ? { ...account, avatar: '' }
        : account;
  const error = problem ?? errorFor('avatar', t('settings.profile.avatar'));
  const showDescription = change.kind === 'new' || (change.kind === 'keep' && hasCurrent);

  return (
    <fieldset className="fieldset avatar-picker">
      <legend className="fieldset-legend">{t('settings.profile.avatar')}</legend>
      <div className="avatar-picker-row">
        <Avatar
          person={shown}
          size="xl"
          alt={change.kind === 'new' ? t('settings.profile.avatarPreview') : ''}
        />
        <div className="avatar-picker-actions">
          <div className="button-row">
            <input
              id={`${id}-file`}
              type="file"
              className="file-input visually-hidden"
              accept="image/png,image/jpeg,image/gif,image/webp"
              onChange={choose}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-file`} className="button button-secondary">
              <CameraIcon size={18} />
              {hasCurrent || change.kind === 'new'
                ? t('settings.profile.avatarChange')
                : t('settings.profile.avatarChoose')}
            </label>
            {change.kind === 'keep' && hasCurrent && (
              <Button variant="ghost" onClick={() => onChange({ kind: 'remove' })}>
                {t('settings.profile.avatarRemove')}
              </Button>
            )}
            {change.kind !== 'keep' && (
              <Button variant="ghost" onClick={() => onChange({ kind: 'keep' })}>
                {t('settings.profile.avatarUndo')}
              </Button>
            )}
          </div>
          <p id={`${id}-hint`} className="field-hint">
            {t('settings.profile.avatarHint', { size: megabytes(ACCOUNT_LIMITS.avatarBytes) })}
          </p>
          {change.kind === 'remove' && (
            <p className="field-hint">{t('settings.profile.avatarRemoved')}</p>
          )}
          {error && (
            <p id={`${id}-error`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      </div>
      {showDescription && (
        <TextField
          label={t('settings.profile.avatarAlt')}
          hint={t('settings.profile.avatarAltHint')}
          optional
          value={description}
          onValueChange={onDescriptionChange}
          maxLength={ACCOUNT_LIMITS.avatarDescription}
          error={errorFor('avatar_description', t('settings.profile.avatarAlt'))}
        />
      )}
    </fieldset>
  );
}
