import type { MessagePolicy } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '../../components/Button';
import { ErrorMessage, ErrorState, SuccessMessage } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import { useT } from '../../i18n/I18nProvider';
import { type Choice, ChoiceGroup } from '../moderation/ChoiceGroup';
import { chatKeys, getMessagePolicy, saveMessagePolicy } from './chats-api';

const POLICIES: readonly MessagePolicy[] = ['anyone', 'following', 'followers', 'nobody'];

function PolicyForm({ saved }: { saved: MessagePolicy }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [policy, setPolicy] = useState<MessagePolicy>(saved);
  const save = useMutation({
    mutationFn: () => saveMessagePolicy(policy),
    onSuccess: (next) => queryClient.setQueryData(chatKeys.policy, next),
  });
  const choices: Choice<MessagePolicy>[] = POLICIES.map((value) => ({
    value,
    label: t(`chats.settings.${value}` as 'chats.settings.anyone'),
    hint: t(`chats.settings.${value}Hint` as 'chats.settings.anyoneHint'),
  }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <ChoiceGroup
        legend={t('chats.settings.title')}
        name="message-policy"
        choices={choices}
        value={policy}
        onChange={(value) => {
          setPolicy(value);
          save.reset();
        }}
      />
      <p className="muted small">{t('chats.settings.adminNote')}</p>
      <ErrorMessage error={save.error} />
      <div className="form-actions">
        <Button type="submit" variant="primary" pending={save.isPending}>
          {save.isPending ? t('common.saving') : t('chats.settings.save')}
        </Button>
        <SuccessMessage>{save.isSuccess && t('chats.settings.saved')}</SuccessMessage>
      </div>
    </form>
  );
}

/** /settings/messages: who may start a conversation with me. */
export function MessageSettingsPage() {
  const t = useT();
  const headingId = useId();
  usePageTitle(t('chats.settings.title'));
  const policy = useQuery({ queryKey: chatKeys.policy, queryFn: getMessagePolicy });
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId} className="card-title">
        {t('chats.settings.heading')}
      </h2>
      <p className="muted">{t('chats.settings.intro')}</p>
      {policy.isPending ? (
        <LoadingBlock />
      ) : policy.isError ? (
        <ErrorState error={policy.error} onRetry={() => policy.refetch()} />
      ) : (
        <PolicyForm saved={policy.data} />
      )}
    </section>
  );
}
