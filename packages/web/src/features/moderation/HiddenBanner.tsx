import { ShieldIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { withoutFinalStop } from './moderation-rules';

/** On a status a moderator hid: only its author ever sees it, and reads why. */
export function HiddenBanner({ reason }: { reason: string }) {
  const t = useT();
  return (
    <p className="hidden-banner" role="note">
      <ShieldIcon size={18} />
      <span>{t('moderation.hiddenBanner', { reason: withoutFinalStop(reason) })}</span>
    </p>
  );
}
