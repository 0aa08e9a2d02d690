import type { Account, Tag } from '@rapport/schema';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { searchAccounts, searchHashtags } from '../../api/search';
import { useDebouncedValue } from '../../components/use-debounced-value';
import type { AutocompleteToken } from './autocomplete';

export type Suggestion =
  | { kind: 'mention'; value: string; account: Account }
  | { kind: 'hashtag'; value: string; tag: Tag };

/** People or hashtags for the token being typed, asked for once typing pauses. */
export function useSuggestions(token: AutocompleteToken | null): {
  suggestions: Suggestion[];
  loading: boolean;
} {
  const settled = useDebouncedValue(token ? `${token.kind}:${token.query}` : '', 200);
  const [kind, query = ''] = settled.split(':') as ['mention' | 'hashtag' | '', string?];
  const enabled = kind !== '' && query.length > 0;
  const result = useQuery({
    queryKey: queryKeys.suggestions(kind === 'hashtag' ? 'hashtags' : 'accounts', query),
    queryFn: async ({ signal }): Promise<Suggestion[]> => {
      if (kind === 'hashtag') {
        const tags = await searchHashtags(query, signal);
        return tags.map((tag) => ({ kind: 'hashtag', value: tag.name, tag }));
      }
      const accounts = await searchAccounts(query, signal);
      return accounts.map((account) => ({
        kind: 'mention',
        value: account.acct || account.username,
        account,
      }));
    },
    enabled,
    staleTime: 60_000,
    retry: false,
  });
  // Until the settled query matches what is typed, the old list would mislead.
  const current = token && settled === `${token.kind}:${token.query}`;
  return {
    suggestions: current && result.data ? result.data : [],
    loading: Boolean(token) && (!current || result.isFetching),
  };
}
