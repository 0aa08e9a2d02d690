import type { Status } from '@rapport/schema';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/I18nProvider';
import { ComposeBox } from '../compose/ComposeBox';

export function EditStatusDialog({ status, onClose }: { status: Status; onClose: () => void }) {
  const t = useT();
  return (
    <Modal open title={t('compose.editTitle')} onClose={onClose} wide>
      <ComposeBox mode={{ kind: 'edit', status }} onDone={onClose} autoFocus />
    </Modal>
  );
}
