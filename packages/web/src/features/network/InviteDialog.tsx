import { type Account, MAX_INVITE_NOTE, MAX_INVITEES } from '@rapport/schema';
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { listPeople } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ChosenPeople } from '../../components/ChosenPeople';
import { TextAreaField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { SearchIcon } from '../../components/icons';
import { Modal } from '../../components/Modal';
import { PersonSuggestions } from '../../components/PersonSuggestions';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';
import { ColdAdvice } from './AdviceNote';
import { type InviteSubject, sendInvitations } from './invite-api';

const SUGGESTIONS = 6;

/**
 * Invite people to an event, or ask them to look at a page: find people, choose them,
 * add a note, send. For someone not met yet the channel advice shows under their chip; it
 * never blocks Send. The server refuses people who cannot see the subject, by name.
 */
export function InviteDialog({
  subject,
  onClose,
  onSent,
}: {
  subject: InviteSubject;
  onClose: () => void;
  onSent: (count: number) => void;
}) {
  const t = useT();
  const me = useCurrentAccount();
  const id = useId();
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<Account[]>([]);
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const q = useDebouncedValue(input.trim(), 250);
  const people = useQuery({
    queryKey: [...queryKeys.people(q), 'invite'],
    queryFn: () => listPeople({ q, limit: SUGGESTIONS + chosen.length + 1 }),
    enabled: q !== '',
  });
  const suggestions = (people.data?.items ?? [])
    .filter((person) => person.id !== me.id && !chosen.some((c) => c.id === person.id))
    .slice(0, SUGGESTIONS);
  const full = chosen.length >= MAX_INVITEES;
  const send = useMutation({
    mutationFn: () =>
      sendInvitations(subject, {
        account_ids: chosen.map((person) => person.id),
        ...(note.trim() ? { note: note.trim() } : {}),
      }),
    onSuccess: () => onSent(chosen.length),
  });
  const searchId = `${id}-search`;
  const focusSearch = () => requestAnimationFrame(() => document.getElementById(searchId)?.focus());

  const add = (person: Account) => {
    setChosen((list) => [...list, person]);
    setInput('');
    setProblem('');
    send.reset();
    focusSearch();
  };
  const remove = (person: Account) => {
    setChosen((list) => list.filter((p) => p.id !== person.id));
    send.reset();
    focusSearch();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length === 0) {
      setProblem(t('network.invite.pickSomeone'));
      document.getElementById(searchId)?.focus();
      return;
    }
    send.mutate();
  };

  const channel = subject.kind;
  return (
    <Modal
      open
      title={t(channel === 'event' ? 'network.invite.eventTitle' : 'network.invite.pageTitle')}
      onClose={onClose}
      initialFocus={`#${CSS.escape(searchId)}`}
    >
      <form className="form invite-dialog" onSubmit={submit} noValidate>
        <p className="muted invite-dialog-subject">{subject.title}</p>
        {chosen.length > 0 && (
          <div className="invite-dialog-chosen">
            <p className="field-label" id={`${id}-chosen`}>
              {t('network.invite.chosen')}
            </p>
            <ChosenPeople
              people={chosen}
              labelledBy={`${id}-chosen`}
              onRemove={remove}
              removeLabel={(name) => t('network.invite.unchoose', { name })}
            />
          </div>
        )}
        <div className="search-box search-box-compact">
          <label htmlFor={searchId} className="visually-hidden">
            {t('network.invite.search')}
          </label>
          <SearchIcon />
          <input
            id={searchId}
            type="search"
            className="input search-input"
            placeholder={t('network.invite.placeholder')}
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
          {problem || (full ? t('network.invite.tooMany', { count: MAX_INVITEES }) : '')}
        </p>
        <p id={`${id}-found`} className="muted small" role="status" aria-live="polite">
          {q === '' || input.trim() === ''
            ? ''
            : people.isPending
              ? t('network.invite.searching')
              : people.isSuccess && !people.data.items.some((person) => person.id !== me.id)
                ? t('network.invite.nobody', { q })
                : ''}
        </p>
        {people.isError && <ErrorMessage error={people.error} />}
        {q !== '' && input.trim() !== '' && suggestions.length > 0 && (
          <PersonSuggestions
            people={suggestions}
            onAdd={add}
            addLabel={(name) => t('network.invite.add', { name })}
          />
        )}
        {/* Advice on reaching someone not met yet; it never blocks sending. */}
        {chosen.map((person) => (
          <ColdAdvice key={person.id} account={person} channel={channel} />
        ))}
        <TextAreaField
          label={t('network.invite.note')}
          hint={t(
            channel === 'event' ? 'network.invite.noteHintEvent' : 'network.invite.noteHintPage',
          )}
          optional
          value={note}
          onValueChange={setNote}
          maxLength={MAX_INVITE_NOTE}
          rows={3}
        />
        <ErrorMessage error={send.error} />
        <div className="dialog-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" pending={send.isPending}>
            {t('network.invite.send')}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
