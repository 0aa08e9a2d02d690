import type { Account } from '@rapport/schema';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Avatar } from '../../components/Avatar';
import { RoleBadges } from '../profile/RoleBadges';
import { profilePath } from '../statuses/status-paths';

/** A person in a compact list (followers, who favourited, search results). */
export function AccountRow({
  account,
  onNavigate,
  action,
}: {
  account: Account;
  onNavigate?: () => void;
  action?: ReactNode;
}) {
  const name = account.display_name || account.username;
  const detail = [account.title, account.department].filter(Boolean).join(' · ');
  return (
    <div className="account-row">
      <Avatar person={account} size="sm" />
      <div className="account-row-text">
        <span className="account-row-name">
          <Link to={profilePath(account)} onClick={onNavigate}>
            {name}
          </Link>
          <RoleBadges account={account} />
        </span>
        <span className="account-row-handle">@{account.acct || account.username}</span>
        {detail && <span className="account-row-detail">{detail}</span>}
      </div>
      {action}
    </div>
  );
}
