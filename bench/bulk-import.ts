// npm run bench:bulk -- --credits 10000000 [--port 7689] [--online-credits 1000000] [--csv DIR]: a first load of a
// synthetic catalogue into a local Neo4j two ways in one invocation: neo4j-admin (CSV written + import + start + schema
// + count check, each step timed) and Liner's online loader into the same, emptied instance. At 10M credits the online
// load would take about an hour here, so --online-credits measures it on a smaller catalogue (0 skips it) and the
// report says which. Prints one JSON line. The CSV goes to bench/data (not committed) for `npm run bench` to reuse.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { validateDataset } from '../src/dataset/validate.ts';
import { Neo4jStore } from '../src/graph/neo4j/neo4j-store.ts';
import { datasetToRows, type GraphRows } from '../src/graph/rows.ts';
import { importLocal, writeBulkFiles } from '../src/ingest/bulk/bulk-load.ts';
import { generateSynthetic } from './dataset/synthetic.ts';
import { csvPath, DATA_DIR, datasetPath, manifestPath } from './generate.ts';
import { writeJsonStreamed } from './lib/json-stream.ts';
import { BENCH_NEO4J_ENV } from './lib/neo4j-instance.ts';

const { values } = parseArgs({
  options: {
    credits: { type: 'string', default: '1000000' },
    port: { type: 'string', default: '7709' },
    'online-credits': { type: 'string' },
    csv: { type: 'string' },
    // Also write the catalogue's JSON and manifest into bench/data (untimed), so the bench and
    // bench:embedded-start reuse this generation instead of making the catalogue again.
    'write-dataset': { type: 'boolean', default: false },
  },
});
const credits = Number(values.credits);
const onlineCredits = Number(values['online-credits'] ?? credits);
const port = Number(values.port);
const password = 'liner-dev-password';
const store = () => new Neo4jStore({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, database: 'neo4j' });
// The bench's heap and page cache, so the reads after a bulk load run on the same settings.
const neo4jEnv = { NEO4J_BOLT_PORT: String(port), NEO4J_PASSWORD: password, ...BENCH_NEO4J_ENV };
const script = (name: string) =>
  spawnSync('bash', [`tools/neo4j-local/${name}`], { env: { ...process.env, ...neo4jEnv }, stdio: 'inherit' });
const load = () => loadavg().map((l) => Number(l.toFixed(1)));
const log = (line: string) => console.error(`[bulk ${new Date().toISOString().slice(11, 19)}] ${line}`);
const round = (s: number) => Number(s.toFixed(1));

async function syntheticRows(n: number, write = false): Promise<{ rows: GraphRows; seconds: number }> {
  const started = performance.now();
  let { dataset, manifest } = generateSynthetic({ credits: n, seed: 'liner-bench' });
  if (write) {
    mkdirSync(DATA_DIR, { recursive: true });
    const writeStarted = performance.now();
    await writeJsonStreamed(datasetPath(n), dataset as unknown as Record<string, unknown>);
    writeFileSync(manifestPath(n), `${JSON.stringify(manifest, null, 2)}\n`);
    log(`wrote ${datasetPath(n)} in ${((performance.now() - writeStarted) / 1000).toFixed(1)} s (not counted)`);
  }
  const valid = validateDataset(dataset);
  // Only the rows are needed from here: at 10M credits each copy of the catalogue is gigabytes.
  dataset = undefined as unknown as typeof dataset;
  manifest = undefined as unknown as typeof manifest;
  return { rows: datasetToRows(valid), seconds: (performance.now() - started) / 1000 };
}

const loadAtStart = load();
let generated: { rows: GraphRows; seconds: number } | null = await syntheticRows(credits, values['write-dataset']);
const { nodes, rels } = { nodes: generated.rows.nodes.length, rels: generated.rows.rels.length };
const generateSeconds = generated.seconds;
log(`${credits} credits: ${nodes} nodes, ${rels} relationships generated in ${generateSeconds.toFixed(1)} s`);
const csvDir = resolve(values.csv ?? csvPath(credits));
Object.assign(process.env, neo4jEnv);
// bulkLoadLocal's steps, with the rows let go once the CSV is written: neo4j-admin and Neo4j need the memory.
const started = performance.now();
const csv = await writeBulkFiles(generated.rows, csvDir);
const csvSeconds = (performance.now() - started) / 1000;
generated = null;
log(`CSV written in ${csvSeconds.toFixed(1)} s into ${csvDir}, load average ${load()}`);
const imported = await importLocal({ csv, port, connect: async () => store(), log });
const total = (performance.now() - started) / 1000;
const bulk = {
  csv,
  seconds: { ...imported.seconds, csv: csvSeconds, total },
  relationshipsPerSecond: csv.relationships / total,
};
const loadAfterBulk = load();
log(`bulk: ${JSON.stringify(bulk.seconds)} = ${Math.round(bulk.relationshipsPerSecond)} rel/s, load average ${loadAfterBulk}`);

let online: { credits: number; relationships: number; seconds: number; relationshipsPerSecond: number } | null = null;
if (onlineCredits > 0) {
  const slice = await syntheticRows(onlineCredits);
  // The online loader, into the same instance started empty (a plain start wipes its data folder).
  delete process.env.NEO4J_KEEP_DATA;
  script('stop.sh');
  script('start.sh');
  const target = store();
  const started = performance.now();
  await target.applySchema();
  await target.load(slice.rows);
  const seconds = (performance.now() - started) / 1000;
  await target.close();
  online = {
    credits: onlineCredits,
    relationships: slice.rows.rels.length,
    seconds,
    relationshipsPerSecond: slice.rows.rels.length / seconds,
  };
  log(`online (${onlineCredits} credits): ${seconds.toFixed(1)} s = ${Math.round(online.relationshipsPerSecond)} rel/s`);
}
script('stop.sh');

console.info(
  JSON.stringify({
    credits,
    nodes,
    relationships: rels,
    generateSeconds: round(generateSeconds),
    bulkSeconds: Object.fromEntries(Object.entries(bulk.seconds).map(([k, v]) => [k, round(v)])),
    bulkRelationshipsPerSecond: Math.round(bulk.relationshipsPerSecond),
    multilineParsing: bulk.csv.files.some((f) => f.multiline !== false),
    csvDir,
    online: online && {
      ...online,
      seconds: round(online.seconds),
      relationshipsPerSecond: Math.round(online.relationshipsPerSecond),
    },
    bulkOverOnline: online && Number((bulk.relationshipsPerSecond / online.relationshipsPerSecond).toFixed(2)),
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    loadAverage: { start: loadAtStart, afterBulk: loadAfterBulk, end: load() },
  }),
);
