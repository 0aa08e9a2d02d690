import type { Status } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { lookupAccount } from '../../api/accounts';
import { queryKeys } from '../../api/query-keys';
import { useDebouncedValue } from '../../components/use-debounced-value';
import { useCurrentAccount } from '../auth/session';
import { ColdAdvice } from './AdviceNote';
import { mentionedUsernames } from './mentions';

/** Advice for this many mentioned people at most: a status naming ten people needs no ten notes. */
const MAX_ADVISED = 2;
/** Mentions are looked up once typing pauses, not at every key press. */
const PAUSE_MS = 600;

/**
 * Under the status composer: advice for each person the draft mentions whom the author
 * has not got to know yet (channel `mention`). A reply to someone's status is the very
 * thing Rapport recommends, so the people already in that thread get no advice.
 */
export function MentionAdvice({ text, replyTo }: { text: string; replyTo: Status | null }) {
  const me = useCurrentAccount();
  const settled = useDebouncedValue(text, PAUSE_MS);
  const inThread = new Set(
    replyTo
      ? [replyTo.account.username, ...replyTo.mentions.map((m) => m.username)].map((u) =>
          u.toLowerCase(),
        )
      : [],
  );
  const usernames = mentionedUsernames(settled)
    .filter((username) => username !== me.username.toLowerCase() && !inThread.has(username))
    .slice(0, MAX_ADVISED);
  if (usernames.length === 0) return null;
  return (
    <div className="mention-advice">
      {usernames.map((username) => (
        <MentionedPerson key={username} username={username} />
      ))}
    </div>
  );
}

function MentionedPerson({ username }: { username: string }) {
  const account = useQuery({
    queryKey: queryKeys.account(username),
    queryFn: () => lookupAccount(username),
    retry: false,
    staleTime: 60_000,
  });
  if (!account.data) return null;
  return <ColdAdvice account={account.data} channel="mention" />;
}
