import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { createCommunity } from '../../api/communities';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/I18nProvider';
import { CommunityForm } from './CommunityForm';
import { showCommunity } from './use-community-cache';

/** "Create community": the form in a dialog; the new community's page opens after. */
export function CreateCommunityDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return (
    <Modal
      open={open}
      title={t('communities.createTitle')}
      onClose={onClose}
      wide
      initialFocus="input"
    >
      <CommunityForm
        submitLabel={t('communities.createSubmit')}
        pendingLabel={t('communities.creating')}
        save={createCommunity}
        onSaved={(community) => {
          showCommunity(queryClient, community);
          onClose();
          navigate(`/communities/${community.id}`);
        }}
        onCancel={onClose}
      />
    </Modal>
  );
}
