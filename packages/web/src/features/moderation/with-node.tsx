import type { ReactNode } from 'react';

/** Stands in for a variable that becomes an element (a link on a name), see `withNode`. */
export const SLOT = '\u0000';

/**
 * A translated sentence with one element inside, e.g. a link on the name in "Reported by
 * {name}": translate with `SLOT` as the variable, then put the element where it landed.
 */
export function withNode(sentence: string, node: ReactNode): ReactNode {
  const [before, after] = sentence.split(SLOT);
  if (after === undefined) return sentence;
  return (
    <>
      {before}
      {node}
      {after}
    </>
  );
}
