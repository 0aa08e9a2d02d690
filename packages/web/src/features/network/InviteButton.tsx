import { useState } from 'react';
import { Button } from '../../components/Button';
import { useT } from '../../i18n/I18nProvider';
import { InviteDialog } from './InviteDialog';
import type { InviteSubject } from './invite-api';

/**
 * "Invite people" on an event or a page: opens the shared dialog; `onNotice` gets
 * "Invited N people" for the page's own status line (not squeezed into a row of buttons).
 */
export function InviteButton({
  subject,
  size,
  onNotice,
}: {
  subject: InviteSubject;
  size?: 'sm';
  onNotice: (text: string) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={size}
        onClick={() => {
          onNotice('');
          setOpen(true);
        }}
      >
        {t(subject.kind === 'event' ? 'network.invite.eventButton' : 'network.invite.pageButton')}
      </Button>
      {open && (
        <InviteDialog
          subject={subject}
          onClose={() => setOpen(false)}
          onSent={(count) => {
            setOpen(false);
            onNotice(t('network.invite.sent', { count }));
          }}
        />
      )}
    </>
  );
}
