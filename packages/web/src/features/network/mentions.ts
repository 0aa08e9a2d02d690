/** Same rules as compose autocomplete: an @ at the start of a word, then a username. */
const MENTION = /(^|[\s([{"'«“‘])@([A-Za-z0-9_]+)(?![A-Za-z0-9_@.]*@)/gu;

/**
 * The local usernames a draft mentions, lower-cased, each once, in order of appearance.
 * `@name@domain` (a remote handle) and addresses such as `a@b.com` are not mentions here.
 */
export function mentionedUsernames(text: string): string[] {
  const seen = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const username = match[2];
    if (username) seen.add(username.toLowerCase());
  }
  return [...seen];
}
