import type { CredentialAccount } from '@rapport/schema';
import { ACCOUNT_LIMITS } from '@rapport/schema/limits';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { Link } from 'react-router';
import { getOwnAccount, updateOwnAccount } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { TextAreaField, TextField } from '../../components/Field';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { useFieldErrors } from '../../components/use-field-errors';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { updateSessionAccount } from '../auth/session';
import { AvatarPicker } from './AvatarPicker';
import { CustomFieldsEditor } from './CustomFieldsEditor';
import {
  buildProfileForm,
  draftFromAccount,
  isDraftChanged,
  type ProfileDraft,
} from './profile-form';
import { SkillsInput } from './SkillsInput';

const SHOWN_FIELDS = [
  'display_name',
  'title',
  'department',
  'location',
  'note',
  'skills',
  'avatar',
  'avatar_description',
  'fields_attributes',
];

export function ProfileSettingsPage() {
  const t = useT();
  usePageTitle(t('settings.profile.title'));
  const own = useQuery({ queryKey: queryKeys.ownAccount, queryFn: getOwnAccount });
  if (own.isPending) return <LoadingBlock />;
  if (own.isError) return <ErrorState error={own.error} onRetry={() => own.refetch()} />;
  return <ProfileForm account={own.data} />;
}

function ProfileForm({ account }: { account: CredentialAccount }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [initial, setInitial] = useState(() => draftFromAccount(account));
  const [draft, setDraft] = useState<ProfileDraft>(initial);
  const [saved, setSaved] = useState(false);
  const changed = isDraftChanged(draft, initial);
  const save = useMutation({
    mutationFn: () => updateOwnAccount(buildProfileForm(draft, initial)),
    onSuccess: (updated) => {
      updateSessionAccount(queryClient, updated);
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.peopleAll });
      queryClient.setQueryData(queryKeys.ownAccount, updated);
      // What was saved is the new starting point.
      const next = draftFromAccount(updated);
      setInitial(next);
      setDraft(next);
      setSaved(true);
    },
  });
  const errorFor = useFieldErrors(save.error);

  // Unsaved edits survive a slip of the finger on reload or close.
  useEffect(() => {
    if (!changed) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [changed]);

  const set =
    <K extends keyof ProfileDraft>(key: K) =>
    (value: ProfileDraft[K]) => {
      setSaved(false);
      setDraft((current) => ({ ...current, [key]: value }));
    };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };

  const noteLeft = ACCOUNT_LIMITS.note - draft.note.length;
  return (
    <form className="form settings-form" onSubmit={submit} noValidate>
      <div className="settings-heading">
        <div>
          <h2 className="section-title">{t('settings.profile.title')}</h2>
          <p className="muted">{t('settings.profile.intro')}</p>
        </div>
        <Link to={`/@${account.username}`}>{t('settings.profile.viewProfile')}</Link>
      </div>
      <ErrorMessage error={save.error} shownFields={SHOWN_FIELDS} />

      <AvatarPicker
        account={account}
        change={draft.avatar}
        onChange={set('avatar')}
        description={draft.avatar_description}
        onDescriptionChange={set('avatar_description')}
        errorFor={errorFor}
      />

      <fieldset className="fieldset">
        <legend className="fieldset-legend">{t('settings.profile.basics')}</legend>
        <TextField
          label={t('settings.profile.displayName')}
          value={draft.display_name}
          onValueChange={set('display_name')}
          autoComplete="name"
          maxLength={ACCOUNT_LIMITS.displayName}
          error={errorFor('display_name', t('settings.profile.displayName'))}
        />
        <div className="field-grid">
          <TextField
            label={t('settings.profile.title.label')}
            value={draft.title}
            onValueChange={set('title')}
            autoComplete="organization-title"
            maxLength={ACCOUNT_LIMITS.title}
            error={errorFor('title', t('settings.profile.title.label'))}
          />
          <TextField
            label={t('settings.profile.department')}
            value={draft.department}
            onValueChange={set('department')}
            maxLength={ACCOUNT_LIMITS.department}
            error={errorFor('department', t('settings.profile.department'))}
          />
        </div>
        <TextField
          label={t('settings.profile.location')}
          value={draft.location}
          onValueChange={set('location')}
          maxLength={ACCOUNT_LIMITS.location}
          error={errorFor('location', t('settings.profile.location'))}
        />
        <TextAreaField
          label={t('settings.profile.bio')}
          hint={t('settings.profile.bioHint', { count: noteLeft })}
          value={draft.note}
          onValueChange={set('note')}
          rows={5}
          maxLength={ACCOUNT_LIMITS.note}
          error={errorFor('note', t('settings.profile.bio'))}
        />
        <SkillsInput
          skills={draft.skills}
          onChange={set('skills')}
          error={errorFor('skills', t('settings.profile.skills'))}
        />
      </fieldset>

      <CustomFieldsEditor fields={draft.fields} onChange={set('fields')} errorFor={errorFor} />

      <div className="form-actions sticky-actions">
        <Button type="submit" variant="primary" pending={save.isPending}>
          {save.isPending ? t('common.saving') : t('settings.profile.save')}
        </Button>
        {changed && !save.isPending && (
          <span className="muted small">{t('settings.profile.unsaved')}</span>
        )}
        <SuccessMessage>{saved && !changed && t('settings.profile.saved')}</SuccessMessage>
      </div>
    </form>
  );
}
