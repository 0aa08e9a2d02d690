import type { Role } from '@rapport/schema';
import { useT } from '../../i18n/I18nProvider';

/** Admins and guests get a badge; members, the usual case, do not. */
export function RoleBadges({ account }: { account: { rapport_role: Role } }) {
  const t = useT();
  if (account.rapport_role === 'member') return null;
  return (
    <span className={`badge badge-${account.rapport_role}`}>
      {account.rapport_role === 'admin' ? t('role.admin') : t('role.guest')}
    </span>
  );
}
