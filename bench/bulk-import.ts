// npm run bench:bulk -- --credits 1000000 [--port 7709]: a first load of a synthetic catalogue into a local Neo4j two
// ways in one invocation: neo4j-admin (CSV written + import + start + schema + count check) and Liner's online loader
// into the same, emptied instance. Prints one JSON line with both rates and their ratio.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { validateDataset } from '../src/dataset/validate.ts';
import { Neo4jStore } from '../src/graph/neo4j/neo4j-store.ts';
import { datasetToRows } from '../src/graph/rows.ts';
import { bulkLoadLocal, localHome } from '../src/ingest/bulk/bulk-load.ts';
import { generateSynthetic } from './dataset/synthetic.ts';

const { values } = parseArgs({
  options: { credits: { type: 'string', default: '1000000' }, port: { type: 'string', default: '7709' } },
});
const credits = Number(values.credits);
const port = Number(values.port);
const password = 'liner-dev-password';
const store = () => new Neo4jStore({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, database: 'neo4j' });
const script = (name: string, env: Record<string, string> = {}) =>
  spawnSync('bash', [`tools/neo4j-local/${name}`], {
    env: { ...process.env, NEO4J_BOLT_PORT: String(port), NEO4J_PASSWORD: password, ...env },
    stdio: 'inherit',
  });

const rows = datasetToRows(validateDataset(generateSynthetic({ credits, seed: 'liner-bench' }).dataset));
const csvDir = mkdtempSync(join(tmpdir(), 'liner-bench-bulk-'));
try {
  const bulk = await bulkLoadLocal({ rows, csvDir, port, connect: async () => store(), log: () => {} });

  // The online loader, into the same instance started empty (a plain start wipes its data folder).
  script('stop.sh');
  script('start.sh');
  const online = store();
  const started = performance.now();
  await online.applySchema();
  await online.load(rows);
  const onlineSeconds = (performance.now() - started) / 1000;
  await online.close();

  const onlineRate = rows.rels.length / onlineSeconds;
  console.info(
    JSON.stringify({
      credits,
      nodes: rows.nodes.length,
      relationships: rows.rels.length,
      bulkSeconds: bulk.seconds,
      bulkRelationshipsPerSecond: Math.round(bulk.relationshipsPerSecond),
      onlineSeconds,
      onlineRelationshipsPerSecond: Math.round(onlineRate),
      bulkOverOnline: Number((bulk.relationshipsPerSecond / onlineRate).toFixed(2)),
      loadAverage: (await import('node:os')).loadavg().map((l) => Number(l.toFixed(1))),
    }),
  );
} finally {
  script('stop.sh');
  rmSync(csvDir, { recursive: true, force: true });
  rmSync(localHome(port), { recursive: true, force: true });
}
