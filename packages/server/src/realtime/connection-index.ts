/**
 * The hub's indexes: connections by a key (an account, a stream, a tag), with empty sets
 * dropped so an index holds only keys someone listens to.
 */
export function addTo<K, C>(index: Map<K, Set<C>>, key: K, connection: C): void {
  const set = index.get(key);
  if (set) set.add(connection);
  else index.set(key, new Set([connection]));
}

/** Whether the connection was there; the key goes once nobody is left under it. */
export function removeFrom<K, C>(index: Map<K, Set<C>>, key: K, connection: C): boolean {
  const set = index.get(key);
  if (!set?.delete(connection)) return false;
  if (set.size === 0) index.delete(key);
  return true;
}

/**
 * The connections of these accounts that `keep` accepts, walking the smaller side: a
 * status may reach thousands of home feeds with few of them online.
 */
export function connectionsOfAccounts<C>(
  byAccount: Map<number, Set<C>>,
  accountIds: Set<number>,
  keep: (connection: C) => boolean,
): C[] {
  const found: C[] = [];
  const take = (set: Set<C> | undefined) => {
    for (const connection of set ?? []) if (keep(connection)) found.push(connection);
  };
  if (byAccount.size < accountIds.size) {
    for (const [id, set] of byAccount) if (accountIds.has(id)) take(set);
  } else {
    for (const id of accountIds) take(byAccount.get(id));
  }
  return found;
}
