import type { Community, CommunityMember, CommunityRole } from '@rapport/schema';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { changeMemberRole, listMembers, removeMember } from '../../api/communities';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadMore } from '../../components/LoadMore';
import { PeopleSkeleton } from '../../components/Skeleton';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { AccountRow } from '../social/AccountRow';
import { useCommunity } from './community-context';
import { canInvite, owns, runs } from './community-rules';
import { InvitePeople } from './InvitePeople';

const ROLE_LABELS = {
  owner: 'communities.role.owner',
  moderator: 'communities.role.moderator',
  member: 'communities.role.member',
} as const;

/** Who is in the community, with their roles; those who run it invite, give roles, remove. */
export function CommunityMembersTab() {
  const t = useT();
  const me = useCurrentAccount();
  const community = useCommunity();
  const [notice, setNotice] = useState('');
  return (
    <div className="community-members">
      {canInvite(community, me.rapport_role) && <InvitePeople community={community} />}
      <MemberSection
        community={community}
        which="runners"
        roles={['owner', 'moderator']}
        title={t('communities.members.runners')}
        onNotice={setNotice}
      />
      <MemberSection
        community={community}
        which="members"
        roles={['member']}
        title={t('communities.members.all')}
        onNotice={setNotice}
      />
      {runs(community) && (
        <MemberSection
          community={community}
          which="invited"
          invited
          title={t('communities.members.invited')}
          onNotice={setNotice}
        />
      )}
      <SuccessMessage>{notice}</SuccessMessage>
    </div>
  );
}

function MemberSection({
  community,
  which,
  roles,
  invited = false,
  title,
  onNotice,
}: {
  community: Community;
  which: string;
  roles?: CommunityRole[];
  /** The people invited who have not answered yet, instead of members. */
  invited?: boolean;
  title: string;
  onNotice: (text: string) => void;
}) {
  const t = useT();
  const headingId = useId();
  const members = useInfiniteQuery({
    queryKey: queryKeys.communityMembers(community.id, which),
    queryFn: ({ pageParam }) =>
      listMembers(
        community.id,
        invited ? { state: 'invited' } : roles ? { role: roles } : {},
        pageParam,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next,
  });
  const items = members.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="card community-member-section" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {title}
      </h2>
      {members.isPending ? (
        <PeopleSkeleton count={3} layout="list" />
      ) : members.isError ? (
        <ErrorState error={members.error} onRetry={() => members.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          title={invited ? t('communities.members.noneInvited') : t('communities.members.empty')}
        />
      ) : (
        <ul className="account-list">
          {items.map((member) => (
            <li key={member.account.id}>
              <AccountRow
                account={member.account}
                action={
                  <MemberControls community={community} member={member} onNotice={onNotice} />
                }
              />
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={members} />
    </section>
  );
}

/**
 * A member's role, and what the viewer may change: owners give roles and remove anyone;
 * moderators remove members. Nobody acts on themselves here (they leave from the header).
 */
function MemberControls({
  community,
  member,
  onNotice,
}: {
  community: Community;
  member: CommunityMember;
  onNotice: (text: string) => void;
}) {
  const t = useT();
  const me = useCurrentAccount();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const name = member.account.display_name || member.account.username;
  const self = member.account.id === me.id;
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: ['communities', 'members', community.id] });
    void queryClient.invalidateQueries({ queryKey: queryKeys.community(community.id) });
  };
  const role = useMutation({
    mutationFn: (next: CommunityRole) => changeMemberRole(community.id, member.account.id, next),
    onSuccess: (updated) => {
      refresh();
      onNotice(
        t('communities.members.roleChanged', {
          name,
          role: t(ROLE_LABELS[updated.role]).toLowerCase(),
        }),
      );
    },
  });
  const remove = useMutation({
    mutationFn: () => removeMember(community.id, member.account.id),
    onSuccess: () => {
      setConfirming(false);
      refresh();
      onNotice(t('communities.members.removed', { name }));
    },
  });
  const mayRemove = !self && (owns(community) || (runs(community) && member.role === 'member'));
  if (member.state === 'invited') {
    return (
      <div className="member-controls">
        <span className="badge">{t('communities.members.invitedBadge')}</span>
        <Button
          variant="ghost"
          size="sm"
          pending={remove.isPending}
          onClick={() =>
            remove.mutate(undefined, {
              onSuccess: () => onNotice(t('communities.members.invitationCancelled', { name })),
            })
          }
          aria-label={t('communities.members.cancelInvitationName', { name })}
        >
          {t('communities.members.cancelInvitation')}
        </Button>
        <ErrorMessage error={remove.error} />
      </div>
    );
  }
  const roleBadge = <span className="badge">{t(ROLE_LABELS[member.role])}</span>;

  return (
    <div className="member-controls">
      {owns(community) && !self ? (
        <select
          className="input select select-sm"
          aria-label={t('communities.members.role', { name })}
          value={member.role}
          disabled={role.isPending}
          onChange={(event) => role.mutate(event.target.value as CommunityRole)}
        >
          {(['owner', 'moderator', 'member'] as const).map((each) => (
            <option key={each} value={each}>
              {t(ROLE_LABELS[each])}
            </option>
          ))}
        </select>
      ) : (
        member.role !== 'member' && roleBadge
      )}
      {mayRemove && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => setConfirming(true)}
          aria-label={t('communities.members.removeName', { name })}
        >
          {t('communities.members.remove')}
        </Button>
      )}
      <ErrorMessage error={role.error} />
      <ConfirmDialog
        open={confirming}
        title={t('communities.members.removeTitle', { name })}
        confirmLabel={t('communities.members.remove')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onCancel={() => {
          remove.reset();
          setConfirming(false);
        }}
        onConfirm={() => remove.mutate()}
      >
        <p>{t('communities.members.removeBody')}</p>
      </ConfirmDialog>
    </div>
  );
}
