import type { AdminAccount, Role } from '@rapport/schema';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { Button } from '../../components/Button';
import { useI18n } from '../../i18n/I18nProvider';

export interface AccountActions {
  changeRole: (account: AdminAccount, role: Role) => void;
  askSuspend: (account: AdminAccount) => void;
  /** The id of the row whose role change is under way. */
  pendingRoleId: string | null;
}

/** One account in the admin table; the admin's own row is read-only. */
export function AccountRow({
  account,
  own,
  actions,
}: {
  account: AdminAccount;
  own: boolean;
  actions: AccountActions;
}) {
  const { t, formatDate } = useI18n();
  const name = account.display_name || account.username;
  const roles: Role[] = ['admin', 'member', 'guest'];
  return (
    <tr className={account.suspended ? 'row-suspended' : undefined}>
      <td data-label={t('admin.accounts.person')}>
        <div className="person-cell">
          <Avatar person={{ ...account }} size="sm" />
          <div className="person-cell-text">
            <Link to={`/@${account.username}`} className="strong">
              {name}
            </Link>
            <span className="muted small">
              @{account.username}
              {own && <span className="badge badge-you">{t('admin.accounts.you')}</span>}
            </span>
            <span className="muted small break-anywhere">{account.email}</span>
          </div>
        </div>
      </td>
      <td data-label={t('admin.accounts.role')}>
        <select
          className="input select select-compact"
          aria-label={t('admin.accounts.roleFor', { name })}
          value={account.role}
          disabled={own || actions.pendingRoleId === account.id}
          title={own ? t('admin.accounts.ownRow') : undefined}
          onChange={(event) => actions.changeRole(account, event.target.value as Role)}
        >
          {roles.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t('admin.accounts.status')}>
        <div className="cell-stack">
          {account.suspended ? (
            <span className="badge badge-danger">{t('admin.accounts.suspended')}</span>
          ) : (
            <span className="badge badge-success">{t('admin.accounts.active')}</span>
          )}
          {account.invited_by && (
            <span className="muted small">
              {t('admin.accounts.invitedBy', {
                name: account.invited_by.display_name || account.invited_by.username,
              })}
            </span>
          )}
        </div>
      </td>
      <td data-label={t('admin.accounts.joined')} className="cell-nowrap">
        {formatDate(account.created_at)}
      </td>
      <td data-label={t('admin.accounts.lastSignIn')} className="cell-nowrap">
        {account.last_sign_in_at
          ? formatDate(account.last_sign_in_at)
          : t('admin.accounts.neverSignedIn')}
      </td>
      <td data-label={t('admin.accounts.actions')} className="cell-actions">
        {!own && (
          <Button
            size="sm"
            variant={account.suspended ? 'secondary' : 'danger-soft'}
            aria-label={
              account.suspended
                ? t('admin.accounts.unsuspend', { name })
                : t('admin.accounts.suspend', { name })
            }
            onClick={() => actions.askSuspend(account)}
          >
            {account.suspended
              ? t('admin.accounts.unsuspendShort')
              : t('admin.accounts.suspendShort')}
          </Button>
        )}
      </td>
    </tr>
  );
}
