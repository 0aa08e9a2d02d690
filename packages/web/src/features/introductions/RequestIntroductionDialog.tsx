import type { Account } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { TextAreaField } from '../../components/Field';
import { ErrorMessage, ErrorState } from '../../components/FormMessage';
import { focusFirstInvalid } from '../../components/focus-invalid';
import { Modal } from '../../components/Modal';
import { PeopleSkeleton } from '../../components/Skeleton';
import { useT } from '../../i18n/I18nProvider';
import { ChoiceGroup } from '../moderation/ChoiceGroup';
import { introductionKeys, listIntroducers, requestIntroduction } from './introductions-api';
import { nameOf } from './people-text';

const MAX_MESSAGE = 1000;

/**
 * Asking someone who knows both people to introduce the viewer to `account`: the people
 * who could (the server says only that they know both), why the viewer would like to meet,
 * and a clear answer once it is sent. The server's refusal ("You already know ...") is
 * shown in its words.
 */
export function RequestIntroductionDialog({
  account,
  onClose,
}: {
  account: Account;
  onClose: () => void;
}) {
  const t = useT();
  const queryClient = useQueryClient();
  const name = nameOf(account);
  const form = useRef<HTMLFormElement>(null);
  const done = useRef<HTMLButtonElement>(null);
  const [introducerId, setIntroducerId] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const [missing, setMissing] = useState<{ introducer?: boolean; message?: boolean }>({});
  const introducers = useQuery({
    queryKey: introductionKeys.introducers(account.id),
    queryFn: () => listIntroducers(account.id),
  });
  const people = introducers.data ?? [];
  const send = useMutation({
    mutationFn: (chosen: string) =>
      requestIntroduction({ introducer_id: chosen, target_id: account.id, message }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: introductionKeys.lists });
    },
  });
  const sent = send.isSuccess ? send.data : null;

  // The form (and the button that had the focus) is gone: the focus goes to the way out.
  useEffect(() => {
    if (sent) done.current?.focus();
  }, [sent]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = { introducer: !introducerId, message: !message.trim() };
    setMissing(problems);
    if (!introducerId || problems.message) {
      focusFirstInvalid(form.current);
      return;
    }
    send.mutate(introducerId);
  };

  let body: ReactNode;
  if (sent) {
    body = (
      <div className="introduction-sent" role="status">
        <p className="introduction-sent-title">{t('introductions.sentTitle')}</p>
        <p className="muted">
          {t('introductions.sentBody', { introducer: nameOf(sent.introducer), name })}
        </p>
        <div className="dialog-actions">
          <Link className="button button-secondary" to="/network/introductions" onClick={onClose}>
            {t('introductions.seeAll')}
          </Link>
          <Button ref={done} variant="primary" onClick={onClose}>
            {t('introductions.done')}
          </Button>
        </div>
      </div>
    );
  } else if (introducers.isPending) {
    body = <PeopleSkeleton count={2} layout="list" />;
  } else if (introducers.isError) {
    body = <ErrorState error={introducers.error} onRetry={() => introducers.refetch()} />;
  } else if (people.length === 0) {
    body = (
      <div className="introduction-none">
        <p className="introduction-sent-title">{t('introductions.noIntroducers', { name })}</p>
        <p className="muted">{t('introductions.noIntroducersHint')}</p>
        <div className="dialog-actions">
          <Button variant="primary" onClick={onClose}>
            {t('introductions.done')}
          </Button>
        </div>
      </div>
    );
  } else {
    body = (
      <form ref={form} className="form introduction-form" onSubmit={submit} noValidate>
        <p className="muted">{t('introductions.dialogIntro', { name })}</p>
        <ChoiceGroup
          legend={t('introductions.introducer')}
          name="introducer"
          value={introducerId}
          onChange={(value) => {
            setIntroducerId(value);
            setMissing((m) => ({ ...m, introducer: false }));
          }}
          error={missing.introducer ? t('introductions.introducerRequired') : undefined}
          choices={people.map((person) => ({
            value: person.id,
            label: nameOf(person),
            hint: [person.title, person.department].filter(Boolean).join(' · '),
          }))}
        />
        <TextAreaField
          label={t('introductions.message', { name })}
          rows={4}
          maxLength={MAX_MESSAGE}
          required
          value={message}
          onValueChange={(value) => {
            setMessage(value);
            if (value.trim()) setMissing((m) => ({ ...m, message: false }));
          }}
          hint={t('introductions.messageHint', { name })}
          error={missing.message ? t('introductions.messageRequired', { name }) : undefined}
        />
        <ErrorMessage error={send.error} />
        <div className="dialog-actions">
          <Button onClick={onClose} disabled={send.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant="primary" pending={send.isPending}>
            {send.isPending ? t('introductions.sending') : t('introductions.send')}
          </Button>
        </div>
      </form>
    );
  }

  return (
    <Modal
      open
      wide
      title={t('introductions.dialogTitle', { name })}
      onClose={onClose}
      initialFocus={sent || people.length === 0 ? undefined : 'input[type="radio"]'}
    >
      {body}
    </Modal>
  );
}
