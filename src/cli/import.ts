// npm run import -- <file> [--neo4j] [--dry-run]: validate a dataset file, then load it into Neo4j in one transaction.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { readDatasetFile } from '../dataset/validate.ts';
import { neo4jStoreFrom } from '../graph/create-store.ts';
import { datasetToRows } from '../graph/rows.ts';
import { runCommand } from './run.ts';

const USAGE = 'usage: npm run import -- <dataset.json> [--neo4j] [--dry-run]';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { neo4j: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const rows = datasetToRows(await readDatasetFile(file));
  const tally = (items: { label?: string; type?: string }[]) =>
    Object.entries(
      items.reduce<Record<string, number>>((acc, i) => {
        const k = i.label ?? i.type ?? '?';
        acc[k] = (acc[k] ?? 0) + 1;
        return acc;
      }, {}),
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
  console.info(`${file} is valid: ${rows.nodes.length} nodes (${tally(rows.nodes)})`);
  console.info(`  and ${rows.rels.length} relationships (${tally(rows.rels)})`);
  if (values['dry-run']) return 0;
  if (!values.neo4j && !config.NEO4J_URI) {
    console.info('No NEO4J_URI set and no --neo4j: validated only. The embedded store loads SEED_DATASET at start.');
    return 0;
  }
  if (!config.NEO4J_URI) {
    console.error('--neo4j needs NEO4J_URI (and NEO4J_PASSWORD) in the environment.');
    return 2;
  }
  const store = neo4jStoreFrom(config);
  try {
    await store.applySchema();
    const started = performance.now();
    const summary = await store.load(rows);
    const seconds = (performance.now() - started) / 1000;
    const unchanged =
      rows.nodes.length + rows.rels.length - summary.nodesCreated - summary.relationshipsCreated - summary.updated;
    console.info(
      `Imported into Neo4j in ${seconds.toFixed(2)} s: created ${summary.nodesCreated} nodes and ` +
        `${summary.relationshipsCreated} relationships, updated ${summary.updated}, left ${unchanged} unchanged.`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

runCommand(main);
