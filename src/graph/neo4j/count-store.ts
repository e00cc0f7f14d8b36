// The counts of a freshly imported database from Neo4j's count store: `MATCH (n:Label) RETURN count(n)` and
// `MATCH ()-[r:TYPE]->() RETURN count(r)` are answered from stored totals without touching a node, where the store's
// general `counts()` (one statement grouping every node by label, every relationship by type) reads them all: about
// 7 s at 1M credits on this machine, and ten times that at 10M.
import type { GraphCounts } from '../store.ts';

/** Runs one read statement and answers its rows as plain objects (the store's own auto-commit read). */
export type ReadRows = (query: string) => Promise<Record<string, unknown>[]>;

/** Labels and types come from the database itself; quoted with backticks, so any name is a valid identifier. */
const quote = (name: string) => `\`${name.replaceAll('`', '``')}\``;

export async function countStoreCounts(read: ReadRows): Promise<GraphCounts> {
  const names = async (query: string, field: string) => (await read(query)).map((r) => String(r[field]));
  const count = async (query: string) => Number((await read(query))[0]?.count ?? 0);
  const counts: GraphCounts = { nodes: {}, relationships: {} };
  for (const label of await names('CALL db.labels() YIELD label RETURN label', 'label'))
    counts.nodes[label] = await count(`MATCH (n:${quote(label)}) RETURN count(n) AS count`);
  for (const type of await names(
    'CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType',
    'relationshipType',
  ))
    counts.relationships[type] = await count(`MATCH ()-[r:${quote(type)}]->() RETURN count(r) AS count`);
  // db.labels() lists a label once used even with no node left; counts() leaves such a label out.
  for (const [label, n] of Object.entries(counts.nodes)) if (n === 0) delete counts.nodes[label];
  for (const [type, n] of Object.entries(counts.relationships)) if (n === 0) delete counts.relationships[type];
  return counts;
}
