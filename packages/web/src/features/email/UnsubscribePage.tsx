import type { MailSubscription } from '@rapport/schema';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { isApiError } from '../../api/errors';
import { changeMailSubscription, getMailSubscription } from '../../api/mail';
import { queryKeys } from '../../api/query-keys';
import { Button } from '../../components/Button';
import { ErrorMessage, ErrorState } from '../../components/FormMessage';
import { LoadingBlock } from '../../components/Spinner';
import { usePageTitle } from '../../components/use-page-title';
import type { Translate } from '../../i18n';
import { useT } from '../../i18n/I18nProvider';
import { AuthShell } from '../auth/AuthShell';
import { emailMessages } from './messages';

/** How the page names a notification type; a type newer than this list by its own name. */
function topicOf(t: Translate, type: string): string {
  const key = `email.topic.${type}`;
  return key in emailMessages ? t(key as 'email.topic.mention') : type.replace(/[._]/g, ' ');
}

function words(t: Translate, subscription: MailSubscription) {
  const frequency = t(
    subscription.frequency === 'daily' ? 'email.frequency.daily' : 'email.frequency.weekly',
  );
  const topic = topicOf(t, subscription.type ?? '');
  return subscription.kind === 'digest'
    ? {
        question: t('email.unsubscribe.digestQuestion', { frequency }),
        explain: t('email.unsubscribe.explainDigest'),
        done: t('email.unsubscribe.doneDigest', { frequency }),
        off: t('email.unsubscribe.offDigest', { frequency }),
        backOn: t('email.unsubscribe.backOnDigest', { frequency }),
      }
    : {
        question: t('email.unsubscribe.typeQuestion', { topic }),
        explain: t('email.unsubscribe.explainType'),
        done: t('email.unsubscribe.doneType', { topic }),
        off: t('email.unsubscribe.offType', { topic }),
        backOn: t('email.unsubscribe.backOnType', { topic }),
      };
}

/**
 * The page an unsubscribe link in a mail's footer opens (and where a mail app without
 * one-click support lands): it asks, unsubscribes, and offers to undo. No sign-in: the
 * signed token in the link is enough. Opening it changes nothing by itself, because link
 * checkers in mail systems open links too.
 */
export function UnsubscribePage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const news = useRef<HTMLParagraphElement>(null);
  usePageTitle(t('email.unsubscribe.title'));
  const current = useQuery({
    queryKey: queryKeys.mailSubscription(token),
    queryFn: () => getMailSubscription(token),
    enabled: token !== '',
    staleTime: Number.POSITIVE_INFINITY,
  });
  const change = useMutation({
    mutationFn: (subscribed: boolean) => changeMailSubscription(token, subscribed),
    onSuccess: (subscription) => {
      queryClient.setQueryData(queryKeys.mailSubscription(token), subscription);
      requestAnimationFrame(() => news.current?.focus());
    },
  });

  const settings = (
    <p>
      <Link to="/settings/notifications">{t('email.unsubscribe.settings')}</Link>
    </p>
  );

  if (token === '' || isApiError(current.error, 'invalid_unsubscribe_token')) {
    return (
      <AuthShell title={t('email.unsubscribe.invalidTitle')} footer={settings}>
        <p>{t('email.unsubscribe.invalidBody')}</p>
      </AuthShell>
    );
  }
  if (current.isPending) return <LoadingBlock label={t('email.unsubscribe.checking')} />;
  if (current.isError)
    return <ErrorState error={current.error} onRetry={() => current.refetch()} />;

  const subscription = current.data;
  const text = words(t, subscription);
  // What the person just did decides the wording; before that, what the link found.
  const changed = change.isSuccess;
  if (subscription.subscribed) {
    return (
      <AuthShell title={t('email.unsubscribe.title')} footer={settings}>
        {changed && (
          <p ref={news} tabIndex={-1} className="message message-success" role="status">
            {text.backOn}
          </p>
        )}
        <p className="mail-question">{text.question}</p>
        <p>{text.explain}</p>
        <ErrorMessage error={change.error} />
        <Button
          variant="primary"
          className="button-block"
          pending={change.isPending}
          onClick={() => change.mutate(false)}
        >
          {change.isPending ? t('email.unsubscribe.working') : t('email.unsubscribe.confirm')}
        </Button>
      </AuthShell>
    );
  }
  return (
    <AuthShell title={t('email.unsubscribe.title')} footer={settings}>
      <p ref={news} tabIndex={-1} className="message message-success" role="status">
        {changed ? text.done : text.off}
      </p>
      <ErrorMessage error={change.error} />
      <Button pending={change.isPending} onClick={() => change.mutate(true)}>
        {changed ? t('email.unsubscribe.undo') : t('email.unsubscribe.resubscribe')}
      </Button>
    </AuthShell>
  );
}
