import type { Account } from '@rapport/schema';
import { useState } from 'react';
import { Button } from '../../components/Button';
import { useT } from '../../i18n/I18nProvider';
import { IntroductionIcon } from './icons';
import { nameOf } from './people-text';
import { RequestIntroductionDialog } from './RequestIntroductionDialog';

/**
 * "Ask for an introduction" where the viewer looks at someone they do not know yet (the
 * person card, a profile): opens the request dialog.
 */
export function AskIntroductionButton({
  account,
  variant = 'secondary',
}: {
  account: Account;
  variant?: 'secondary' | 'ghost' | 'primary';
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        className="ask-introduction"
        variant={variant}
        icon={<IntroductionIcon size={18} />}
        onClick={() => setOpen(true)}
        aria-label={t('introductions.askLabel', { name: nameOf(account) })}
        aria-haspopup="dialog"
      >
        {t('introductions.ask')}
      </Button>
      {open && <RequestIntroductionDialog account={account} onClose={() => setOpen(false)} />}
    </>
  );
}
