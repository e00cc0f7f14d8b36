// npm run bench:catalogue -- --credits 1m,10m [--sources discogs,musicbrainz] [--steps dump-csv,neo4j]
//   [--port 7711] [--label NAME]
//
// A whole catalogue's path from its dump to a Neo4j ready to serve, each step its own process, timed (wall and CPU
// time, threads included) with its peak RSS. Steps: `dump-csv`, the dump converted straight into neo4j-admin CSV
// (`npm run neo4j:import -- --from discogs|musicbrainz … --files-only`); or `convert`, the dump converted to a JSON
// Lines dataset (`npm run import -- --from … --out x.ndjson`), then `csv`, that dataset written as CSV
// (`npm run neo4j:import -- x.ndjson --files-only`); then `neo4j`: neo4j-admin's import, Neo4j's start, Liner's
// schema and the count check. Dumps are generated once into bench/data (not timed). Run it alone on the machine: the
// load average is printed beside every step.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Neo4jStore } from '../src/graph/neo4j/neo4j-store.ts';
import { importLocal, readBulkFiles } from '../src/ingest/bulk/bulk-load.ts';
import { writeDiscogsDump } from './dataset/discogs-dump.ts';
import { writeMusicBrainzDump } from './dataset/musicbrainz-dump.ts';
import { DATA_DIR } from './generate.ts';
import { BENCH_NEO4J_ENV } from './lib/neo4j-instance.ts';
import { describeMachine, RESULTS_JSON, readResults } from './lib/results.ts';

const { values } = parseArgs({
  options: {
    credits: { type: 'string', default: '1m' },
    sources: { type: 'string', default: 'discogs' },
    steps: { type: 'string', default: 'dump-csv,neo4j' },
    port: { type: 'string', default: '7711' },
    label: { type: 'string', default: 'catalogue' },
  },
});

type Source = 'discogs' | 'musicbrainz';
const count = (text: string) => {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!m) throw new Error(`--credits: "${text}" is not a count like 1m, 500k or 2000000`);
  return Math.round(Number(m[1]) * ({ k: 1e3, m: 1e6 }[(m[2] as string).toLowerCase()] ?? 1));
};
const sizes = (values.credits as string).split(',').map(count);
const sources = (values.sources as string).split(',') as Source[];
const steps = new Set((values.steps as string).split(','));
const port = Number(values.port);
const password = 'liner-dev-password';
const load = () => loadavg().map((l) => Number(l.toFixed(2)));
const log = (line: string) => console.error(`[catalogue ${new Date().toISOString().slice(11, 19)}] ${line}`);
const round = (n: number, digits = 1) => Number(n.toFixed(digits));
const ROOT = resolve(import.meta.dirname, '..');

interface StepResult {
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  loadAverage: { before: number[]; after: number[] };
}

/**
 * The V8 flag package.json's `import` and `neo4j:import` scripts run with: a young generation of 32 MB lets a
 * record's short-lived objects die young (peak RSS 0.90 → 0.75 GB at 1M credits, no slower).
 */
const NODE_FLAGS = ['--max-semi-space-size=32'];

/** One step as its own process: wall time here, CPU time and peak RSS from the child (usage-on-exit.ts). */
function runStep(name: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<StepResult & { stdout: string }> {
  const usageFile = join(DATA_DIR, `usage-${process.pid}.json`);
  rmSync(usageFile, { force: true });
  const before = load();
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [...NODE_FLAGS, '--import', join(ROOT, 'bench/lib/usage-on-exit.ts'), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, LINER_BENCH_USAGE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const out: string[] = [];
    const err: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) {
        reject(new Error(`${name} failed (exit ${code}):\n${err.join('').slice(-4000)}`));
        return;
      }
      const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { cpuSeconds: number; peakRssBytes: number };
      rmSync(usageFile, { force: true });
      resolvePromise({ seconds, ...usage, loadAverage: { before, after: load() }, stdout: out.join('') });
    });
  });
}

/** The generated dump of about `credits` credits, written once; its credit count as the generator made it. */
async function dumpOf(source: Source, credits: number): Promise<{ file: string; credits: number; bytes: number }> {
  const dir = join(DATA_DIR, 'catalogue', `${source}-${credits}`);
  const file = join(dir, source === 'discogs' ? 'discogs_20260101_releases.xml' : 'recording');
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) {
    await mkdir(dir, { recursive: true });
    log(`generating a ${source} dump of ${credits} credits in ${dir} (not timed)`);
    const summary = source === 'discogs' ? await writeDiscogsDump(file, credits) : await writeMusicBrainzDump(file, credits);
    const made = 'credits' in summary ? summary.credits : (summary as { relationships: number }).relationships;
    writeFileSync(manifest, JSON.stringify({ credits: made }));
  }
  const made = (JSON.parse(readFileSync(manifest, 'utf8')) as { credits: number }).credits;
  return { file, credits: made, bytes: statSync(file).size };
}

const describe = (step: StepResult) => ({
  seconds: round(step.seconds),
  cpuSeconds: round(step.cpuSeconds),
  peakRssMB: Math.round(step.peakRssBytes / 1024 / 1024),
  loadAverage: step.loadAverage,
});

const rows: Record<string, unknown>[] = [];
for (const source of sources)
  for (const size of sizes) {
    const dump = await dumpOf(source, size);
    const dir = join(DATA_DIR, 'catalogue', `${source}-${size}`);
    const dataset = join(dir, 'dataset.ndjson');
    const csvDir = join(dir, 'csv');
    const row: Record<string, unknown> = { source, credits: dump.credits, dumpBytes: dump.bytes };
    log(`${source} ${size}: ${dump.credits} credits, ${dump.bytes} bytes of dump, load average ${load()}`);

    if (steps.has('convert')) {
      const step = await runStep('convert', ['src/cli/import.ts', '--from', source, dump.file, '--out', dataset], {
        DATA_DIR: 'off',
      });
      row.convert = {
        ...describe(step),
        creditsPerSecond: Math.round(dump.credits / step.seconds),
        datasetBytes: statSync(dataset).size,
      };
      log(`convert: ${JSON.stringify(row.convert)}`);
    }
    if (steps.has('dump-csv')) {
      const step = await runStep('dump-csv', [
        'src/cli/bulk-import.ts',
        '--from',
        source,
        dump.file,
        '--csv',
        csvDir,
        '--files-only',
      ]);
      const csv = await readBulkFiles(csvDir);
      row.relationships = csv.relationships;
      row.nodes = csv.nodes;
      row.dumpCsv = {
        ...describe(step),
        creditsPerSecond: Math.round(dump.credits / step.seconds),
        relationshipsPerSecond: Math.round(csv.relationships / step.seconds),
      };
      log(`dump-csv: ${JSON.stringify(row.dumpCsv)}`);
    }
    if (steps.has('csv')) {
      const step = await runStep('csv', ['src/cli/bulk-import.ts', dataset, '--csv', csvDir, '--files-only']);
      const csv = await readBulkFiles(csvDir);
      row.relationships = csv.relationships;
      row.nodes = csv.nodes;
      row.csv = { ...describe(step), relationshipsPerSecond: Math.round(csv.relationships / step.seconds) };
      log(`csv: ${JSON.stringify(row.csv)}`);
    }
    if (steps.has('neo4j')) {
      const csv = await readBulkFiles(csvDir);
      Object.assign(process.env, { NEO4J_BOLT_PORT: String(port), NEO4J_PASSWORD: password, ...BENCH_NEO4J_ENV });
      const before = load();
      const report = await importLocal({
        csv,
        port,
        connect: async () => new Neo4jStore({ uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, database: 'neo4j' }),
        log: (line) => log(`  ${line}`),
      });
      const s = report.seconds;
      row.neo4j = {
        seconds: { import: round(s.import), start: round(s.start), schema: round(s.schema), check: round(s.check) },
        adminRelationshipsPerSecond: Math.round(csv.relationships / s.import),
        loadAverage: { before, after: load() },
      };
      log(`neo4j: ${JSON.stringify(row.neo4j)}`);
      await new Promise<void>((done) =>
        spawn('bash', ['tools/neo4j-local/stop.sh'], { cwd: ROOT, env: process.env, stdio: 'ignore' }).on('close', () => done()),
      );
    }
    const direct = row.dumpCsv as { seconds: number } | undefined;
    const convert = row.convert as { seconds: number } | undefined;
    const csvStep = row.csv as { seconds: number } | undefined;
    const toCsv = direct?.seconds ?? (convert && csvStep ? convert.seconds + csvStep.seconds : undefined);
    const neo4j = row.neo4j as { seconds: Record<string, number> } | undefined;
    if (toCsv !== undefined && neo4j) {
      const total = toCsv + Object.values(neo4j.seconds).reduce((a, b) => a + b, 0);
      // Liner's own steps: everything but neo4j-admin's import and Neo4j's start.
      const liner = toCsv + (neo4j.seconds.schema ?? 0) + (neo4j.seconds.check ?? 0);
      row.endToEnd = {
        seconds: round(total),
        relationshipsPerSecond: Math.round((row.relationships as number) / total),
        linerShare: round(liner / total, 2),
      };
      log(`end to end: ${JSON.stringify(row.endToEnd)}`);
    }
    rows.push(row);
  }

const { machine, versions } = describeMachine();
const run = {
  label: values.label,
  date: new Date().toISOString(),
  command: `npm run bench:catalogue -- ${process.argv.slice(2).join(' ')}`,
  machine,
  versions,
  rows,
};
const results = readResults() as ReturnType<typeof readResults> & { catalogue?: (typeof run)[] };
results.catalogue = [...(results.catalogue ?? []).filter((r) => r.label !== run.label), run];
writeFileSync(RESULTS_JSON, `${JSON.stringify(results, null, 1)}\n`);
console.info(JSON.stringify(run));
