// The real entry point over real HTTP: start, answer, shut down on SIGTERM, refuse bad configuration.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

function start(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return { child, output: () => output };
}

async function waitFor(pattern: RegExp, output: () => string): Promise<RegExpMatchArray> {
  for (let i = 0; i < 300; i++) {
    const match = output().match(pattern);
    if (match) return match;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never printed ${pattern}: ${output()}`);
}

describe('npm start on the embedded store', () => {
  let server: ReturnType<typeof start>;
  let base = '';
  beforeAll(async () => {
    server = start({});
    const [, url] = await waitFor(/serving GraphQL on (http:\/\/\S+)\/graphql/, server.output);
    base = url as string;
  });
  afterAll(() => {
    server.child.kill('SIGKILL');
  });

  it('answers { __typename } on /graphql and 200 on /health and /ready', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(await response.json()).toEqual({ data: { __typename: 'Query' } });
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
  });

  it('serves GraphiQL with the example operations to a browser', async () => {
    const response = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    const html = await response.text();
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('ArtistsWithBoth');
  });

  it('loaded the seed at start', async () => {
    expect(server.output()).toMatch(/loaded .*thom-russo\.json into the embedded store: \d+ nodes, \d+ relationships/);
  });

  it('exits cleanly on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(0);
  });
});

describe('npm start with a bad setting', () => {
  it('exits 1 naming the variable', async () => {
    const bad = start({ PORT: 'http' });
    const [code] = await once(bad.child, 'exit');
    expect(code).toBe(1);
    expect(bad.output()).toMatch(/PORT="http": must be a whole number/);
  });
});
