import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { InvitationForm } from './InvitationForm';
import { InvitationList } from './InvitationList';

export function AdminInvitationsPage() {
  const t = useT();
  usePageTitle(t('admin.invitations.title'));
  return (
    <div className="stack-lg">
      <p className="muted">{t('admin.invitations.intro')}</p>
      <InvitationForm />
      <InvitationList />
    </div>
  );
}
