import type { CredentialAccount } from '@rapport/schema';
import { useId } from 'react';
import { Link } from 'react-router';
import { CheckIcon } from '../../components/icons';
import type { MessageKey } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { missingProfileItems, PROFILE_ITEMS, type ProfileItem } from './profile-completion';

const LABELS: Record<ProfileItem, MessageKey> = {
  avatar: 'home.missing.avatar',
  title: 'home.missing.title',
  department: 'home.missing.department',
  location: 'home.missing.location',
  skills: 'home.missing.skills',
  bio: 'home.missing.bio',
};

export function ProfileCompletion({ account }: { account: CredentialAccount }) {
  const t = useT();
  const headingId = useId();
  const missing = missingProfileItems(account);
  const total = PROFILE_ITEMS.length;
  const done = total - missing.length;

  if (missing.length === 0) {
    return (
      <section className="card completion-card completion-done" aria-labelledby={headingId}>
        <h2 id={headingId} className="card-title">
          <CheckIcon /> {t('home.completeDone')}
        </h2>
      </section>
    );
  }
  return (
    <section className="card completion-card" aria-labelledby={headingId}>
      <div className="card-heading">
        <h2 id={headingId} className="card-title">
          {t('home.completeTitle')}
        </h2>
        <span className="muted small">{t('home.completeProgress', { done, total })}</span>
      </div>
      <progress className="progress" max={total} value={done} aria-labelledby={headingId} />
      <p className="muted">{t('home.completeBody')}</p>
      <p className="small strong">{t('home.completeMissing')}</p>
      <ul className="missing-list">
        {missing.map((item) => (
          <li key={item}>{t(LABELS[item] as 'home.missing.avatar')}</li>
        ))}
      </ul>
      <Link className="button button-primary" to="/settings/profile">
        {t('home.completeAction')}
      </Link>
    </section>
  );
}
