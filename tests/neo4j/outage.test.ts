// Neo4j outages with a real Neo4j of the test's own: start-up waits for it, requests fail fast while it is down,
// /ready turns 503, and the server recovers by itself when Neo4j is back.
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../server-process.ts';
import { describeNeo4j } from './neo4j-env.ts';

const LAUNCHER = fileURLToPath(new URL('../../tools/neo4j-local/', import.meta.url));
const PORT = String(Number(process.env.NEO4J_OUTAGE_PORT ?? 7697));
const PASSWORD = 'outage-test-password';
const HOME = mkdtempSync(join(tmpdir(), 'liner-outage-'));
const neo4jEnv = {
  ...process.env,
  NEO4J_BOLT_PORT: PORT,
  NEO4J_PASSWORD: PASSWORD,
  NEO4J_LOCAL_HOME: join(HOME, 'db'),
  NEO4J_KEEP_DATA: '1',
};
// Asynchronously, so the test's own HTTP client keeps its clock (a blocked event loop reuses dead keep-alive sockets).
const neo4j = (action: 'start' | 'stop') =>
  promisify(execFile)('bash', [join(LAUNCHER, `${action}.sh`)], { env: neo4jEnv, timeout: 240_000 });

const QUERY = JSON.stringify({ query: '{ person(slug: "thom-russo") { name } }' });

describeNeo4j('a Neo4j outage', () => {
  let server: ServerProcess | undefined;
  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await neo4j('stop');
  });

  const ask = async (base: string) => {
    const started = performance.now();
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: QUERY,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown>, ms: performance.now() - started };
  };

  it('is survived: wait at start, fail fast while down, recover without a restart', async () => {
    // Neo4j is down when Liner starts: Liner waits, saying so, instead of dying.
    server = startServer({
      NEO4J_URI: `bolt://127.0.0.1:${PORT}`,
      NEO4J_PASSWORD: PASSWORD,
      NEO4J_STARTUP_TIMEOUT_MS: '200000',
      LOG_LEVEL: 'info',
    });
    const output = server.output;
    for (let i = 0; i < 200 && !/not answering yet/.test(output()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(output()).toMatch(/Neo4j at bolt:\/\/127\.0\.0\.1:\d+ is not answering yet \(attempt \d+\); retrying/);
    await neo4j('start');
    const base = await server.ready(120_000);
    expect(await ask(base)).toMatchObject({ status: 200, body: { data: { person: { name: 'Thom Russo' } } } });
    expect((await fetch(`${base}/ready`)).status).toBe(200);

    await neo4j('stop');
    const down = await ask(base);
    expect(down.body).toMatchObject({ errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] });
    expect(down.status).toBe(503);
    expect(down.ms).toBeLessThan(15_000);
    console.info(`Neo4j down: SERVICE_UNAVAILABLE after ${Math.round(down.ms)} ms`);
    expect((await fetch(`${base}/ready`)).status).toBe(503);
    expect((await fetch(`${base}/health`)).status).toBe(200);

    await neo4j('start');
    let back = await ask(base);
    for (let i = 0; i < 60 && back.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 500));
      back = await ask(base);
    }
    expect(back).toMatchObject({ status: 200, body: { data: { person: { name: 'Thom Russo' } } } });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    expect(server.child.exitCode).toBeNull();
  }, 600_000);
});
