import type { Account, Chat } from '@rapport/schema';
import type { Translate } from '../../i18n';

export function personName(account: Pick<Account, 'display_name' | 'username'>): string {
  return account.display_name || account.username;
}

/** "Ana, Bruno and Carla" in the reader's language. */
export function joinNames(names: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(names);
}

/** How many names a conversation's name lists before "and N others". */
const NAMED = 3;

/**
 * What a conversation is called: its title, or the other participants' names (a few, then
 * how many more), or "Only you" once everyone else left.
 */
export function chatName(chat: Pick<Chat, 'title' | 'accounts'>, t: Translate, locale: string) {
  if (chat.title.trim()) return chat.title.trim();
  const names = chat.accounts.map(personName);
  if (names.length === 0) return t('chats.onlyYou');
  if (names.length <= NAMED) return joinNames(names, locale);
  return t('chats.namesAndOthers', {
    names: names.slice(0, NAMED - 1).join(', '),
    count: names.length - (NAMED - 1),
  });
}

/** "Seen by Bruno", "Seen by Bruno, Carla and 3 others". */
export function seenByText(readers: readonly Account[], t: Translate, locale: string): string {
  const names = readers.map(personName);
  if (names.length <= NAMED) return t('chats.seenBy', { names: joinNames(names, locale) });
  return t('chats.seenByMany', {
    names: names.slice(0, NAMED - 1).join(', '),
    count: names.length - (NAMED - 1),
  });
}
