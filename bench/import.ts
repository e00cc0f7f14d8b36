// node bench/import.ts <dataset> --store neo4j|embedded|sqlite: time a bulk load as `npm run import` does it (sqlite:
// into a new embedded-store database, one transaction, fsynced); prints one JSON line.
// Runs as its own process so the harness's memory and the load's do not disturb each other.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readDatasetFile } from '../src/dataset/validate.ts';
import { GraphDatabase } from '../src/graph/memory/graph-database.ts';
import { MemoryStore } from '../src/graph/memory/memory-store.ts';
import { Neo4jStore } from '../src/graph/neo4j/neo4j-store.ts';
import { datasetToRows } from '../src/graph/rows.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { store: { type: 'string', default: 'neo4j' } } });
const file = positionals[0];
if (!file) throw new Error('usage: node bench/import.ts <dataset.json> --store neo4j|embedded|sqlite');

const seconds = (since: number) => (performance.now() - since) / 1000;
/** CPU seconds (user + system) since a process.cpuUsage() reading: steadier than wall time on a shared machine. */
const cpuSeconds = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};
let cpu = process.cpuUsage();
let t = performance.now();
const dataset = await readDatasetFile(file);
const readSeconds = seconds(t);
t = performance.now();
const rows = datasetToRows(dataset);
const rowsSeconds = seconds(t);

let loadSeconds: number;
let loadCpuSeconds: number | null = null;
let summary: { nodesCreated: number; relationshipsCreated: number; updated: number };
if (values.store === 'sqlite') {
  const dir = mkdtempSync(join(tmpdir(), 'liner-import-'));
  const db = GraphDatabase.open(join(dir, 'liner.db'));
  t = performance.now();
  cpu = process.cpuUsage();
  db.load(rows);
  loadSeconds = seconds(t);
  loadCpuSeconds = cpuSeconds(cpu);
  db.close();
  rmSync(dir, { recursive: true, force: true });
  summary = { nodesCreated: rows.nodes.length, relationshipsCreated: rows.rels.length, updated: 0 };
} else if (values.store === 'embedded') {
  const store = new MemoryStore();
  t = performance.now();
  cpu = process.cpuUsage();
  summary = await store.load(rows);
  loadSeconds = seconds(t);
  loadCpuSeconds = cpuSeconds(cpu);
} else {
  const store = new Neo4jStore({
    uri: process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7689',
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE ?? 'neo4j',
  });
  await store.applySchema();
  t = performance.now();
  summary = await store.load(rows);
  loadSeconds = seconds(t);
  await store.close();
}
console.info(
  JSON.stringify({
    store: values.store,
    nodes: rows.nodes.length,
    relationships: rows.rels.length,
    readAndValidateSeconds: readSeconds,
    rowsSeconds,
    loadSeconds,
    relationshipsPerSecond: rows.rels.length / loadSeconds,
    loadCpuSeconds,
    relationshipsPerCpuSecond: loadCpuSeconds === null ? null : rows.rels.length / loadCpuSeconds,
    summary,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  }),
);
