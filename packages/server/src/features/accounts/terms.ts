/**
 * Search terms: lower-case words with accents removed, so "José" is found by "jose".
 * Used both for what is indexed and for what is searched.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function termsOf(...texts: string[]): string[] {
  const terms = new Set<string>();
  for (const text of texts) {
    for (const word of foldText(text).split(/[^\p{L}\p{N}]+/u)) {
      if (word.length > 0) terms.add(word.slice(0, 40));
    }
  }
  return [...terms];
}
