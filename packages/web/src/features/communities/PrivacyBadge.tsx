import type { CommunityPrivacy } from '@rapport/schema';
import { EyeOffIcon, GlobeIcon, LockIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';

const LABELS = {
  public: 'communities.privacy.public',
  private: 'communities.privacy.private',
  secret: 'communities.privacy.secret',
} as const;

/** The privacy of a community, with its explanation as a tooltip. */
export function PrivacyBadge({ privacy }: { privacy: CommunityPrivacy }) {
  const t = useT();
  const Icon = privacy === 'public' ? GlobeIcon : privacy === 'private' ? LockIcon : EyeOffIcon;
  return (
    <span
      className={`badge badge-privacy badge-privacy-${privacy}`}
      title={t(`communities.privacy.${privacy}Hint` as 'communities.privacy.publicHint')}
    >
      <Icon size={14} />
      {t(LABELS[privacy])}
    </span>
  );
}
