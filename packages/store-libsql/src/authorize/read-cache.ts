/**
 * Hot-path reads kept in memory while the database has not changed under them.
 *
 * `PRAGMA data_version` changes whenever ANOTHER connection (the dashboard's, another
 * process's) commits; this connection's own writes (sessions, bindings) do not change it,
 * and the store updates the cached rows itself when it writes them. So a cached row is
 * exactly what a query would return: a revoked key or license still fails at once. Each
 * request checks the version once (at its first read); the maps are dropped on a change
 * and when they grow past `maxEntries`.
 */
export class ReadCache {
  private version = Number.NaN;
  private readonly maps: Map<string, unknown>[] = [];

  constructor(
    private readonly dataVersion: () => number,
    private readonly maxEntries = 200_000,
  ) {}

  /** A map that lives as long as the database stays unchanged. */
  map<V>(): Map<string, V> {
    const map = new Map<string, V>();
    this.maps.push(map as Map<string, unknown>);
    return map;
  }

  /** Drops everything if another connection committed since the last check. */
  revalidate(): void {
    const version = this.dataVersion();
    if (version === this.version) return;
    this.version = version;
    this.clear();
  }

  /** Stores `value` unless the map is full, in which case it starts over. */
  remember<V>(map: Map<string, V>, key: string, value: V): V {
    if (map.size >= this.maxEntries) map.clear();
    map.set(key, value);
    return value;
  }

  clear(): void {
    for (const map of this.maps) map.clear();
  }
}
