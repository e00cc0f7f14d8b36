// The bench's Neo4j loaded by neo4j-admin from CSV written once into bench/data: at 10M credits the online loader
// would take most of an hour here, the bulk path minutes (bench/notes.md).
import { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { countDifferences, importLocal, readBulkFiles } from '../../src/ingest/bulk/bulk-load.ts';
import { BENCH_NEO4J_ENV, type Neo4jInstance } from './neo4j-instance.ts';
import type { ImportResult } from './results.ts';

export async function bulkIntoBenchNeo4j(
  instance: Neo4jInstance,
  csvDir: string,
  log: (line: string) => void,
): Promise<{ result: ImportResult; note: string }> {
  const csv = await readBulkFiles(csvDir);
  // tools/neo4j-local's scripts read these from the environment importLocal passes on.
  Object.assign(process.env, { NEO4J_PASSWORD: instance.password, ...BENCH_NEO4J_ENV });
  const report = await importLocal({
    csv,
    port: instance.port,
    connect: async () => new Neo4jStore({ uri: instance.uri, user: 'neo4j', password: instance.password, database: 'neo4j' }),
    log,
  });
  const s = report.seconds;
  const note =
    `Neo4j loaded by neo4j-admin from ${csvDir} (CSV written earlier, not timed here): import ${s.import.toFixed(1)} s, ` +
    `start ${s.start.toFixed(1)} s, schema ${s.schema.toFixed(1)} s, count check ${s.check.toFixed(1)} s, ` +
    `${Math.round(report.relationshipsPerSecond)} relationships/s`;
  return {
    note,
    result: {
      store: 'neo4j (neo4j-admin)',
      nodes: csv.nodes,
      relationships: csv.relationships,
      readAndValidateSeconds: 0,
      rowsSeconds: 0,
      loadSeconds: s.total,
      relationshipsPerSecond: report.relationshipsPerSecond,
      peakRssBytes: 0,
    },
  };
}

/** An instance loaded earlier: refused unless it holds exactly what the CSV describes (label and type counts). */
export async function keptInBenchNeo4j(instance: Neo4jInstance, csvDir: string): Promise<ImportResult> {
  const csv = await readBulkFiles(csvDir);
  const store = new Neo4jStore({ uri: instance.uri, user: 'neo4j', password: instance.password, database: 'neo4j' });
  try {
    const differences = countDifferences(csv, await store.storedCounts());
    if (differences.length > 0)
      throw new Error(`--neo4j-load keep: ${instance.uri} does not hold ${csvDir}:\n  ${differences.join('\n  ')}`);
  } finally {
    await store.close();
  }
  return {
    store: 'neo4j (loaded before)',
    nodes: csv.nodes,
    relationships: csv.relationships,
    readAndValidateSeconds: 0,
    rowsSeconds: 0,
    loadSeconds: 0,
    relationshipsPerSecond: 0,
    peakRssBytes: 0,
  };
}
