import type { Account, Relationship } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { changeRelationship, getRelationship, type RelationshipAction } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { DropdownMenu, type MenuEntry } from '../../components/DropdownMenu';
import { ErrorMessage } from '../../components/FormMessage';
import { MoreIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { ReportDialog } from '../moderation/ReportDialog';

/** Follow or unfollow; block and mute (with a confirmation) and report in a menu next to it. */
export function RelationshipActions({ account }: { account: Account }) {
  const t = useT();
  const queryClient = useQueryClient();
  const name = account.display_name || account.username;
  const [confirm, setConfirm] = useState<'block' | 'mute' | null>(null);
  const [reporting, setReporting] = useState(false);
  const relationship = useQuery({
    queryKey: queryKeys.relationship(account.id),
    queryFn: () => getRelationship(account.id),
  });
  const change = useMutation({
    mutationFn: (action: RelationshipAction) => changeRelationship(account.id, action),
    onSuccess: (next: Relationship) => {
      queryClient.setQueryData(queryKeys.relationship(account.id), next);
      setConfirm(null);
      // Counts on profiles and the home timeline depend on who follows whom.
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
      void queryClient.invalidateQueries({ queryKey: queryKeys.timeline({ kind: 'home' }) });
      void queryClient.invalidateQueries({ queryKey: ['follows'] });
    },
  });
  const state = relationship.data;
  if (relationship.isPending) return <Button disabled>{t('profile.follow')}</Button>;
  if (!state) return <ErrorMessage error={relationship.error} />;

  const entries: MenuEntry[] = [
    state.muting
      ? {
          kind: 'action',
          label: t('profile.unmute', { name }),
          onSelect: () => change.mutate('unmute'),
        }
      : { kind: 'action', label: t('profile.mute', { name }), onSelect: () => setConfirm('mute') },
    state.blocking
      ? {
          kind: 'action',
          label: t('profile.unblock', { name }),
          onSelect: () => change.mutate('unblock'),
        }
      : {
          kind: 'action',
          label: t('profile.block', { name }),
          danger: true,
          onSelect: () => setConfirm('block'),
        },
    { kind: 'separator' },
    {
      kind: 'action',
      label: t('moderation.report.accountMenu', { name }),
      onSelect: () => setReporting(true),
    },
  ];

  return (
    <div className="relationship-actions">
      <div className="relationship-buttons">
        {state.blocking ? (
          <Button
            variant="secondary"
            pending={change.isPending}
            onClick={() => change.mutate('unblock')}
          >
            {t('profile.unblockShort')}
          </Button>
        ) : state.following || state.requested ? (
          <Button
            variant="secondary"
            pending={change.isPending}
            onClick={() => change.mutate('unfollow')}
          >
            {state.requested ? t('profile.cancelRequest') : t('profile.unfollow')}
          </Button>
        ) : (
          <Button
            variant="primary"
            pending={change.isPending}
            onClick={() => change.mutate('follow')}
          >
            {state.followed_by ? t('profile.followBack') : t('profile.follow')}
          </Button>
        )}
        <DropdownMenu
          label={t('profile.moreActions', { name })}
          icon={<MoreIcon />}
          buttonClassName="button button-secondary icon-button"
          entries={entries}
        />
      </div>
      <div className="relationship-badges">
        {state.followed_by && <span className="badge">{t('profile.followsYou')}</span>}
        {state.muting && <span className="badge">{t('profile.muted')}</span>}
        {state.blocking && <span className="badge badge-danger">{t('profile.blocked')}</span>}
      </div>
      {change.isError && !confirm && <ErrorMessage error={change.error} />}
      <ConfirmDialog
        open={confirm !== null}
        title={
          confirm === 'block' ? t('profile.blockTitle', { name }) : t('profile.muteTitle', { name })
        }
        confirmLabel={confirm === 'block' ? t('profile.blockConfirm') : t('profile.muteConfirm')}
        danger={confirm === 'block'}
        pending={change.isPending}
        error={change.error}
        onCancel={() => {
          change.reset();
          setConfirm(null);
        }}
        onConfirm={() => change.mutate(confirm === 'block' ? 'block' : 'mute')}
      >
        <p>
          {confirm === 'block' ? t('profile.blockBody', { name }) : t('profile.muteBody', { name })}
        </p>
      </ConfirmDialog>
      {reporting && <ReportDialog account={account} onClose={() => setReporting(false)} />}
    </div>
  );
}
