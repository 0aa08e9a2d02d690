import type { Invitation } from '@rapport/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { createInvitation } from '../../api/admin';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { SelectField, TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { CheckIcon, UserPlusIcon } from '../../components/icons';
import { useFieldErrors } from '../../components/use-field-errors';
import { useT } from '../../i18n/I18nProvider';

const USES = ['1', '5', '10', '25', '100', 'unlimited'] as const;
const EXPIRY_DAYS = ['1', '7', '30', '90', 'never'] as const;
const FIELDS = ['role', 'email', 'note', 'max_uses', 'expires_in_days'];

const toNumberOrNull = (value: string) => (/^\d+$/.test(value) ? Number(value) : null);

export function InvitationForm() {
  const t = useT();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [role, setRole] = useState<'member' | 'guest'>('member');
  const [email, setEmail] = useState('');
  const [note, setNote] = useState('');
  const [maxUses, setMaxUses] = useState<string>('1');
  const [expiry, setExpiry] = useState<string>('7');
  const [created, setCreated] = useState<Invitation | null>(null);
  const create = useMutation({
    mutationFn: createInvitation,
    onMutate: () => setCreated(null),
    onSuccess: (invitation) => {
      setCreated(invitation);
      setEmail('');
      setNote('');
      return queryClient.invalidateQueries({ queryKey: queryKeys.invitationsAll });
    },
  });
  const errorFor = useFieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({
      role,
      email: email.trim() || undefined,
      note: note.trim() || undefined,
      max_uses: toNumberOrNull(maxUses),
      expires_in_days: toNumberOrNull(expiry),
    });
  };

  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('admin.invitations.createTitle')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorMessage error={create.error} shownFields={FIELDS} />
        <div className="field-grid">
          <SelectField
            label={t('admin.invitations.role')}
            value={role}
            onValueChange={(value) => setRole(value as 'member' | 'guest')}
            options={[
              { value: 'member', label: t('admin.invitations.roleMember') },
              { value: 'guest', label: t('admin.invitations.roleGuest') },
            ]}
            error={errorFor('role', t('admin.invitations.role'))}
          />
          <TextField
            label={t('admin.invitations.email')}
            hint={t('admin.invitations.emailHint')}
            optional
            type="email"
            value={email}
            onValueChange={setEmail}
            autoComplete="off"
            error={errorFor('email', t('admin.invitations.email'))}
          />
          <SelectField
            label={t('admin.invitations.maxUses')}
            value={maxUses}
            onValueChange={setMaxUses}
            options={USES.map((value) => ({
              value,
              label:
                value === 'unlimited'
                  ? t('common.unlimited')
                  : value === '1'
                    ? t('admin.invitations.uses.1')
                    : t('admin.invitations.uses.n', { count: Number(value) }),
            }))}
            error={errorFor('max_uses', t('admin.invitations.maxUses'))}
          />
          <SelectField
            label={t('admin.invitations.expiry')}
            value={expiry}
            onValueChange={setExpiry}
            options={EXPIRY_DAYS.map((value) => ({
              value,
              label:
                value === 'never'
                  ? t('common.never')
                  : t('admin.invitations.expiry.days', { count: Number(value) }),
            }))}
            error={errorFor('expires_in_days', t('admin.invitations.expiry'))}
          />
        </div>
        <TextField
          label={t('admin.invitations.note')}
          hint={t('admin.invitations.noteHint')}
          optional
          value={note}
          onValueChange={setNote}
          maxLength={200}
          error={errorFor('note', t('admin.invitations.note'))}
        />
        <div className="form-actions">
          <Button
            type="submit"
            variant="primary"
            pending={create.isPending}
            icon={<UserPlusIcon size={18} />}
          >
            {create.isPending ? t('admin.invitations.creating') : t('admin.invitations.create')}
          </Button>
        </div>
      </form>
      {created && (
        <div className="created-invitation" role="status">
          <p className="created-invitation-title">
            <CheckIcon /> {t('admin.invitations.createdTitle')}
          </p>
          <p className="muted">
            {created.email
              ? t('email.invitation.sent', { email: created.email })
              : t('admin.invitations.createdBody')}
          </p>
          <CopyField
            label={t('admin.invitations.link')}
            value={created.url}
            copyLabel={t('admin.invitations.copyLink')}
            large
          />
        </div>
      )}
    </section>
  );
}
