// HTTP load with autocannon: a warm-up, then several fixed-connection runs, reduced to medians and spread.
import autocannon from 'autocannon';
import { procCpuMicros } from './processes.ts';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  body?: string;
  headers?: Record<string, string>;
  /** A fresh body per request (mutations that must not all hit the same row); gets a counter. */
  bodyFor?: (n: number) => string;
  /** The answer a correct response contains; anything else counts as a mismatch. */
  expect?: (body: string) => boolean;
}

export interface LoadOptions {
  connections: number;
  /** A fixed number of requests per run instead of a duration (smoke tests). */
  amount?: number;
  /** Seconds per measured run. */
  duration: number;
  /** Seconds of untimed load first: JIT, caches, connection pools. */
  warmup: number;
  runs: number;
}

export interface RunResult {
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  mismatches: number;
}

export interface LoadResult {
  /** Medians over the runs. */
  rps: number;
  p50: number;
  p99: number;
  /** Lowest and highest throughput of the runs: the spread behind the median. */
  rpsMin: number;
  rpsMax: number;
  /** Requests that failed (socket errors, timeouts, non-2xx, or answers that did not match). */
  failures: number;
  runs: RunResult[];
  /** CPU microseconds per request over the measured runs, of the server and of Neo4j, when their pids were given. */
  cpuMicrosPerRequest?: { server: number; neo4j?: number };
}

/** Processes whose CPU time a measurement also reads. */
export interface Watched {
  server: number;
  neo4j?: number;
}

export const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length === 0
    ? Number.NaN
    : sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

let counter = 0;

async function once(
  baseUrl: string,
  spec: RequestSpec,
  connections: number,
  duration: number,
  amount?: number,
): Promise<RunResult> {
  const headers = { 'content-type': 'application/json', ...spec.headers };
  const request: autocannon.Request = {
    method: spec.method,
    path: spec.path,
    headers,
    ...(spec.body ? { body: spec.body } : {}),
  };
  if (spec.bodyFor) {
    const bodyFor = spec.bodyFor;
    request.setupRequest = (req) => ({ ...req, body: bodyFor(counter++) });
  }
  const expect = spec.expect;
  const result = await autocannon({
    url: baseUrl,
    connections,
    ...(amount ? { amount } : { duration }),
    requests: [request],
    ...(expect ? { verifyBody: (body: unknown) => expect(String(body)) } : {}),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    errors: result.errors + result.timeouts + result.non2xx,
    mismatches: result.mismatches ?? 0,
  };
}

export async function measure(baseUrl: string, spec: RequestSpec, options: LoadOptions, watched?: Watched): Promise<LoadResult> {
  if (options.warmup > 0) await once(baseUrl, spec, options.connections, options.warmup);
  const cpuBefore = watched && { server: procCpuMicros(watched.server), neo4j: watched.neo4j && procCpuMicros(watched.neo4j) };
  const runs: RunResult[] = [];
  for (let i = 0; i < options.runs; i++)
    runs.push(await once(baseUrl, spec, options.connections, options.duration, options.amount));
  const rps = runs.map((r) => r.rps);
  const requests = runs.reduce((sum, r) => sum + r.requests, 0);
  return {
    rps: median(rps),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    rpsMin: Math.min(...rps),
    rpsMax: Math.max(...rps),
    failures: runs.reduce((sum, r) => sum + r.errors + r.mismatches, 0),
    runs,
    ...(watched && cpuBefore && requests > 0
      ? {
          cpuMicrosPerRequest: {
            server: (procCpuMicros(watched.server) - cpuBefore.server) / requests,
            ...(watched.neo4j && cpuBefore.neo4j !== undefined
              ? { neo4j: (procCpuMicros(watched.neo4j) - cpuBefore.neo4j) / requests }
              : {}),
          },
        }
      : {}),
  };
}

/** One request, outside the load: the answer (for checks and the report) and how long it took. */
export async function fetchOnce(baseUrl: string, spec: RequestSpec): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(baseUrl + spec.path, {
    method: spec.method,
    headers: { 'content-type': 'application/json', ...spec.headers },
    ...(spec.method === 'POST' ? { body: spec.bodyFor ? spec.bodyFor(counter++) : spec.body } : {}),
  });
  const body = await response.text();
  return { status: response.status, body, ms: performance.now() - started };
}
