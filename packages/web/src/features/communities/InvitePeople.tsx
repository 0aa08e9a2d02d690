import type { Account, Community } from '@rapport/schema';
import { COMMUNITY_LIMITS } from '@rapport/schema/limits';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { listPeople } from '../../api/accounts';
import { inviteMembers } from '../../api/communities';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ErrorMessage, SuccessMessage } from '../../components/FormMessage';
import { CloseIcon, SearchIcon, UserPlusIcon } from '../../components/icons';
import { PersonSuggestions } from '../../components/PersonSuggestions';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useT } from '../../i18n/I18nProvider';
import { useCurrentAccount } from '../auth/session';

const SUGGESTIONS = 6;

/**
 * Invite people: type to find colleagues (the people directory, so only people the
 * viewer may see), add them, and send the invitations at once. Each invitee is notified.
 */
export function InvitePeople({ community }: { community: Community }) {
  const t = useT();
  const me = useCurrentAccount();
  const id = useId();
  const queryClient = useQueryClient();
  const [input, setInput] = useState('');
  const [chosen, setChosen] = useState<Account[]>([]);
  const [notice, setNotice] = useState('');
  const q = useDebouncedValue(input.trim(), 250);
  const people = useQuery({
    queryKey: [...queryKeys.people(q), 'invite'],
    queryFn: () => listPeople({ q, limit: SUGGESTIONS + chosen.length + 1 }),
    enabled: q !== '',
  });
  const suggestions = (people.data?.items ?? [])
    .filter((person) => person.id !== me.id && !chosen.some((c) => c.id === person.id))
    .slice(0, SUGGESTIONS);
  const invite = useMutation({
    mutationFn: () =>
      inviteMembers(
        community.id,
        chosen.map((person) => person.id),
      ),
    onSuccess: (places) => {
      setNotice(t('communities.invite.sent', { count: places.length }));
      setChosen([]);
      setInput('');
      void queryClient.invalidateQueries({ queryKey: ['communities', 'members', community.id] });
      void queryClient.invalidateQueries({ queryKey: ['communities', 'requests', community.id] });
      void queryClient.invalidateQueries({ queryKey: queryKeys.community(community.id) });
    },
  });
  const full = chosen.length >= COMMUNITY_LIMITS.invitationsPerRequest;

  const add = (person: Account) => {
    setChosen((list) => [...list, person]);
    setNotice('');
    // The next one is typed in the same box.
    requestAnimationFrame(() => document.getElementById(`${id}-search`)?.focus());
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (chosen.length > 0) invite.mutate();
  };

  return (
    <section className="card invite-people" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card-title">
        <UserPlusIcon size={18} />
        {t('communities.invite.title')}
      </h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="search-box search-box-compact">
          <label htmlFor={`${id}-search`} className="visually-hidden">
            {t('communities.invite.search')}
          </label>
          <SearchIcon />
          <input
            id={`${id}-search`}
            type="search"
            className="input search-input"
            placeholder={t('communities.invite.placeholder')}
            value={input}
            onChange={(event) => setInput(event.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${id}-found`}
            disabled={full}
          />
        </div>
        <p id={`${id}-found`} className="visually-hidden" role="status" aria-live="polite">
          {q && people.isSuccess
            ? t('communities.invite.suggestions', { count: suggestions.length })
            : ''}
        </p>
        {q !== '' && suggestions.length > 0 && (
          <PersonSuggestions
            people={suggestions}
            onAdd={add}
            addLabel={(name) => t('communities.invite.add', { name })}
          />
        )}
        {chosen.length > 0 && (
          <div className="invite-chosen">
            <p className="field-label" id={`${id}-chosen`}>
              {t('communities.invite.chosen')}
            </p>
            <ul className="chip-list" aria-labelledby={`${id}-chosen`}>
              {chosen.map((person) => {
                const name = person.display_name || person.username;
                return (
                  <li key={person.id} className="chip">
                    {name}
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={t('communities.invite.unchoose', { name })}
                      onClick={() => setChosen((list) => list.filter((p) => p.id !== person.id))}
                    >
                      <CloseIcon size={14} />
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        )}
        <ErrorMessage error={invite.error} />
        {chosen.length > 0 && (
          <div className="button-row">
            <Button type="submit" variant="primary" pending={invite.isPending}>
              {t('communities.invite.send', { count: chosen.length })}
            </Button>
          </div>
        )}
        <SuccessMessage>{notice}</SuccessMessage>
      </form>
    </section>
  );
}
