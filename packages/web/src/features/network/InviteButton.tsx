import { useState } from 'react';
import { Button } from '../../components/Button';
import { SuccessMessage } from '../../components/FormMessage';
import { useT } from '../../i18n/I18nProvider';
import { InviteDialog } from './InviteDialog';
import type { InviteSubject } from './invite-api';

/** "Invite people" on an event or a page: opens the shared dialog, then says how many. */
export function InviteButton({ subject, size }: { subject: InviteSubject; size?: 'sm' }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState('');
  return (
    <>
      <Button
        size={size}
        onClick={() => {
          setNotice('');
          setOpen(true);
        }}
      >
        {t(subject.kind === 'event' ? 'network.invite.eventButton' : 'network.invite.pageButton')}
      </Button>
      <SuccessMessage>{notice}</SuccessMessage>
      {open && (
        <InviteDialog
          subject={subject}
          onClose={() => setOpen(false)}
          onSent={(count) => {
            setOpen(false);
            setNotice(t('network.invite.sent', { count }));
          }}
        />
      )}
    </>
  );
}
