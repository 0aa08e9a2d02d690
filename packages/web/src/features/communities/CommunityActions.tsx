import type { Community } from '@rapport/schema';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { joinCommunity, leaveCommunity } from '../../api/communities';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { ErrorMessage, SuccessMessage } from '../../components/FormMessage';
import { CheckIcon, PlusIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import { actionFor } from './community-rules';
import { useShowCommunity } from './use-community-cache';

/**
 * The right action for the viewer's place in a community: Join, Request to join, Accept
 * invitation (or decline), Requested (withdraw), Leave. `compact` (directory cards) shows
 * only the way in; the community's own page shows the ways out too.
 */
export function CommunityActions({
  community,
  compact = false,
}: {
  community: Community;
  compact?: boolean;
}) {
  const t = useT();
  const navigate = useNavigate();
  const show = useShowCommunity();
  const [notice, setNotice] = useState('');
  const [confirming, setConfirming] = useState(false);
  const name = community.name;
  const action = actionFor(community);

  const join = useMutation({
    mutationFn: () => joinCommunity(community.id),
    onSuccess: (updated) => {
      show(updated);
      setNotice(
        updated.membership.state === 'member'
          ? t('communities.action.joined', { name })
          : t('communities.action.asked', { name }),
      );
    },
  });
  const leave = useMutation({
    mutationFn: () => leaveCommunity(community.id),
    onSuccess: (updated) => {
      setConfirming(false);
      const was = community.membership.state;
      show(updated);
      setNotice(
        was === 'requested'
          ? t('communities.action.withdrawn')
          : was === 'invited'
            ? t('communities.action.declined')
            : t('communities.action.left', { name }),
      );
      // Outside a secret community there is nothing of it left to show.
      if (!compact && updated.privacy === 'secret') navigate('/communities');
    },
  });
  const error = join.error ?? (confirming ? null : leave.error);

  const buttons = (() => {
    switch (action) {
      case 'join':
      case 'request':
        return (
          <Button
            variant="primary"
            size={compact ? 'sm' : 'md'}
            icon={<PlusIcon size={16} />}
            pending={join.isPending}
            onClick={() => join.mutate()}
            aria-label={
              compact
                ? t(
                    action === 'join'
                      ? 'communities.action.joinName'
                      : 'communities.action.requestName',
                    { name },
                  )
                : undefined
            }
          >
            {t(action === 'join' ? 'communities.action.join' : 'communities.action.request')}
          </Button>
        );
      case 'accept':
        return (
          <>
            <Button
              variant="primary"
              size={compact ? 'sm' : 'md'}
              icon={<CheckIcon size={16} />}
              pending={join.isPending}
              onClick={() => join.mutate()}
              aria-label={compact ? t('communities.action.acceptName', { name }) : undefined}
            >
              {t('communities.action.accept')}
            </Button>
            {!compact && (
              <Button variant="ghost" pending={leave.isPending} onClick={() => leave.mutate()}>
                {t('communities.action.decline')}
              </Button>
            )}
          </>
        );
      case 'requested':
        return compact ? (
          <span className="badge" title={t('communities.action.requestedName', { name })}>
            {t('communities.action.requested')}
          </span>
        ) : (
          <>
            <span className="badge">{t('communities.action.requested')}</span>
            <Button variant="ghost" pending={leave.isPending} onClick={() => leave.mutate()}>
              {t('communities.action.withdraw')}
            </Button>
          </>
        );
      case 'leave':
        return compact ? (
          <span className="badge badge-success">
            <CheckIcon size={14} />
            {t('communities.action.member')}
          </span>
        ) : (
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            {t('communities.action.leave')}
          </Button>
        );
      case 'none':
        return null;
    }
  })();

  return (
    <div className="community-actions">
      <div className="button-row">{buttons}</div>
      <ErrorMessage error={error} />
      <SuccessMessage>{notice}</SuccessMessage>
      <ConfirmDialog
        open={confirming}
        title={t('communities.leaveTitle', { name })}
        confirmLabel={t('communities.leaveConfirm')}
        danger
        pending={leave.isPending}
        error={leave.error}
        onCancel={() => {
          leave.reset();
          setConfirming(false);
        }}
        onConfirm={() => leave.mutate()}
      >
        <p>
          {community.privacy === 'public'
            ? t('communities.leaveBody')
            : t('communities.leaveBodyClosed')}
        </p>
      </ConfirmDialog>
    </div>
  );
}
