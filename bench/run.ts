// npm run bench -- [--scales 10k,100k,1m] [--label after] [--only person,nested]: the whole benchmark, into bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchManifest } from './dataset/synthetic.ts';
import { csvComplete, csvPath, datasetPath, manifestPath, writeSynthetic, writeSyntheticStreamed } from './generate.ts';
import type { MusicBrainzImportResult } from './import-musicbrainz.ts';
import { bulkIntoBenchNeo4j, keptInBenchNeo4j } from './lib/bulk-neo4j.ts';
import { HEAVIEST_EXPORT, LET_HEAVIEST_RUN, measureDuringExport } from './lib/during-export.ts';
import { timeExport } from './lib/export.ts';
import { fetchOnce, type LoadOptions, measure } from './lib/load.ts';
import { neo4jInstance, neo4jPid, neo4jRssBytes, restartEmpty } from './lib/neo4j-instance.ts';
import { type RunningServer, startServer } from './lib/processes.ts';
import { writeReport } from './lib/report.ts';
import { describeMachine, type ImportResult, type Row, type ScaleResult, saveScale } from './lib/results.ts';
import { countPerOperation } from './lib/statements.ts';
import { BENCH_LIMITS, BENCH_TOKEN, HELLO, type Scenario, scenarios, type Target } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    scales: { type: 'string', default: '10k,100k,1m' },
    label: { type: 'string', default: 'current' },
    only: { type: 'string' },
    targets: { type: 'string', default: 'embedded,neo4j,raw,peer' },
    connections: { type: 'string', default: '10' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    runs: { type: 'string', default: '3' },
    'neo4j-port': { type: 'string', default: process.env.BENCH_NEO4J_PORT ?? '7689' },
    'neo4j-password': { type: 'string', default: process.env.BENCH_NEO4J_PASSWORD ?? 'bench-password-7689' },
    'skip-cache': { type: 'boolean', default: false },
    'skip-export': { type: 'boolean', default: false },
    'skip-writes': { type: 'boolean', default: false },
    'skip-musicbrainz': { type: 'boolean', default: false },
    // How the dataset gets into Neo4j: Liner's online loader, or neo4j-admin from the CSV in bench/data (written once).
    // auto: bulk from BULK_FROM credits, where the online load takes most of an hour here. keep: the instance already
    // holds this scale (say, left by `npm run bench:bulk`); its counts are checked against the CSV's.
    'neo4j-load': { type: 'string', default: 'auto' },
  },
});

/** Idle time before the settled RSS reading: V8's memory reducer starts after about 8 s without allocation. */
const SETTLE_SECONDS = 15;
/** From this many credits `--neo4j-load auto` imports with neo4j-admin. */
const BULK_FROM = 5_000_000;
/**
 * From this many credits the JSON dataset is written streamed: JSON.stringify of the whole catalogue would pass V8's
 * longest string (about 512 MB) at a few million credits.
 */
const STREAM_JSON_FROM = 2_000_000;
const SCALE = (text: string) => Number(text.toLowerCase().replace(/k$/, '000').replace(/m$/, '000000'));
const options: LoadOptions = {
  connections: Number(values.connections),
  duration: Number(values.duration),
  warmup: Number(values.warmup),
  runs: Number(values.runs),
};
// `--only none` runs no scenario: import, start-up and exports only.
const only = values.only ? new Set(values.only.split(',')) : null;
const targets = values.targets.split(',') as Target[];
const neo4j = neo4jInstance(Number(values['neo4j-port']), values['neo4j-password']);
const neo4jEnv = { NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: neo4j.password };
const { machine, versions } = describeMachine();
const run = {
  label: values.label,
  date: new Date().toISOString(),
  command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
  machine,
  versions,
  options,
  neo4j: `Neo4j 5.26 Community (tools/neo4j-local), ${neo4j.settings}`,
};
const log = (message: string) => console.info(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
const cpuText = (cpu?: { server: number; neo4j?: number }) =>
  cpu ? `${cpu.server.toFixed(0)}${cpu.neo4j === undefined ? '' : `+${cpu.neo4j.toFixed(0)}`} µs` : '-';
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;

function importInChild(file: string, store: 'neo4j' | 'embedded'): ImportResult {
  const out = execFileSync(process.execPath, [fileURLToPath(new URL('./import.ts', import.meta.url)), file, '--store', store], {
    env: { ...process.env, ...neo4jEnv },
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').at(-1) as string) as ImportResult;
}

/** The MusicBrainz import row: its own process, so its peak RSS is the import's alone. */
function importMusicBrainzInChild(relationships: number): MusicBrainzImportResult {
  const out = execFileSync(
    process.execPath,
    [fileURLToPath(new URL('./import-musicbrainz.ts', import.meta.url)), String(relationships)],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return JSON.parse(out.trim().split('\n').at(-1) as string) as MusicBrainzImportResult;
}

/** A one-line summary of an answer: how many items came back, so the servers can be seen to agree. */
function describeAnswer(body: string): string {
  try {
    const json = JSON.parse(body) as { data?: unknown; errors?: unknown };
    if (json.errors) return `errors: ${JSON.stringify(json.errors).slice(0, 200)}`;
    const data = json.data as Record<string, unknown> | unknown[];
    const first = Array.isArray(data) ? data : Object.values(data ?? {})[0];
    const size = (v: unknown) => (Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 1);
    if (Array.isArray(first)) return `${first.length} items, ${body.length} bytes`;
    return `${size(first)} fields, ${body.length} bytes`;
  } catch {
    return `${body.length} bytes (not JSON)`;
  }
}

async function benchScenario(
  server: RunningServer,
  scenario: Scenario,
  target: string,
  spec = scenario.requests[target as Target],
) {
  const check = await fetchOnce(server.url, spec);
  const answer = describeAnswer(check.body);
  if (check.status !== 200 || answer.startsWith('errors')) log(`  ! ${scenario.name}/${target}: ${check.status} ${answer}`);
  const usesNeo4j = !target.startsWith('embedded');
  const load = await measure(server.url, spec, options, {
    server: server.pid,
    ...(usesNeo4j ? { neo4j: neo4jPid(neo4j) } : {}),
  });
  const counts = await countPerOperation(server, spec, scenario.kind === 'write' ? 5 : 10);
  const row: Row = {
    scenario: scenario.name,
    target,
    load,
    statementsPerOp: target.startsWith('embedded') ? null : counts.statements,
    storeCallsPerOp: counts.storeCalls,
    rssBytes: server.rssBytes(),
    answer,
  };
  log(
    `  ${scenario.name.padEnd(20)} ${target.padEnd(15)} ${load.rps.toFixed(0).padStart(6)} req/s  p50 ${load.p50} ms  p99 ${load.p99} ms  ` +
      `cpu ${cpuText(load.cpuMicrosPerRequest)}  stmts ${row.statementsPerOp ?? '-'}  rss ${mb(row.rssBytes)}  fail ${load.failures}  ${answer}`,
  );
  return row;
}

async function benchScale(credits: number): Promise<ScaleResult> {
  const file = datasetPath(credits);
  const keep = values['neo4j-load'] === 'keep';
  const bulk = keep || values['neo4j-load'] === 'bulk' || (values['neo4j-load'] === 'auto' && credits >= BULK_FROM);
  const wantsEmbedded = targets.includes('embedded');
  // The JSON is what the embedded server and the online loader read; the bulk path needs only the CSV and manifest.
  const needJson = wantsEmbedded || !bulk;
  const needCsv = bulk && !csvComplete(credits);
  if ((needJson && !existsSync(file)) || needCsv || !existsSync(manifestPath(credits))) {
    log(`generating ${credits} credits${needCsv ? ' (and its neo4j-admin CSV)' : ''}`);
    if (credits < STREAM_JSON_FROM && !needCsv) writeSynthetic(credits);
    else await writeSyntheticStreamed(credits, { json: needJson && !existsSync(file), csv: needCsv });
  }
  const manifest = JSON.parse(readFileSync(manifestPath(credits), 'utf8')) as BenchManifest;
  const notes: string[] = [];
  const imports: ImportResult[] = [];
  const loadAverage = () =>
    loadavg()
      .map((l) => l.toFixed(1))
      .join(' ');

  const how = keep ? 'checking what is already in' : bulk ? 'bulk-importing into' : 'restarting empty, then importing into';
  log(`${credits}: ${how} Neo4j on ${neo4j.port}`);
  if (keep) {
    imports.push(await keptInBenchNeo4j(neo4j, csvPath(credits)));
    notes.push(`Neo4j was loaded before this run (--neo4j-load keep); its counts equal the CSV's in bench/data`);
  } else if (bulk) {
    const loaded = await bulkIntoBenchNeo4j(neo4j, csvPath(credits), (line) => log(`  ${line}`));
    imports.push(loaded.result);
    notes.push(`${loaded.note} (load average ${loadAverage()})`);
  } else {
    restartEmpty(neo4j);
    imports.push(importInChild(file, 'neo4j'));
  }
  if (wantsEmbedded) imports.push(importInChild(file, 'embedded'));
  const musicbrainz = values['skip-musicbrainz'] ? undefined : importMusicBrainzInChild(credits);
  if (musicbrainz)
    log(
      `  import musicbrainz dump: ${musicbrainz.relationships} rels converted at ${musicbrainz.convertRelationshipsPerSecond.toFixed(0)}/s ` +
        `(${musicbrainz.convertRelationshipsPerCpuSecond.toFixed(0)}/CPU-s), peak RSS ${mb(musicbrainz.peakRssBytes)}`,
    );
  for (const i of imports)
    log(
      `  import ${i.store}: ${i.relationships} rels in ${i.loadSeconds.toFixed(2)} s = ${i.relationshipsPerSecond.toFixed(0)}/s`,
    );

  // The per-client limits are for clients on a network; the bench is one address sending thousands a second on purpose.
  const liner = { API_TOKENS: BENCH_TOKEN, LOG_LEVEL: 'info', ...BENCH_LIMITS };
  const servers: Record<string, RunningServer> = {};
  // Interrupted: stop the servers this scale started before going.
  const interrupted = () => void Promise.all(Object.values(servers).map((s) => s.stop())).then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const start = async (name: string, script: string, env: Record<string, string>) => {
    servers[name] = await startServer(name, script, env);
    return servers[name] as RunningServer;
  };
  const result: ScaleResult = {
    credits,
    people: manifest.people,
    works: manifest.works,
    nodes: imports[0]?.nodes ?? 0,
    relationships: imports[0]?.relationships ?? 0,
    hello: { rps: 0, p50: 0, p99: 0, rpsMin: 0, rpsMax: 0, failures: 0, runs: [] },
    helloRssBytes: 0,
    rows: [],
    imports,
    ...(musicbrainz ? { musicbrainz } : {}),
    startup: [],
    exports: [],
    neo4jRssBytes: 0,
    notes,
  };
  try {
    const hello = await start('hello', 'bench/servers/hello-yoga.ts', {});
    const embedded = wantsEmbedded
      ? await start('liner-embedded', 'src/main.ts', { ...liner, SEED_DATASET: file, DATA_DIR: 'off' })
      : undefined;
    const onNeo4j = await start('liner-neo4j', 'src/main.ts', { ...liner, ...neo4jEnv, LOAD_SEED: 'false' });
    for (const s of embedded ? [embedded, onNeo4j] : [onNeo4j])
      result.startup.push({ target: s.name, seconds: s.startupMs / 1000, rssBytes: s.rssBytes() });
    if (embedded) log(`  start-up: embedded ${(embedded.startupMs / 1000).toFixed(1)} s, ${mb(embedded.rssBytes())}`);
    const baseline: Record<string, RunningServer> = { neo4j: onNeo4j, ...(embedded ? { embedded } : {}) };
    // The same server with read plans off: every field through the loaders, as before plans, in the same invocation.
    if (targets.includes('neo4j-loaders' as Target))
      baseline['neo4j-loaders'] = await start('liner-neo4j-loaders', 'src/main.ts', {
        ...liner,
        ...neo4jEnv,
        LOAD_SEED: 'false',
        READ_PLANS: 'false',
      });
    if (targets.includes('raw')) baseline.raw = await start('raw', 'bench/servers/raw-cypher.ts', neo4jEnv);
    if (targets.includes('peer')) baseline.peer = await start('peer', 'bench/servers/neo4j-graphql.ts', neo4jEnv);

    result.hello = await measure(hello.url, HELLO, options, { server: hello.pid });
    result.helloRssBytes = hello.rssBytes();
    log(`  hello ceiling ${result.hello.rps.toFixed(0)} req/s p50 ${result.hello.p50} ms`);

    const all = scenarios(manifest).filter((s) => only === null || only.has(s.name));
    for (const scenario of all.filter((s) => s.kind === 'read'))
      for (const target of targets) {
        const server = baseline[target];
        const spec = scenario.requests[target === ('neo4j-loaders' as Target) ? 'neo4j' : target];
        if (server) result.rows.push(await benchScenario(server, scenario, target, spec));
      }

    // The person query while the heaviest export computes in a worker: one export must not hold others up.
    const person = all.find((s) => s.name === 'person');
    if (targets.includes('embedded') && person) {
      const heavy = await start('liner-embedded-export', 'src/main.ts', {
        ...liner,
        SEED_DATASET: file,
        DATA_DIR: 'off',
        ...LET_HEAVIEST_RUN,
      });
      const during = await measureDuringExport(heavy, person.requests.embedded, options);
      result.rows.push({
        scenario: 'person',
        target: 'embedded+export',
        load: during.load,
        statementsPerOp: null,
        storeCallsPerOp: null,
        rssBytes: heavy.rssBytes(),
        answer: `during ${HEAVIEST_EXPORT}${during.exportStillRunning ? ', which was still computing after' : ''}`,
      });
      log(`  person during the heaviest export: p99 ${during.load.p99} ms, ${during.load.rps.toFixed(0)} req/s`);
      await heavy.stop();
      delete servers['liner-embedded-export'];
    }

    if (embedded) {
      await new Promise((done) => setTimeout(done, SETTLE_SECONDS * 1000));
      result.embeddedSettledRssBytes = embedded.rssBytes();
      log(`  embedded RSS ${SETTLE_SECONDS} s after the reads: ${mb(result.embeddedSettledRssBytes)}`);
    }

    if (!values['skip-cache']) {
      for (const [name, env] of [
        ...(embedded
          ? ([['liner-embedded-cache', { ...liner, SEED_DATASET: file, DATA_DIR: 'off', RESPONSE_CACHE: 'true' }]] as const)
          : []),
        ['liner-neo4j-cache', { ...liner, ...neo4jEnv, LOAD_SEED: 'false', RESPONSE_CACHE: 'true' }] as const,
      ]) {
        const cached = await start(name, 'src/main.ts', env);
        const target = name.includes('embedded') ? 'embedded' : 'neo4j';
        for (const scenario of all.filter((s) => s.kind === 'read'))
          result.rows.push(await benchScenario(cached, scenario, `${target}+cache`, scenario.requests[target]));
        await cached.stop();
        delete servers[name];
      }
    }

    if (!values['skip-export'])
      for (const server of embedded ? [embedded, onNeo4j] : [onNeo4j]) {
        const exported = await timeExport(server, '/export/full.graphml');
        result.exports.push({ ...exported, target: server.name });
        log(
          `  export ${server.name}: ${exported.status} ${mb(exported.bytes)} in ${exported.seconds.toFixed(1)} s, RSS +${mb(exported.rssGrowthBytes)}`,
        );
      }

    if (!values['skip-writes'])
      for (const scenario of all.filter((s) => s.kind === 'write'))
        for (const target of targets) {
          const server = baseline[target];
          if (server) result.rows.push(await benchScenario(server, scenario, target));
        }
    result.neo4jRssBytes = neo4jRssBytes(neo4j);
  } finally {
    process.removeListener('SIGINT', interrupted);
    process.removeListener('SIGTERM', interrupted);
    await Promise.all(Object.values(servers).map((s) => s.stop()));
  }
  return result;
}

for (const text of values.scales.split(',')) {
  const credits = SCALE(text);
  const result = await benchScale(credits);
  const file = saveScale(run, text, result);
  writeReport(file);
  log(`${text} done; bench/results.json and bench/RESULTS.md updated`);
}
