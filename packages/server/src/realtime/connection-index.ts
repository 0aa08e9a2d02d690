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
