import type { Introduction } from '@rapport/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/Dialog';
import { TextAreaField } from '../../components/Field';
import { ErrorMessage } from '../../components/FormMessage';
import { CheckIcon } from '../../components/icons';
import { useT } from '../../i18n/I18nProvider';
import {
  acceptIntroduction,
  declineIntroduction,
  forwardIntroduction,
  introductionKeys,
} from './introductions-api';
import { nameOf } from './people-text';

const MAX_NOTE = 1000;

/**
 * What the viewer can do now: the introducer forwards with a note or declines a request;
 * the target accepts or declines what was passed on. Nothing for the requester, nor once
 * it is settled.
 */
export function IntroductionActions({
  introduction,
  onNotice,
}: {
  introduction: Introduction;
  onNotice: (text: string) => void;
}) {
  const { role, state } = introduction;
  if (role === 'introducer' && state === 'requested') {
    return <IntroducerActions introduction={introduction} onNotice={onNotice} />;
  }
  if (role === 'target' && state === 'forwarded') {
    return <TargetActions introduction={introduction} onNotice={onNotice} />;
  }
  return null;
}

/** After an answer: every list of introductions, and the relationships acceptance changed. */
function useAnswered() {
  const queryClient = useQueryClient();
  return (accepted: boolean) => {
    void queryClient.invalidateQueries({ queryKey: introductionKeys.lists });
    if (accepted) void queryClient.invalidateQueries({ queryKey: ['relationships'] });
  };
}

function useDecline(introduction: Introduction, onNotice: (text: string) => void) {
  const t = useT();
  const answered = useAnswered();
  const [confirming, setConfirming] = useState(false);
  const decline = useMutation({
    mutationFn: () => declineIntroduction(introduction.id),
    onSuccess: () => {
      setConfirming(false);
      onNotice(t('introductions.declined'));
      answered(false);
    },
  });
  const vars = { requester: nameOf(introduction.requester), target: nameOf(introduction.target) };
  const dialog = (
    <ConfirmDialog
      open={confirming}
      title={t('introductions.declineTitle')}
      confirmLabel={t('introductions.decline')}
      danger
      pending={decline.isPending}
      error={decline.error}
      onConfirm={() => decline.mutate()}
      onCancel={() => {
        setConfirming(false);
        decline.reset();
      }}
    >
      <p>
        {introduction.role === 'introducer'
          ? t('introductions.declineBodyIntroducer', vars)
          : t('introductions.declineBodyTarget', vars)}
      </p>
    </ConfirmDialog>
  );
  const button = (
    <Button
      variant="ghost"
      size="sm"
      onClick={() => setConfirming(true)}
      aria-label={t('introductions.declineLabel', { requester: vars.requester })}
    >
      {t('introductions.decline')}
    </Button>
  );
  return { dialog, button };
}

function IntroducerActions({
  introduction,
  onNotice,
}: {
  introduction: Introduction;
  onNotice: (text: string) => void;
}) {
  const t = useT();
  const answered = useAnswered();
  const [writing, setWriting] = useState(false);
  const [note, setNote] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const requester = nameOf(introduction.requester);
  const target = nameOf(introduction.target);
  const forward = useMutation({
    mutationFn: () => forwardIntroduction(introduction.id, note.trim() ? { note } : {}),
    onSuccess: () => {
      onNotice(t('introductions.forwarded', { target }));
      answered(false);
    },
  });
  const { dialog, button: declineButton } = useDecline(introduction, onNotice);

  useEffect(() => {
    if (writing) form.current?.querySelector('textarea')?.focus();
  }, [writing]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    forward.mutate();
  };
  const cancel = () => {
    setWriting(false);
    forward.reset();
    opener.current?.focus();
  };

  if (writing) {
    return (
      <form ref={form} className="form introduction-forward" onSubmit={submit}>
        <TextAreaField
          label={t('introductions.noteLabel', { target })}
          optional
          rows={3}
          maxLength={MAX_NOTE}
          value={note}
          onValueChange={setNote}
          hint={t('introductions.noteHint', { target })}
        />
        <ErrorMessage error={forward.error} />
        <div className="introduction-actions">
          <Button type="submit" variant="primary" size="sm" pending={forward.isPending}>
            {forward.isPending ? t('introductions.forwarding') : t('introductions.forwardSubmit')}
          </Button>
          <Button size="sm" variant="ghost" onClick={cancel} disabled={forward.isPending}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    );
  }
  return (
    <div className="introduction-actions">
      <Button
        ref={opener}
        variant="primary"
        size="sm"
        onClick={() => setWriting(true)}
        aria-label={t('introductions.forwardLabel', { requester, target })}
      >
        {t('introductions.forward')}
      </Button>
      {declineButton}
      {dialog}
    </div>
  );
}

function TargetActions({
  introduction,
  onNotice,
}: {
  introduction: Introduction;
  onNotice: (text: string) => void;
}) {
  const t = useT();
  const answered = useAnswered();
  const requester = nameOf(introduction.requester);
  const accept = useMutation({
    mutationFn: () => acceptIntroduction(introduction.id),
    onSuccess: () => {
      onNotice(t('introductions.accepted', { requester }));
      answered(true);
    },
  });
  const { dialog, button: declineButton } = useDecline(introduction, onNotice);
  return (
    <div className="introduction-actions">
      <Button
        variant="primary"
        size="sm"
        icon={<CheckIcon size={16} />}
        pending={accept.isPending}
        onClick={() => accept.mutate()}
        aria-label={t('introductions.acceptLabel', { requester })}
      >
        {t('introductions.accept')}
      </Button>
      {declineButton}
      {dialog}
      <ErrorMessage error={accept.error} />
    </div>
  );
}
