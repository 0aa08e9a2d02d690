import { type Account, MAX_CHAT_PARTICIPANTS } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useNavigate } from 'react-router';
import { listPeople } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ChosenPeople } from '../../components/ChosenPeople';
import { TextField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { SearchIcon } from '../../components/icons';
import { Modal } from '../../components/Modal';
import { PersonSuggestions } from '../../components/PersonSuggestions';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ColdAdvice } from '../network/AdviceNote';
import { chatKeys, createChat } from './chats-api';

const SUGGESTIONS = 6;

/**
 * "New message": find people in the directory (only those the viewer may see), choose one
 * or more, name a group if wanted, and open the conversation. The server refuses people who
 * do not accept messages from the viewer; its sentence is shown as it is.
 */
export function NewChatDialog({
  onClose,
  initial = [],
}: {
  onClose: () => void;
  initial?: readonly Account[];
}) {
  const t = useT();
  const me = useCurrentAccount();
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<Account[]>([...initial]);
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState('');
  const q = useDebouncedValue(input.trim(), 250);
  const people = useQuery({
    queryKey: [...queryKeys.people(q), 'chat'],
    queryFn: () => listPeople({ q, limit: SUGGESTIONS + chosen.length + 1 }),
    enabled: q !== '',
  });
  const suggestions = (people.data?.items ?? [])
    .filter((person) => person.id !== me.id && !chosen.some((c) => c.id === person.id))
    .slice(0, SUGGESTIONS);
  const full = chosen.length >= MAX_CHAT_PARTICIPANTS - 1;
  const start = useMutation({
    mutationFn: () =>
      createChat({
        account_ids: chosen.map((person) => person.id),
        ...(chosen.length > 1 && title.trim() ? { title: title.trim() } : {}),
      }),
    onSuccess: (chat) => {
      queryClient.setQueryData(chatKeys.chat(chat.id), chat);
      void queryClient.invalidateQueries({ queryKey: chatKeys.lists });
      onClose();
      navigate(`/messages/${encodeURIComponent(chat.id)}`);
    },
  });

  const add = (person: Account) => {
    setChosen((list) => [...list, person]);
    setInput('');
    setProblem('');
    start.reset();
    requestAnimationFrame(() => document.getElementById(`${id}-search`)?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setProblem(t('chats.newPickSomeone'));
      document.getElementById(`${id}-search`)?.focus();
      return;
    }
    start.mutate();
  };

  return (
    <Modal
      open
      title={t('chats.newTitle')}
      onClose={onClose}
      initialFocus={`#${CSS.escape(`${id}-search`)}`}
    >
      <form className="form new-chat" onSubmit={submit} noValidate>
        {chosen.length > 0 && (
          <div className="new-chat-chosen">
            <p className="field-label" id={`${id}-chosen`}>
              {t('chats.newChosen')}
            </p>
            <ChosenPeople
              people={chosen}
              labelledBy={`${id}-chosen`}
              onRemove={(person) => {
                setChosen((list) => list.filter((p) => p.id !== person.id));
                start.reset();
              }}
              removeLabel={(name) => t('chats.newUnchoose', { name })}
            />
          </div>
        )}
        <div className="search-box search-box-compact">
          <label htmlFor={`${id}-search`} className="visually-hidden">
            {t('chats.newSearch')}
          </label>
          <SearchIcon />
          <input
            id={`${id}-search`}
            type="search"
            className="input search-input"
            placeholder={t('chats.newPlaceholder')}
            value={input}
            onChange={(event) => setInput(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-found ${id}-problem`}
            aria-invalid={problem ? true : undefined}
            disabled={full}
          />
        </div>
        <p id={`${id}-problem`} className="field-error">
          {problem || (full ? t('chats.newTooMany', { count: MAX_CHAT_PARTICIPANTS }) : '')}
        </p>
        <p id={`${id}-found`} className="visually-hidden" role="status" aria-live="polite">
          {q && people.isSuccess ? t('chats.newSuggestions', { count: suggestions.length }) : ''}
        </p>
        {q !== '' && suggestions.length > 0 && (
          <PersonSuggestions
            people={suggestions}
            onAdd={add}
            addLabel={(name) => t('chats.newAdd', { name })}
          />
        )}
        {chosen.length > 1 && (
          <TextField
            label={t('chats.newTitleLabel')}
            hint={t('chats.newTitleHint')}
            optional
            value={title}
            onValueChange={setTitle}
            maxLength={100}
          />
        )}
        {/* Advice on reaching someone not met yet; it never blocks starting the conversation. */}
        {chosen.slice(0, 2).map((person) => (
          <ColdAdvice key={person.id} account={person} channel="direct_message" />
        ))}
        <ErrorMessage error={start.error} />
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" pending={start.isPending}>
            {t('chats.newStart')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
