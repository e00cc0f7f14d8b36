// npm run db:check | backup -- <file> | db:restore -- <file> | db:to-neo4j: the embedded store's database in DATA_DIR.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, loadConfig } from '../config.ts';
import { neo4jStoreFrom } from '../graph/create-store.ts';
import { backupDatabase, checkDatabase, databaseFileIn, restoreDatabase } from '../graph/memory/database-tools.ts';
import { GraphDatabase } from '../graph/memory/graph-database.ts';
import type { GraphRows } from '../graph/rows.ts';
import { runCommand } from './run.ts';

const USAGE = `usage: npm run db:check [-- --file FILE]   check DATA_DIR's database (or FILE, e.g. a backup); safe beside the server
       npm run backup -- FILE               SQLite's online backup of DATA_DIR's database into FILE, while the server runs
       npm run db:restore -- FILE           with the server stopped: replace DATA_DIR's database by the backup FILE
       npm run db:to-neo4j                  load DATA_DIR's database into NEO4J_URI: the very rows, sources and quotes included`;

const counts = (r: { nodes: number; relationships: number }) => `${r.nodes} nodes, ${r.relationships} relationships`;

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { file: { type: 'string' } } });
  const config = loadConfig();
  if (config.DATA_DIR === 'off' && values.file === undefined) {
    console.error('liner: DATA_DIR=off: the embedded store keeps nothing on disk, so there is no database to work on');
    return 2;
  }
  const dir = resolve(config.DATA_DIR);
  const [target] = positionals;
  if (command === 'check' && positionals.length === 0) {
    const report = checkDatabase(values.file ?? databaseFileIn(dir));
    console.info(`liner: ${report.file} is sound: ${counts(report)}`);
    return 0;
  }
  if (command === 'backup' && target && positionals.length === 1) {
    const report = await backupDatabase(databaseFileIn(dir), resolve(target));
    console.info(`liner: backed up ${counts(report)} into ${report.file} (checked)`);
    return 0;
  }
  if (command === 'restore' && target && positionals.length === 1) {
    const { report, keptAs } = restoreDatabase(dir, resolve(target));
    console.info(
      `liner: restored ${counts(report)} from ${resolve(target)} into ${report.file}` +
        (keptAs ? `; the database it replaced is kept as ${keptAs}` : ''),
    );
    return 0;
  }
  if (command === 'to-neo4j' && positionals.length === 0) return toNeo4j(config, databaseFileIn(dir));
  console.error(USAGE);
  return 2;
}

/**
 * Moving to Neo4j: the rows the embedded store holds are the rows Neo4j holds (src/graph/rows.ts), so they are
 * loaded as they are, through the Neo4j adapter's own load (one transaction, or batches into an empty database).
 * Read-only on the embedded side, so it may run beside the server; writes it makes afterwards are not carried over.
 */
async function toNeo4j(config: Config, file: string): Promise<number> {
  if (!config.NEO4J_URI) {
    console.error('liner: db:to-neo4j needs NEO4J_URI (and NEO4J_PASSWORD) in the environment');
    return 2;
  }
  const db = GraphDatabase.open(file, { readOnly: true });
  let rows: GraphRows;
  try {
    rows = db.readAll();
  } finally {
    db.close();
  }
  const store = neo4jStoreFrom(config);
  try {
    await store.applySchema();
    const summary = await store.load(rows);
    console.info(
      `liner: loaded ${counts({ nodes: rows.nodes.length, relationships: rows.rels.length })} from ${file} into ` +
        `${config.NEO4J_URI}: created ${summary.nodesCreated} nodes and ${summary.relationshipsCreated} relationships, updated ${summary.updated}`,
    );
  } finally {
    await store.close();
  }
  return 0;
}

runCommand(main);
