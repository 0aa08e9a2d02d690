import type { Community, CommunityPrivacy } from '@rapport/schema';
import { COMMUNITY_LIMITS, STATUS_LIMITS } from '@rapport/schema/limits';
import { useMutation } from '@tanstack/react-query';
import { type ChangeEvent, type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { CommunityFields } from '../../api/communities';
import { uploadMedia } from '../../api/statuses';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { CameraIcon } from '../../components/icons';
import { useFieldErrors } from '../../components/use-field-errors';
import { useT } from '../../i18n/I18nProvider';

type CoverChange =
  | { kind: 'keep' }
  | { kind: 'new'; file: File; preview: string }
  | { kind: 'remove' };

const PRIVACIES: CommunityPrivacy[] = ['public', 'private', 'secret'];

/**
 * The name, description, privacy (each explained) and cover of a community, for creating
 * one and for its settings. A new cover is uploaded first (POST /api/v2/media, with its
 * description), then `save` sends the fields.
 */
export function CommunityForm({
  community,
  submitLabel,
  pendingLabel,
  save,
  onSaved,
  onCancel,
}: {
  community?: Community;
  submitLabel: string;
  pendingLabel: string;
  save: (
    fields: CommunityFields & { name: string; privacy: CommunityPrivacy },
  ) => Promise<Community>;
  onSaved: (community: Community) => void;
  onCancel?: () => void;
}) {
  const t = useT();
  const id = useId();
  const [name, setName] = useState(community?.name ?? '');
  const [description, setDescription] = useState(community?.description ?? '');
  const [privacy, setPrivacy] = useState<CommunityPrivacy>(community?.privacy ?? 'public');
  const [cover, setCover] = useState<CoverChange>({ kind: 'keep' });
  const [alt, setAlt] = useState(community?.cover?.description ?? '');
  const [problem, setProblem] = useState<string>();
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (cover.kind !== 'new') return;
    return () => URL.revokeObjectURL(cover.preview);
  }, [cover]);

  const submit = useMutation({
    mutationFn: async () => {
      const fields: CommunityFields & { name: string; privacy: CommunityPrivacy } = {
        name: name.trim(),
        description: description.trim(),
        privacy,
      };
      if (cover.kind === 'new') {
        const media = await uploadMedia(cover.file, alt, () => {});
        fields.cover_media_id = media.id;
        fields.cover_description = alt.trim();
      } else if (cover.kind === 'remove') {
        fields.cover_media_id = null;
      } else if (community?.cover && alt.trim() !== community.cover.description) {
        fields.cover_description = alt.trim();
      }
      return save(fields);
    },
    onSuccess: onSaved,
  });
  const clientErrors: Record<string, string> =
    tried && name.trim() === '' ? { name: t('communities.form.nameRequired') } : {};
  const errorFor = useFieldErrors(submit.error, clientErrors);

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (!(STATUS_LIMITS.imageTypes as readonly string[]).includes(file.type)) {
      setProblem(t('communities.form.coverType'));
      return;
    }
    setProblem(undefined);
    setCover({ kind: 'new', file, preview: URL.createObjectURL(file) });
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (name.trim() === '') {
      focusFirstInvalid(form.current);
      return;
    }
    submit.mutate();
  };

  const hasCurrent = community?.cover != null;
  const shownCover =
    cover.kind === 'new'
      ? cover.preview
      : cover.kind === 'keep'
        ? community?.cover?.url
        : undefined;

  return (
    <form ref={form} className="form community-form" onSubmit={onSubmit} noValidate>
      <TextField
        label={t('communities.form.name')}
        value={name}
        onValueChange={setName}
        maxLength={COMMUNITY_LIMITS.name}
        required
        autoComplete="off"
        error={errorFor('name', t('communities.form.name'))}
      />
      <TextAreaField
        label={t('communities.form.description')}
        hint={t('communities.form.descriptionHint')}
        optional
        rows={3}
        value={description}
        onValueChange={setDescription}
        maxLength={COMMUNITY_LIMITS.description}
        error={errorFor('description', t('communities.form.description'))}
      />
      <fieldset className="fieldset privacy-choice">
        <legend className="fieldset-legend">{t('communities.form.privacy')}</legend>
        {PRIVACIES.map((each) => (
          <label key={each} className="radio-card">
            <input
              type="radio"
              name={`${id}-privacy`}
              value={each}
              checked={privacy === each}
              onChange={() => setPrivacy(each)}
              aria-describedby={`${id}-privacy-${each}`}
            />
            <span className="radio-card-text">
              <span className="radio-card-title">
                {t(`communities.privacy.${each}` as 'communities.privacy.public')}
              </span>
              <span id={`${id}-privacy-${each}`} className="field-hint">
                {t(`communities.privacy.${each}Hint` as 'communities.privacy.publicHint')}
              </span>
            </span>
          </label>
        ))}
        {errorFor('privacy', t('communities.form.privacy')) && (
          <p className="field-error">{errorFor('privacy', t('communities.form.privacy'))}</p>
        )}
      </fieldset>
      <fieldset className="fieldset cover-picker">
        <legend className="fieldset-legend">{t('communities.form.cover')}</legend>
        {shownCover && (
          <div className="community-cover cover-preview">
            <img
              src={shownCover}
              alt={cover.kind === 'new' ? t('communities.form.coverPreview') : alt}
            />
          </div>
        )}
        <div className="button-row">
          <input
            id={`${id}-cover`}
            type="file"
            className="file-input visually-hidden"
            accept={STATUS_LIMITS.imageTypes.join(',')}
            onChange={choose}
            aria-describedby={`${id}-cover-hint`}
          />
          <label htmlFor={`${id}-cover`} className="button button-secondary">
            <CameraIcon size={18} />
            {shownCover ? t('communities.form.coverChange') : t('communities.form.coverChoose')}
          </label>
          {cover.kind === 'keep' && hasCurrent && (
            <Button variant="ghost" onClick={() => setCover({ kind: 'remove' })}>
              {t('communities.form.coverRemove')}
            </Button>
          )}
          {cover.kind !== 'keep' && (
            <Button variant="ghost" onClick={() => setCover({ kind: 'keep' })}>
              {hasCurrent ? t('communities.form.coverUndo') : t('communities.form.coverRemove')}
            </Button>
          )}
        </div>
        <p id={`${id}-cover-hint`} className="field-hint">
          {t('communities.form.coverHint')}
        </p>
        {cover.kind === 'remove' && (
          <p className="field-hint">{t('communities.form.coverRemoved')}</p>
        )}
        {(problem ?? errorFor('cover_media_id', t('communities.form.cover'))) && (
          <p className="field-error" role="alert">
            {problem ?? errorFor('cover_media_id', t('communities.form.cover'))}
          </p>
        )}
        {(cover.kind === 'new' || (cover.kind === 'keep' && hasCurrent)) && (
          <TextField
            label={t('communities.form.coverAlt')}
            hint={t('communities.form.coverAltHint')}
            optional
            value={alt}
            onValueChange={setAlt}
            maxLength={COMMUNITY_LIMITS.coverDescription}
            error={errorFor('cover_description', t('communities.form.coverAlt'))}
          />
        )}
      </fieldset>
      <ErrorMessage
        error={submit.error}
        shownFields={['name', 'description', 'privacy', 'cover_media_id', 'cover_description']}
      />
      <div className="button-row">
        <Button type="submit" variant="primary" pending={submit.isPending}>
          {submit.isPending ? pendingLabel : submitLabel}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel} disabled={submit.isPending}>
            {t('common.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
