// npm run bench:durable -- --before DIR [--scales 100k,1m]: the embedded store with DATA_DIR on disk, this code beside
// another checkout (e.g. the journal's), in one invocation: start-up, RSS, acknowledged writes/s, two reads, the
// servers of both running side by side and measured in alternation.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchManifest } from './dataset/synthetic.ts';
import { datasetPath, manifestPath, writeSynthetic } from './generate.ts';
import { type LoadOptions, type LoadResult, measure, median, type RequestSpec } from './lib/load.ts';
import { procCpuMicros, type RunningServer, startServer } from './lib/processes.ts';
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
  /**
   * CPU seconds (user + system) the restart used until it listened: on a shared machine a start-up's wall time
   * mostly measures the other work, its own CPU time far less.
   */
  startupCpuSeconds: number;
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

interface Started {
  variant: Variant;
  dataDir: string;
  first: RunningServer;
  server: RunningServer;
  startupCpuSeconds: number;
}

/** A first start on an empty DATA_DIR (then stopped), and the restart that is measured and kept running. */
async function startVariant(variant: Variant, credits: number): Promise<Started> {
  const dataDir = mkdtempSync(join(tmpdir(), `liner-durable-${variant.name}-`));
  const env = { API_TOKENS: BENCH_TOKEN, LOG_LEVEL: 'warn', SEED_DATASET: datasetPath(credits), DATA_DIR: dataDir };
  const script = join(variant.root, 'src/main.ts');
  const first = await startServer(`durable-${variant.name}-first`, script, env, 600_000);
  await first.stop();
  const server = await startServer(`durable-${variant.name}`, script, env, 600_000);
  const startupCpuSeconds = procCpuMicros(server.pid) / 1e6;
  log(
    `  ${variant.name}: first start ${(first.startupMs / 1000).toFixed(1)} s, restart ${(server.startupMs / 1000).toFixed(1)} s ` +
      `(${startupCpuSeconds.toFixed(1)} s of CPU), RSS ${mb(server.rssBytes())}`,
  );
  return { variant, dataDir, first, server, startupCpuSeconds };
}

/** Runs alternate between the variants (A B A B …), so a machine busy with other work weighs on both alike. */
async function interleaved(started: Started[], spec: RequestSpec, connections: number): Promise<LoadResult[]> {
  const runs: LoadResult[][] = started.map(() => []);
  for (let run = 0; run < Number(values.runs); run++)
    for (const [i, s] of started.entries())
      runs[i]?.push(
        await measure(
          s.server.url,
          spec,
          { ...load(connections), runs: 1, warmup: run === 0 ? load(1).warmup : 0 },
          { server: s.server.pid },
        ),
      );
  return runs.map((r) => {
    const rps = r.map((x) => x.rps);
    return {
      ...(r[0] as LoadResult),
      rps: median(rps),
      p50: median(r.map((x) => x.p50)),
      p99: median(r.map((x) => x.p99)),
      rpsMin: Math.min(...rps),
      rpsMax: Math.max(...rps),
      failures: r.reduce((n, x) => n + x.failures, 0),
      runs: r.flatMap((x) => x.runs),
    };
  });
}

async function benchScale(credits: number, manifest: BenchManifest): Promise<Measured[]> {
  const started: Started[] = [];
  try {
    // One after the other: two start-ups at once would each measure the other's load.
    for (const variant of variants) started.push(await startVariant(variant, credits));
    const rssAfterStart = started.map((s) => s.server.rssBytes());
    const all = scenarios(manifest);
    const reads: Record<string, LoadResult>[] = started.map(() => ({}));
    for (const scenario of all.filter((s) => s.name === 'person' || s.name === 'nested')) {
      const results = await interleaved(started, scenario.requests.embedded, 10);
      results.forEach((r, i) => {
        (reads[i] as Record<string, LoadResult>)[scenario.name] = r;
        log(
          `  ${started[i]?.variant.name}: read ${scenario.name} ${r.rps.toFixed(0)} req/s (runs ${r.runs.map((x) => x.rps.toFixed(0)).join(', ')})`,
        );
      });
    }
    const upsert = all.find((s) => s.name === 'upsertPerson')?.requests.embedded;
    if (!upsert) throw new Error('no upsertPerson scenario');
    const sequential = await interleaved(started, upsert, 1);
    const parallel = await interleaved(started, upsert, 10);
    started.forEach((s, i) =>
      log(`  ${s.variant.name}: writes/s, 1 client ${sequential[i]?.rps.toFixed(0)}, 10 clients ${parallel[i]?.rps.toFixed(0)}`),
    );
    return started.map((s, i) => ({
      variant: s.variant.name,
      credits,
      firstStartSeconds: s.first.startupMs / 1000,
      startupSeconds: s.server.startupMs / 1000,
      startupCpuSeconds: s.startupCpuSeconds,
      rssAfterStartBytes: rssAfterStart[i] ?? 0,
      writesSequential: sequential[i] as LoadResult,
      writesParallel: parallel[i] as LoadResult,
      reads: reads[i] ?? {},
      rssAfterBytes: s.server.rssBytes(),
    }));
  } finally {
    for (const s of started) {
      await s.server.stop();
      rmSync(s.dataDir, { recursive: true, force: true });
    }
  }
}

const results: Measured[] = [];
for (const text of values.scales.split(',')) {
  const credits = SCALE(text);
  if (!existsSync(datasetPath(credits))) writeSynthetic(credits);
  const manifest = JSON.parse(readFileSync(manifestPath(credits), 'utf8')) as BenchManifest;
  log(`${text} credits`);
  results.push(...(await benchScale(credits, manifest)));
}

const rows = results.map(
  (r) =>
    `| ${r.credits.toLocaleString('en')} | ${r.variant} | ${r.firstStartSeconds.toFixed(1)} s | ${r.startupSeconds.toFixed(1)} s (${r.startupCpuSeconds.toFixed(1)} s CPU) | ` +
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
