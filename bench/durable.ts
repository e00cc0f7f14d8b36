// npm run bench:durable -- --before DIR [--scales 100k,1m]: the embedded store with DATA_DIR on disk, this code beside
// another checkout (e.g. the journal's), in one invocation: start-up, RSS, acknowledged writes/s, two reads.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchManifest } from './dataset/synthetic.ts';
import { datasetPath, manifestPath, writeSynthetic } from './generate.ts';
import { type LoadOptions, type LoadResult, measure } from './lib/load.ts';
import { type RunningServer, startServer } from './lib/processes.ts';
import { BENCH_TOKEN, scenarios } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    scales: { type: 'string', default: '100k,1m' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    out: { type: 'string', default: 'bench/out/durable.json' },
  },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCALE = (text: string) => Number(text.toLowerCase().replace(/k$/, '000').replace(/m$/, '000000'));
const log = (message: string) => console.info(`[durable ${new Date().toISOString().slice(11, 19)}] ${message}`);
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const load = (connections: number): LoadOptions => ({
  connections,
  duration: Number(values.duration),
  warmup: Number(values.warmup),
  runs: Number(values.runs),
});

interface Variant {
  name: string;
  /** The checkout whose src/main.ts runs. */
  root: string;
}

interface Measured {
  variant: string;
  credits: number;
  /** A first start on an empty DATA_DIR (the seed goes into the database, for SQLite), seconds. */
  firstStartSeconds: number;
  /** The start a restart costs: DATA_DIR already holds the data. */
  startupSeconds: number;
  rssAfterStartBytes: number;
  writesSequential: LoadResult;
  writesParallel: LoadResult;
  reads: Record<string, LoadResult>;
  rssAfterBytes: number;
}

const variants: Variant[] = [
  ...(values.before ? [{ name: 'before', root: resolve(values.before) }] : []),
  { name: 'after', root: ROOT },
];

async function benchVariant(variant: Variant, credits: number, manifest: BenchManifest): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), `liner-durable-${variant.name}-`));
  const env = { API_TOKENS: BENCH_TOKEN, LOG_LEVEL: 'warn', SEED_DATASET: datasetPath(credits), DATA_DIR: dataDir };
  const script = join(variant.root, 'src/main.ts');
  let server: RunningServer | undefined;
  try {
    const first = await startServer(`durable-${variant.name}-first`, script, env, 600_000);
    await first.stop();
    server = await startServer(`durable-${variant.name}`, script, env, 600_000);
    const started = server;
    log(
      `  ${variant.name}: first start ${(first.startupMs / 1000).toFixed(1)} s, restart ${(started.startupMs / 1000).toFixed(1)} s, RSS ${mb(started.rssBytes())}`,
    );
    const all = scenarios(manifest);
    const reads: Record<string, LoadResult> = {};
    for (const scenario of all.filter((s) => s.name === 'person' || s.name === 'nested')) {
      reads[scenario.name] = await measure(started.url, scenario.requests.embedded, load(10), { server: started.pid });
      log(`  ${variant.name}: read ${scenario.name} ${reads[scenario.name]?.rps.toFixed(0)} req/s`);
    }
    const upsert = all.find((s) => s.name === 'upsertPerson')?.requests.embedded;
    if (!upsert) throw new Error('no upsertPerson scenario');
    const writesSequential = await measure(started.url, upsert, load(1), { server: started.pid });
    log(`  ${variant.name}: writes, 1 client: ${writesSequential.rps.toFixed(0)}/s p50 ${writesSequential.p50} ms`);
    const writesParallel = await measure(started.url, upsert, load(10), { server: started.pid });
    log(`  ${variant.name}: writes, 10 clients: ${writesParallel.rps.toFixed(0)}/s p50 ${writesParallel.p50} ms`);
    return {
      variant: variant.name,
      credits,
      firstStartSeconds: first.startupMs / 1000,
      startupSeconds: started.startupMs / 1000,
      rssAfterStartBytes: started.rssBytes(),
      writesSequential,
      writesParallel,
      reads,
      rssAfterBytes: started.rssBytes(),
    };
  } finally {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const results: Measured[] = [];
for (const text of values.scales.split(',')) {
  const credits = SCALE(text);
  if (!existsSync(datasetPath(credits))) writeSynthetic(credits);
  const manifest = JSON.parse(readFileSync(manifestPath(credits), 'utf8')) as BenchManifest;
  log(`${text} credits`);
  for (const variant of variants) results.push(await benchVariant(variant, credits, manifest));
}

const rows = results.map(
  (r) =>
    `| ${r.credits.toLocaleString('en')} | ${r.variant} | ${r.firstStartSeconds.toFixed(1)} s | ${r.startupSeconds.toFixed(1)} s | ` +
    `${mb(r.rssAfterStartBytes)} | ${r.writesSequential.rps.toFixed(0)} (p50 ${r.writesSequential.p50} ms) | ` +
    `${r.writesParallel.rps.toFixed(0)} (p50 ${r.writesParallel.p50} ms) | ${r.reads.person?.rps.toFixed(0)} | ${r.reads.nested?.rps.toFixed(0)} |`,
);
const table = [
  '| credits | code | first start | restart | RSS after restart | writes/s, 1 client | writes/s, 10 clients | person req/s | nested req/s |',
  '|---|---|---|---|---|---|---|---|---|',
  ...rows,
].join('\n');
console.info(`\n${table}`);
mkdirSync(resolve(ROOT, 'bench/out'), { recursive: true });
writeFileSync(resolve(ROOT, values.out), `${JSON.stringify({ date: new Date().toISOString(), results }, null, 2)}\n`);
log(`written ${values.out}`);
