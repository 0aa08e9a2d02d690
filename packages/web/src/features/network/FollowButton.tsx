import type { Account } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { changeRelationship, getRelationship } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/FormMessage';
import { useT } from '../../i18n/I18nProvider';
import { personName } from './RelationshipParts';

/** Follow or unfollow in a list (the profile's own button also carries block and mute). */
export function FollowButton({ account }: { account: Account }) {
  const t = useT();
  const queryClient = useQueryClient();
  const name = personName(account);
  const relationship = useQuery({
    queryKey: queryKeys.relationship(account.id),
    queryFn: () => getRelationship(account.id),
  });
  const change = useMutation({
    mutationFn: (action: 'follow' | 'unfollow') => changeRelationship(account.id, action),
    onSuccess: (next) => {
      queryClient.setQueryData(queryKeys.relationship(account.id), next);
      void queryClient.invalidateQueries({ queryKey: queryKeys.accounts });
    },
  });
  const state = relationship.data;
  const following = state?.following || state?.requested;
  return (
    <>
      <Button
        variant={following ? 'secondary' : 'primary'}
        pending={change.isPending}
        disabled={!state || state.blocking}
        onClick={() => change.mutate(following ? 'unfollow' : 'follow')}
        aria-label={
          following
            ? t('network.meet.unfollowName', { name })
            : t('network.meet.followName', { name })
        }
      >
        {following ? t('profile.unfollow') : t('profile.follow')}
      </Button>
      <ErrorMessage error={change.error} />
    </>
  );
}
