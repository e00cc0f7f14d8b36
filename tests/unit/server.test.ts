// The real entry point over real HTTP: start, answer, shut down on SIGTERM, refuse bad configuration.
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from '../server-process.ts';

describe('npm start on the embedded store', () => {
  let server: ServerProcess;
  let base = '';
  beforeAll(async () => {
    server = startServer({ DATA_DIR: mkdtempSync(join(tmpdir(), 'liner-server-')), LOG_LEVEL: 'info' });
    base = await server.ready();
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
    // Served from this server, not a CDN: it must work with no network beyond the server.
    expect(html).not.toMatch(/unpkg|jsdelivr|cdnjs/);
  });

  it('loaded the seed into its new database at start', async () => {
    expect(server.output()).toMatch(/embedded \(durable\) store: seed .*thom-russo\.json: \d+ nodes, \d+ relationships/);
    expect(server.output()).toMatch(/new database .*liner\.db, the seed loaded into it/);
  });

  it('exits cleanly on SIGTERM', async () => {
    server.child.kill('SIGTERM');
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(0);
  });
});

describe('npm start with a bad setting', () => {
  it('exits 1 naming the variable', async () => {
    const bad = startServer({ PORT: 'http' });
    const [code] = await once(bad.child, 'exit');
    expect(code).toBe(1);
    expect(bad.output()).toMatch(/PORT="http": must be a whole number/);
  });
});
