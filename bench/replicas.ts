// npm run bench:replicas: throughput through nginx of 1 vs 2 Liner replicas on one Neo4j (NEO4J_URI), side by side in
// one invocation: a read (person) with autocannon, and write + read-your-write pairs (a mutation through the balancer,
// then a read with its X-Liner-Bookmark through the balancer, which lands on either replica), every read checked.
// Both balancers run at once and are measured in alternation, so a noisy neighbour weighs on both alike.
// On a 2-core machine the figure is overhead, not scaling: the replicas, nginx and Neo4j share the same cores.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type Balancer, startBalancer } from '../tools/nginx-balancer.ts';
import { measure, median, type RequestSpec } from './lib/load.ts';
import { procCpuMicros, type RunningServer, startServer } from './lib/processes.ts';
import { BENCH_LIMITS, BENCH_TOKEN } from './scenarios.ts';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '1' },
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    out: { type: 'string', default: 'bench/out/replicas.json' },
  },
});
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const log = (message: string) => console.info(`[replicas ${new Date().toISOString().slice(11, 19)}] ${message}`);
const connections = Number(values.connections);
const duration = Number(values.duration);

const uri = process.env.NEO4J_URI;
if (!uri) {
  console.error('NEO4J_URI is not set: start one with `npm run neo4j:start` and pass NEO4J_URI and NEO4J_PASSWORD.');
  process.exit(2);
}

/** The seed's probe: read by the read scenario; the writes cite the seed's editorial document. */
const PROBE = 'thom-russo';
const DOCUMENT = 'liner-editorial-inference';
const READ = JSON.stringify({
  query: 'query P($slug: String!) { person(slug: $slug) { slug name isGroup aliases } }',
  variables: { slug: PROBE },
});
const readSpec: RequestSpec = {
  method: 'POST',
  path: '/graphql',
  body: READ,
  expect: (answer) => answer.startsWith('{"data":{"person":{"slug"'),
};

interface PairResult {
  pairsPerSecond: number;
  p50: number;
  stale: number;
  failures: number;
}

/**
 * Closed loop: `connections` clients, each writing a fresh name to its own person through the balancer and reading it
 * back through the balancer with the bookmark, for `seconds`. A read that is not the name just written counts as
 * stale (it must stay 0); pairs per second and the median pair latency are reported.
 */
async function writeThenRead(base: string, seconds: number, tag: string): Promise<PairResult> {
  const until = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let stale = 0;
  let failures = 0;
  const client = async (c: number) => {
    const slug = `bench-replicas-${tag}-${c}`;
    for (let n = 0; performance.now() < until; n++) {
      const started = performance.now();
      const name = `Replica bench ${c}.${n}`;
      const write = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${BENCH_TOKEN}` },
        body: JSON.stringify({
          query: 'mutation U($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug } }',
          variables: { input: { slug, name, source: { document: DOCUMENT, quote: 'Benchmark write' } } },
        }),
      });
      const bookmark = write.headers.get('x-liner-bookmark');
      const written = (await write.json()) as { errors?: unknown };
      if (!write.ok || written.errors || bookmark === null) {
        failures++;
        continue;
      }
      const read = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-liner-bookmark': bookmark },
        body: JSON.stringify({ query: 'query N($slug: String!) { person(slug: $slug) { name } }', variables: { slug } }),
      });
      const answer = (await read.json()) as { data?: { person?: { name?: string } | null } };
      if (!read.ok) failures++;
      else if (answer.data?.person?.name !== name) stale++;
      latencies.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_, c) => client(c)));
  return {
    pairsPerSecond: latencies.length / ((performance.now() - started) / 1000),
    p50: median(latencies),
    stale,
    failures,
  };
}

const env: Record<string, string> = {
  NEO4J_URI: uri,
  NEO4J_USER: process.env.NEO4J_USER ?? 'neo4j',
  NEO4J_PASSWORD: process.env.NEO4J_PASSWORD ?? 'liner-dev-password',
  NEO4J_DATABASE: process.env.NEO4J_DATABASE ?? 'neo4j',
  API_TOKENS: BENCH_TOKEN,
  LOG_LEVEL: 'warn',
  DATA_DIR: 'off',
  ...BENCH_LIMITS,
};

const replicas: RunningServer[] = [];
const balancers: Balancer[] = [];
try {
  // The first replica seeds an empty database; the second starts once it is up and never seeds.
  replicas.push(await startServer('replica-1', 'src/main.ts', env));
  replicas.push(await startServer('replica-2', 'src/main.ts', { ...env, LOAD_SEED: 'false' }));
  const [a, b] = replicas as [RunningServer, RunningServer];
  const probe = await fetch(`${a.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: READ });
  if (!(await probe.text()).includes(`"slug":"${PROBE}"`))
    throw new Error(
      `the database at ${uri} does not hold the seed's person "${PROBE}": run this on the seed (an empty database is seeded)`,
    );
  const hosts = (servers: RunningServer[]) => servers.map((s) => new URL(s.url).host);
  const setups = [
    { name: '1 replica', balancer: await startBalancer(hosts([a])), servers: [a] },
    { name: '2 replicas', balancer: await startBalancer(hosts([a, b])), servers: [a, b] },
  ];
  balancers.push(...setups.map((s) => s.balancer));
  const cpu = (servers: RunningServer[]) => servers.reduce((sum, s) => sum + procCpuMicros(s.pid), 0);

  const results = setups.map((s) => ({
    name: s.name,
    read: [] as { rps: number; p50: number; failures: number; cpuMicrosPerRequest: number }[],
    pairs: [] as PairResult[],
  }));
  const runs = Number(values.runs);
  for (const setup of setups)
    await measure(setup.balancer.url, readSpec, { connections, duration: Number(values.warmup), warmup: 0, runs: 1 });
  for (let run = 1; run <= runs; run++)
    for (const [i, setup] of setups.entries()) {
      const result = results[i] as (typeof results)[number];
      const before = cpu(setup.servers);
      const read = await measure(setup.balancer.url, readSpec, { connections, duration, warmup: 0, runs: 1 });
      const requests = read.runs[0]?.requests ?? 0;
      result.read.push({
        rps: read.rps,
        p50: read.p50,
        failures: read.failures,
        cpuMicrosPerRequest: requests > 0 ? (cpu(setup.servers) - before) / requests : Number.NaN,
      });
      const pairs = await writeThenRead(setup.balancer.url, duration, `${i}`);
      result.pairs.push(pairs);
      log(
        `run ${run} ${setup.name}: read ${read.rps.toFixed(0)} req/s (p50 ${read.p50} ms); write+read ${pairs.pairsPerSecond.toFixed(0)} pairs/s (p50 ${pairs.p50.toFixed(1)} ms, ${pairs.stale} stale)`,
      );
    }

  const summary = results.map((r) => ({
    name: r.name,
    readRps: median(r.read.map((x) => x.rps)),
    readRpsRange: [Math.min(...r.read.map((x) => x.rps)), Math.max(...r.read.map((x) => x.rps))],
    readP50Ms: median(r.read.map((x) => x.p50)),
    readServerCpuMicrosPerRequest: median(r.read.map((x) => x.cpuMicrosPerRequest)),
    readFailures: r.read.reduce((sum, x) => sum + x.failures, 0),
    pairsPerSecond: median(r.pairs.map((x) => x.pairsPerSecond)),
    pairsRange: [Math.min(...r.pairs.map((x) => x.pairsPerSecond)), Math.max(...r.pairs.map((x) => x.pairsPerSecond))],
    pairP50Ms: median(r.pairs.map((x) => x.p50)),
    stale: r.pairs.reduce((sum, x) => sum + x.stale, 0),
    pairFailures: r.pairs.reduce((sum, x) => sum + x.failures, 0),
  }));
  const rows = summary.map(
    (s) =>
      `| ${s.name} | ${s.readRps.toFixed(0)} (${s.readRpsRange.map((x) => x.toFixed(0)).join('–')}) | ${s.readP50Ms} | ${s.readServerCpuMicrosPerRequest.toFixed(0)} | ${s.pairsPerSecond.toFixed(0)} (${s.pairsRange.map((x) => x.toFixed(0)).join('–')}) | ${s.pairP50Ms.toFixed(1)} | ${s.stale} | ${s.readFailures + s.pairFailures} |`,
  );
  console.info(
    [
      '',
      `Liner replicas behind nginx on one Neo4j (${connections} connections, ${runs} × ${duration} s each, alternating):`,
      '',
      '| setup | person read req/s (range) | read p50 ms | replicas CPU µs/read | write+read pairs/s (range) | pair p50 ms | stale reads | failures |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
    ].join('\n'),
  );
  const out = resolve(ROOT, values.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ at: new Date().toISOString(), connections, duration, runs, commit: head(), summary, results }, null, 2)}\n`,
  );
  log(`written ${out}`);
} finally {
  for (const balancer of balancers) await balancer.stop();
  for (const replica of replicas) await replica.stop();
}

/** The commit measured, for the JSON record. */
function head(): string {
  const result = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : 'unknown';
}
