// The benchmark harness, run tiny: the generator makes a valid skewed dataset and a load run yields numbers.
// Nothing here asserts a time: benchmarks are `npm run bench`; this only proves the harness works.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../bench/dataset/synthetic.ts';
import { measure } from '../../bench/lib/load.ts';
import { type RunningServer, startServer } from '../../bench/lib/processes.ts';
import { renderReport } from '../../bench/lib/report.ts';
import type { ScaleResult } from '../../bench/lib/results.ts';
import { countPerOperation } from '../../bench/lib/statements.ts';
import { BENCH_LIMITS, HELLO, scenarios } from '../../bench/scenarios.ts';
import { validateDataset } from '../../src/dataset/validate.ts';

const { dataset, manifest } = generateSynthetic({ credits: 2000, seed: 'smoke' });
const tiny = { connections: 2, duration: 1, amount: 200, warmup: 0, runs: 1 };

describe('the synthetic dataset', () => {
  it('passes validation and has exactly the credits asked for', () => {
    const valid = validateDataset(dataset);
    expect(valid.credits).toHaveLength(2000);
    expect(valid.awardWins.length + valid.memberships.length).toBeGreaterThan(0);
  });

  it('is skewed like real credits: a few prolific people, many one-offs', () => {
    const perPerson = new Map<string, number>();
    for (const c of dataset.credits ?? []) perPerson.set(c.person, (perPerson.get(c.person) ?? 0) + 1);
    const counts = [...perPerson.values()].sort((a, b) => b - a);
    expect(counts[0]).toBeGreaterThanOrEqual(100);
    expect(counts.filter((n) => n === 1).length).toBeGreaterThan(counts.length / 3);
    expect(perPerson.get(manifest.prolific[0])).toBe(150);
  });

  it('is the same file for the same seed', () => {
    expect(JSON.stringify(generateSynthetic({ credits: 2000, seed: 'smoke' }).dataset)).toBe(JSON.stringify(dataset));
  });
});

describe('a tiny load run', () => {
  let dir: string;
  let hello: RunningServer;
  let liner: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liner-bench-'));
    const file = join(dir, 'synthetic.json');
    writeFileSync(file, JSON.stringify(dataset));
    [hello, liner] = await Promise.all([
      startServer('hello-smoke', 'bench/servers/hello-yoga.ts', {}),
      startServer('liner-smoke', 'src/main.ts', { SEED_DATASET: file, DATA_DIR: 'off', LOG_LEVEL: 'warn', ...BENCH_LIMITS }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all([hello?.stop(), liner?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('measures throughput and latency of the ceiling and of Liner, with no failed request', async () => {
    const ceiling = await measure(hello.url, HELLO, tiny, { server: hello.pid });
    const person = scenarios(manifest).find((s) => s.name === 'person');
    const ours = await measure(liner.url, person?.requests.embedded ?? HELLO, tiny, { server: liner.pid });
    for (const result of [ceiling, ours]) {
      expect(result.runs[0]?.requests).toBeGreaterThanOrEqual(200);
      expect(result.rps).toBeGreaterThan(0);
      expect(result.p99).toBeGreaterThanOrEqual(result.p50);
      expect(result.failures).toBe(0);
      // Serving hundreds of requests takes the server some CPU time; a reading of 0 would mean /proc was not read.
      expect(result.cpuMicrosPerRequest?.server).toBeGreaterThan(0);
      expect(result.cpuMicrosPerRequest?.neo4j).toBeUndefined();
    }
  });

  it('counts store calls per operation and renders them in the report', async () => {
    const person = scenarios(manifest).find((s) => s.name === 'person');
    const counts = await countPerOperation(liner, person?.requests.embedded ?? HELLO, 3);
    expect(counts).toEqual({ statements: 0, storeCalls: 1 });
    const load = await measure(liner.url, person?.requests.embedded ?? HELLO, tiny);
    const scale: ScaleResult = {
      credits: 2000,
      people: manifest.people,
      works: manifest.works,
      nodes: 0,
      relationships: 0,
      hello: load,
      helloRssBytes: hello.rssBytes(),
      rows: [
        { scenario: 'person', target: 'embedded', load, statementsPerOp: null, storeCallsPerOp: 1, rssBytes: 1, answer: 'x' },
      ],
      imports: [],
      startup: [],
      exports: [],
      neo4jRssBytes: 0,
      notes: [],
    };
    const report = renderReport({
      runs: [
        {
          label: 'smoke',
          date: new Date().toISOString(),
          command: 'test',
          machine: 'test',
          versions: {},
          options: tiny,
          neo4j: '',
          scales: { '2k': scale },
        },
      ],
    });
    expect(report).toMatch(/\| person \| embedded \| \d+ \(/);
    expect(report).toContain('embedded person ≥ 80 % of ceiling');
  });
});
