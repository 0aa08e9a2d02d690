import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { deleteCommunity, updateCommunity } from '../../api/communities';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { SuccessMessage } from '../../components/FormMessage';
import { TrashIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { CommunityForm } from './CommunityForm';
import { useCommunity } from './community-context';
import { showCommunity } from './use-community-cache';

/** Owners edit the community, or delete it with everything posted in it. */
export function CommunitySettingsTab() {
  const t = useT();
  const community = useCommunity();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const headingId = useId();
  const dangerId = useId();
  const [saved, setSaved] = useState('');
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteCommunity(community.id),
    onSuccess: () => {
      setConfirming(false);
      queryClient.removeQueries({ queryKey: ['communities', 'one', community.id] });
      void queryClient.invalidateQueries({ queryKey: ['communities'] });
      void queryClient.invalidateQueries({ queryKey: ['statuses'] });
      navigate('/communities');
    },
  });
  return (
    <div className="community-settings">
      <section className="card" aria-labelledby={headingId}>
        <h2 id={headingId} className="card-title">
          {t('communities.settings.title')}
        </h2>
        <CommunityForm
          // A fresh form after each save, holding what the server kept.
          key={`${community.name}|${community.cover?.url ?? ''}`}
          community={community}
          submitLabel={t('communities.settings.save')}
          pendingLabel={t('common.saving')}
          save={(fields) => updateCommunity(community.id, fields)}
          onSaved={(updated) => {
            showCommunity(queryClient, updated);
            setSaved(t('communities.settings.saved'));
          }}
        />
        <SuccessMessage>{saved}</SuccessMessage>
      </section>
      <section className="card danger-zone" aria-labelledby={dangerId}>
        <h2 id={dangerId} className="card-title">
          {t('communities.settings.danger')}
        </h2>
        <p className="muted">{t('communities.settings.dangerBody')}</p>
        <div className="button-row">
          <Button
            variant="danger-soft"
            icon={<TrashIcon size={18} />}
            onClick={() => setConfirming(true)}
          >
            {t('communities.settings.delete')}
          </Button>
        </div>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('communities.settings.deleteTitle', { name: community.name })}
        confirmLabel={t('communities.settings.deleteConfirm')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => {
          remove.reset();
          setConfirming(false);
        }}
        onConfirm={() => remove.mutate()}
      >
        <p>{t('communities.settings.deleteBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
