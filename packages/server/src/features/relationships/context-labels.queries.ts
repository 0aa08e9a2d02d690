import type { Db } from '../../db/tables';

/** Where an act happened, for a sentence: the name and the phrase ("in #design"). */
export interface ContextLabel {
  name: string | null;
  phrase: string;
}

const idsOf = (keys: string[], prefixes: string[]) =>
  keys
    .map((key) => key.split(':'))
    .filter(([prefix, id]) => prefixes.includes(prefix ?? '') && /^\d+$/.test(id ?? ''))
    .map(([, id]) => Number(id));

/**
 * Names the contexts of a viewer's evidence. A community is named only when the viewer may
 * see it (public, or they are a member); pages, events and files are named because both
 * people worked on or attended them; a conversation is never named (only "in messages").
 */
export async function contextLabels(
  db: Db,
  viewerId: number,
  keys: string[],
): Promise<Map<string, ContextLabel>> {
  const communityIds = idsOf(keys, ['community']);
  const pageIds = idsOf(keys, ['page']);
  const eventIds = idsOf(keys, ['event', 'crowd']);
  const fileIds = idsOf(keys, ['file']);
  const [communities, memberships, pages, events, files] = await Promise.all([
    communityIds.length
      ? db
          .selectFrom('communities')
          .select(['id', 'name', 'privacy'])
          .where('id', 'in', communityIds)
          .execute()
      : [],
    communityIds.length
      ? db
          .selectFrom('community_members')
          .select('community_id')
          .where('account_id', '=', viewerId)
          .where('state', '=', 'member')
          .where('community_id', 'in', communityIds)
          .execute()
      : [],
    pageIds.length
      ? db.selectFrom('pages').select(['id', 'title']).where('id', 'in', pageIds).execute()
      : [],
    eventIds.length
      ? db.selectFrom('events').select(['id', 'title']).where('id', 'in', eventIds).execute()
      : [],
    fileIds.length
      ? db.selectFrom('community_files').select(['id', 'name']).where('id', 'in', fileIds).execute()
      : [],
  ]);
  const member = new Set(memberships.map((m) => m.community_id));
  const named = new Map<string, ContextLabel>();
  for (const c of communities) {
    const visible = c.privacy === 'public' || member.has(c.id);
    named.set(
      `community:${c.id}`,
      visible
        ? { name: c.name, phrase: `in ${c.name}` }
        : { name: null, phrase: 'in a private community' },
    );
  }
  for (const p of pages)
    named.set(`page:${p.id}`, { name: p.title, phrase: `on the page '${p.title}'` });
  for (const e of events) {
    const label = { name: e.title, phrase: `at '${e.title}'` };
    named.set(`event:${e.id}`, label);
    named.set(`crowd:${e.id}`, label);
  }
  for (const f of files)
    named.set(`file:${f.id}`, { name: f.name, phrase: `on the file '${f.name}'` });
  return new Map(keys.map((key) => [key, named.get(key) ?? labelOf(key)]));
}

/** Contexts named by their key alone (and imported free text, shown as written). */
function labelOf(key: string): ContextLabel {
  const [prefix, rest] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (key === 'timeline' || key === 'imported') return { name: null, phrase: '' };
  if (prefix === 'tag') return { name: `#${rest}`, phrase: `in #${rest}` };
  if (prefix === 'chat') return { name: 'messages', phrase: 'in messages' };
  if (prefix === 'introduction') return { name: null, phrase: 'through an introduction' };
  if (['community', 'page', 'event', 'crowd', 'file'].includes(prefix)) {
    return { name: null, phrase: '' };
  }
  return { name: key, phrase: `in ${key}` };
}
