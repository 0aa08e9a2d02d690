import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useDebouncedValue } from './use-debounced-value';

/**
 * A search box and the `?q=` in the address bar following each other, debounced; the
 * address's other parameters (a tab, a filter) stay as they are.
 */
export function useSearchQuery(): [
  input: string,
  setInput: (value: string) => void,
  query: string,
] {
  const [params, setParams] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';
  const [input, setInput] = useState(query);
  const debounced = useDebouncedValue(input.trim(), 300);
  const lastQuery = useRef(query);

  useEffect(() => {
    if (debounced === lastQuery.current) return;
    lastQuery.current = debounced;
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (debounced) next.set('q', debounced);
        else next.delete('q');
        return next;
      },
      { replace: true },
    );
  }, [debounced, setParams]);

  // Back/forward or a link changed the address: show what it searches.
  useEffect(() => {
    if (query === lastQuery.current) return;
    lastQuery.current = query;
    setInput(query);
  }, [query]);

  return [input, setInput, query];
}
