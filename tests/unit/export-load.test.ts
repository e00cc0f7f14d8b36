// Issue 15, finding 1: on a 100k-credit catalogue, whole-graph export metrics never hold up other requests. They run
// in worker threads, are refused up front when they cannot finish by the deadline, and stop when the client leaves.
import { existsSync, readFileSync } from 'node:fs';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BenchManifest } from '../../bench/dataset/synthetic.ts';
import { datasetPath, manifestPath, writeSynthetic } from '../../bench/generate.ts';
import { type ServerProcess, startServer } from '../server-process.ts';

const CREDITS = 100_000;
const HEAVIEST = '/export/collaboration.gexf?metrics=betweenness';

/** The generated catalogue (bench/data, not committed), made once if missing. */
function catalogue(): { file: string; manifest: BenchManifest } {
  if (!existsSync(datasetPath(CREDITS)) || !existsSync(manifestPath(CREDITS))) writeSynthetic(CREDITS);
  return { file: datasetPath(CREDITS), manifest: JSON.parse(readFileSync(manifestPath(CREDITS), 'utf8')) };
}

async function gauge(base: string, name: string): Promise<number> {
  const text = await (await fetch(`${base}/metrics`)).text();
  const match = text.match(new RegExp(`^${name} (\\d+)`, 'm'));
  if (!match) throw new Error(`${name} is not in /metrics`);
  return Number(match[1]);
}

async function until(what: string, check: () => Promise<boolean>, tries = 600): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const smallQuery = (base: string, slug: string) =>
  fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'query P($slug: String!) { person(slug: $slug) { slug name } }', variables: { slug } }),
  });

describe('issue 15: export metrics on a 100k-credit catalogue', { timeout: 240_000 }, () => {
  const servers: ServerProcess[] = [];
  let manifest: BenchManifest;
  let file = '';
  beforeAll(() => {
    ({ file, manifest } = catalogue());
  }, 120_000);
  afterAll(() => {
    for (const server of servers) server.child.kill('SIGKILL');
  });
  const serve = async (env: Record<string, string>) => {
    const server = startServer({ SEED_DATASET: file, ...env });
    servers.push(server);
    return server.ready(180_000);
  };

  it('refuses betweenness that cannot finish by the deadline, naming the limit and the way to get it anyway', async () => {
    const base = await serve({});
    const exported = fetch(`${base}${HEAVIEST}`).then(async (r) => ({ status: r.status, body: await r.json(), at: Date.now() }));
    // While the projection is read, the server keeps answering.
    const health = await fetch(`${base}/health`).then((r) => ({ status: r.status, at: Date.now() }));
    const refused = await exported;
    expect(health.status).toBe(200);
    expect(health.at).toBeLessThanOrEqual(refused.at);
    expect(refused.status).toBe(422);
    const [error] = refused.body.errors;
    expect(error.extensions).toMatchObject({ code: 'EXPORT_TOO_COSTLY', limit: 'REQUEST_TIMEOUT_MS', argument: 'metrics' });
    expect(error.message).toMatch(/over the request deadline of 10000 ms \(REQUEST_TIMEOUT_MS\)/);
    expect(error.message).toContain('npm run export -- --projection collaboration --format gexf --metrics betweenness');
    expect(error.message).toContain('Neo4j');
    expect(await gauge(base, 'liner_export_metrics_tasks')).toBe(0);
  });

  it('answers small queries while the heaviest export computes, and stops it when the client hangs up', async () => {
    // A deadline long enough and an estimate generous enough that the heaviest export is let through to a worker.
    const base = await serve({ REQUEST_TIMEOUT_MS: '600000', EXPORT_EDGE_VISITS_PER_MS: '1000000000' });
    const client = new AbortController();
    const exported = fetch(`${base}${HEAVIEST}`, { signal: client.signal }).catch((error: Error) => error);
    await until('the export to reach a worker', async () => (await gauge(base, 'liner_export_metrics_tasks')) === 1);

    const slugs = [manifest.probe, ...manifest.prolific, manifest.distant.from, manifest.distant.to];
    for (let round = 0; round < 4; round++)
      for (const slug of slugs) {
        const response = await smallQuery(base, slug);
        expect(await response.json()).toEqual({ data: { person: { slug, name: expect.any(String) } } });
      }
    // Twenty small queries answered, and the export is still being computed: they finished long before it.
    expect(await gauge(base, 'liner_export_metrics_tasks')).toBe(1);
    expect(await gauge(base, 'liner_export_worker_threads')).toBe(1);

    client.abort();
    expect(await exported).toBeInstanceOf(Error);
    // The worker is terminated, not left computing for nobody.
    await until('the worker to be stopped', async () => (await gauge(base, 'liner_export_worker_threads')) === 0);
    expect(await gauge(base, 'liner_export_metrics_tasks')).toBe(0);
  });

  it('cuts a download that outlives EXPORT_TIMEOUT_MS or EXPORT_MAX_BYTES, and only that download: the server stays up', async () => {
    const base = await serve({ EXPORT_TIMEOUT_MS: '1000', EXPORT_MAX_BYTES: '3000000' });
    // A client that reads the headers, then nothing for 2.5 s: the deadline passes while the body is half sent.
    const slow = await download(`${base}/export/full.graphml`, 2_500);
    // The second: read at once, but the full graph (about 8 MB) is over EXPORT_MAX_BYTES.
    const large = await download(`${base}/export/full.graphml`, 0);
    for (const cut of [slow, large]) {
      expect(cut.status).toBe(200);
      // Cut, not closed: the chunked body never ends, so no client can mistake it for the whole graph.
      expect(cut.complete).toBe(false);
      expect(cut.body.length).toBeGreaterThan(0);
      expect(cut.body.endsWith('</graphml>\n')).toBe(false);
    }
    expect(large.body.length).toBeLessThanOrEqual(3_000_000);
    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(servers.at(-1)?.child.exitCode).toBeNull();
  });
});

/** GET `url`, wait `pauseMs` after the headers before reading the body, and read until the server ends or cuts it. */
function download(url: string, pauseMs: number): Promise<{ status: number; complete: boolean; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      response.pause();
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = () =>
        resolve({ status: response.statusCode ?? 0, complete: response.complete, body: Buffer.concat(chunks).toString('utf8') });
      response.on('end', done);
      response.on('error', done);
      response.on('aborted', done);
      setTimeout(() => response.resume(), pauseMs);
    }).on('error', reject);
  });
}
