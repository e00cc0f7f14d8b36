// Grouping rows for a load: by label or relationship type, and one row per node or relationship.

export function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The last row for each key, ordered by where each key's last row stands: a repeated row in one load is one node or
 * relationship, holding what its last row says, as MERGE makes it.
 */
export function lastOfEach<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    last.delete(key);
    last.set(key, item);
  }
  return [...last.values()];
}
