import type { Chat } from '@rapport/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { DropdownMenu, type MenuEntry } from '../../components/DropdownMenu';
import { TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { MoreIcon } from '../../components/icons';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { AccountRow } from '../social/AccountRow';
import { forgetChat, updateChat } from './chat-cache';
import { isGroup } from './chat-list';
import { leaveChat, updateChat as patchChat } from './chats-api';

type Open = 'rename' | 'participants' | 'leave' | null;

function RenameDialog({ chat, onClose }: { chat: Chat; onClose: () => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(chat.title);
  const rename = useMutation({
    mutationFn: () => patchChat(chat.id, { title: title.trim() }),
    onSuccess: (saved) => {
      updateChat(queryClient, chat.id, (held) => ({ ...held, title: saved.title }));
      onClose();
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    rename.mutate();
  };
  return (
    <Modal open title={t('chats.renameTitle')} onClose={onClose} initialFocus="input">
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          label={t('chats.renameLabel')}
          hint={t('chats.renameHint')}
          value={title}
          onValueChange={setTitle}
          maxLength={100}
        />
        <ErrorMessage error={rename.error} />
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" pending={rename.isPending}>
            {t('chats.renameSave')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}

function ParticipantsDialog({ chat, onClose }: { chat: Chat; onClose: () => void }) {
  const t = useT();
  const me = useCurrentAccount();
  return (
    <Modal open title={t('chats.participantsTitle')} onClose={onClose}>
      <ul className="chat-participants">
        {[...chat.accounts, me].map((account) => (
          <li key={account.id}>
            <AccountRow
              account={account}
              onNavigate={onClose}
              action={account.id === me.id ? <span className="badge">{t('chats.you')}</span> : null}
            />
          </li>
        ))}
      </ul>
    </Modal>
  );
}

/** Mute or unmute, rename a group, see who is in it, leave (after a confirmation). */
export function ConversationMenu({ chat }: { chat: Chat }) {
  const t = useT();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  const mute = useMutation({
    mutationFn: (muted: boolean) => patchChat(chat.id, { muted }),
    onSuccess: (saved) => {
      updateChat(queryClient, chat.id, (held) => ({ ...held, muted: saved.muted }));
      void queryClient.invalidateQueries({ queryKey: ['chats', 'unread'] });
    },
  });
  const leave = useMutation({
    mutationFn: () => leaveChat(chat.id),
    onSuccess: () => {
      setOpen(null);
      navigate('/messages', { replace: true });
      forgetChat(queryClient, chat.id);
    },
  });
  const entries: MenuEntry[] = [
    {
      kind: 'action',
      label: chat.muted ? t('chats.unmute') : t('chats.mute'),
      onSelect: () => mute.mutate(!chat.muted),
    },
    ...(isGroup(chat)
      ? [{ kind: 'action' as const, label: t('chats.rename'), onSelect: () => setOpen('rename') }]
      : []),
    { kind: 'action', label: t('chats.participants'), onSelect: () => setOpen('participants') },
    { kind: 'separator' },
    { kind: 'action', label: t('chats.leave'), danger: true, onSelect: () => setOpen('leave') },
  ];
  return (
    <>
      <DropdownMenu
        label={t('chats.menu')}
        icon={<MoreIcon />}
        buttonClassName="button button-ghost icon-button"
        entries={entries}
      />
      {mute.isError && <ErrorMessage error={mute.error} />}
      {open === 'rename' && <RenameDialog chat={chat} onClose={() => setOpen(null)} />}
      {open === 'participants' && <ParticipantsDialog chat={chat} onClose={() => setOpen(null)} />}
      <ConfirmDialog
        open={open === 'leave'}
        title={t('chats.leaveTitle')}
        confirmLabel={t('chats.leaveConfirm')}
        danger
        pending={leave.isPending}
        error={leave.error}
        onCancel={() => {
          leave.reset();
          setOpen(null);
        }}
        onConfirm={() => leave.mutate()}
      >
        <p>{t('chats.leaveBody')}</p>
      </ConfirmDialog>
    </>
  );
}
