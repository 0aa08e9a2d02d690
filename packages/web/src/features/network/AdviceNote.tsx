import type { Account, Advice, AdviceSuggestion, OutreachChannel } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useT } from '../../i18n/I18nProvider';
import { profilePath } from '../statuses/status-paths';
import { getAdvice, networkKeys } from './network-api';
import { personName } from './RelationshipParts';

/**
 * How best to reach `account` on `channel`, while it is worth saying: only before
 * recognition (a cold message rarely lands). Advice never blocks: it stays quiet while
 * loading or when the server cannot give any, and nothing waits for it.
 */
export function useColdAdvice(account: Account | null, channel: OutreachChannel): Advice | null {
  const advice = useQuery({
    queryKey: networkKeys.advice(account?.id ?? '', channel),
    queryFn: () => getAdvice(account?.id ?? '', channel),
    enabled: account !== null,
    retry: false,
    staleTime: 60_000,
  });
  return advice.data?.tone === 'cold' ? advice.data : null;
}

/** Where a suggestion leads: its own path, else the profile (who could introduce). */
function suggestionTarget(suggestion: AdviceSuggestion, account: Account): string | null {
  if (suggestion.path) return suggestion.path;
  if (suggestion.introducer) return profilePath(suggestion.introducer);
  if (suggestion.kind === 'introduction') return profilePath(account);
  return null;
}

/**
 * The advice beside a button that stays enabled: a headline and what to do instead, each
 * a link when there is somewhere to go. One component for messages, mentions and invites.
 */
export function AdviceNote({ advice, account }: { advice: Advice; account: Account }) {
  const t = useT();
  return (
    <aside
      className="advice-note"
      aria-label={t('network.adviceLabel', { name: personName(account) })}
    >
      <p className="advice-headline">{advice.headline}</p>
      {advice.suggestions.length > 0 && (
        <ul className="advice-suggestions">
          {advice.suggestions.map((suggestion) => {
            const to = suggestionTarget(suggestion, account);
            return (
              <li key={`${suggestion.kind}|${suggestion.status_id ?? ''}|${suggestion.text}`}>
                {to ? <Link to={to}>{suggestion.text}</Link> : suggestion.text}
              </li>
            );
          })}
        </ul>
      )}
      <p className="advice-never-blocks muted small">{t('network.adviceNeverBlocks')}</p>
    </aside>
  );
}

/** The advice for one person on one channel, or nothing when they already know each other. */
export function ColdAdvice({ account, channel }: { account: Account; channel: OutreachChannel }) {
  const advice = useColdAdvice(account, channel);
  return advice ? <AdviceNote advice={advice} account={account} /> : null;
}
