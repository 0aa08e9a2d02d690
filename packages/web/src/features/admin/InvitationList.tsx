import type { Invitation, InvitationState } from '@rapport/schema';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { listInvitations, revokeInvitation } from '../../api/admin';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { SelectField } from '../../components/Field';
import { ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { LoadingBlock } from '../../components/Spinner';
import { useI18n } from '../../i18n/I18nProvider';

const STATES: InvitationState[] = ['active', 'expired', 'revoked', 'used_up'];

function InvitationItem({
  invitation,
  onRevoke,
}: {
  invitation: Invitation;
  onRevoke: (invitation: Invitation) => void;
}) {
  const { t, formatDate } = useI18n();
  const { state, uses, max_uses, expires_at, revoked_at, created_by, created_at } = invitation;
  const usage =
    max_uses === null
      ? t('admin.invitations.usesCount', { count: uses })
      : t('admin.invitations.usesOf', { count: uses, max: max_uses });
  const expiry = revoked_at
    ? t('admin.invitations.revokedOn', { date: formatDate(revoked_at) })
    : expires_at === null
      ? t('admin.invitations.noExpiry')
      : state === 'expired'
        ? t('admin.invitations.expiredOn', { date: formatDate(expires_at) })
        : t('admin.invitations.expiresOn', { date: formatDate(expires_at) });
  return (
    <li className="card invitation-item">
      <div className="invitation-item-head">
        <span className={`badge badge-state-${state}`}>
          {t(`admin.invitations.state.${state}`)}
        </span>
        <span className="badge">{t(`role.${invitation.role}`)}</span>
        {invitation.note && <span className="strong invitation-note">{invitation.note}</span>}
      </div>
      <ul className="invitation-facts">
        {invitation.email && (
          <li>{t('admin.invitations.forEmail', { email: invitation.email })}</li>
        )}
        <li>{usage}</li>
        <li>{expiry}</li>
        <li>
          {created_by
            ? t('admin.invitations.createdBy', {
                name: created_by.display_name || created_by.username,
                date: formatDate(created_at),
              })
            : t('admin.invitations.createdOn', { date: formatDate(created_at) })}
        </li>
      </ul>
      {state === 'active' && (
        <div className="invitation-item-actions">
          <CopyField
            label={t('admin.invitations.linkFor', { code: invitation.code })}
            value={invitation.url}
            copyLabel={t('admin.invitations.copyLink')}
          />
          <Button
            variant="danger-soft"
            aria-label={t('admin.invitations.revoke', { code: invitation.code })}
            onClick={() => onRevoke(invitation)}
          >
            {t('admin.invitations.revokeShort')}
          </Button>
        </div>
      )}
    </li>
  );
}

export function InvitationList() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const headingId = useId();
  const [state, setState] = useState<InvitationState | ''>('active');
  const [confirming, setConfirming] = useState<Invitation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const invitations = useInfiniteQuery({
    queryKey: queryKeys.invitations(state || undefined),
    queryFn: ({ pageParam }) => listInvitations(state || undefined, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => revokeInvitation(invitation.id),
    onMutate: () => setNotice(null),
    onSuccess: () => {
      setConfirming(null);
      setNotice(t('admin.invitations.revoked'));
      return queryClient.invalidateQueries({ queryKey: queryKeys.invitationsAll });
    },
  });
  const items = invitations.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section aria-labelledby={headingId} className="section">
      <div className="section-heading">
        <h2 id={headingId} className="section-title">
          {t('admin.invitations.title')}
        </h2>
        <SelectField
          className="field-inline"
          label={t('admin.invitations.filter')}
          value={state}
          onValueChange={(value) => setState(value as InvitationState | '')}
          options={[
            { value: '', label: t('admin.invitations.state.all') },
            ...STATES.map((value) => ({ value, label: t(`admin.invitations.state.${value}`) })),
          ]}
        />
      </div>
      <SuccessMessage>{notice}</SuccessMessage>
      {invitations.isPending ? (
        <LoadingBlock />
      ) : invitations.isError ? (
        <ErrorState error={invitations.error} onRetry={() => invitations.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('admin.invitations.empty')} />
      ) : (
        <>
          <ul className="stack">
            {items.map((invitation) => (
              <InvitationItem
                key={invitation.id}
                invitation={invitation}
                onRevoke={(target) => {
                  revoke.reset();
                  setConfirming(target);
                }}
              />
            ))}
          </ul>
          <LoadMore list={invitations} />
        </>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={t('admin.invitations.revokeTitle')}
        confirmLabel={t('admin.invitations.revokeShort')}
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onCancel={() => setConfirming(null)}
        onConfirm={() => confirming && revoke.mutate(confirming)}
      >
        <p>{t('admin.invitations.revokeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
