import type { Account } from '@rapport/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { ErrorMessage } from '../../components/FormMessage';
import { useT } from '../../i18n/I18nProvider';
import { MessageIcon } from './chat-icons';
import { personName } from './chat-names';
import { chatKeys, createChat } from './chats-api';

/**
 * "Message" on a profile: opens the one-to-one conversation with the person (the server
 * answers with the existing one, or starts it). A refusal (the person does not accept
 * messages from the viewer) is shown under the button in the server's words.
 */
export function MessageButton({ account }: { account: Account }) {
  const t = useT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const open = useMutation({
    mutationFn: () => createChat({ account_ids: [account.id] }),
    onSuccess: (chat) => {
      queryClient.setQueryData(chatKeys.chat(chat.id), chat);
      void queryClient.invalidateQueries({ queryKey: chatKeys.lists });
      navigate(`/messages/${encodeURIComponent(chat.id)}`);
    },
  });
  return (
    <div className="message-button">
      <Button
        icon={<MessageIcon size={18} />}
        pending={open.isPending}
        onClick={() => open.mutate()}
        aria-label={t('chats.profileButtonLabel', { name: personName(account) })}
      >
        {t('chats.profileButton')}
      </Button>
      <ErrorMessage error={open.error} />
    </div>
  );
}
