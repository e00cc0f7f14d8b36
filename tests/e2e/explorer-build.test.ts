// The explorer as shipped: the committed build matches its sources, and the server serves it at /explore.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { BUILD_INFO, EXPLORER_DIST, explorerSourceHash } from '../../src/explorer/source-hash.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { testConfig } from '../helpers.ts';

describe('explorer/dist, the committed build', () => {
  it('was built from the explorer sources as they are now', () => {
    const info = JSON.parse(readFileSync(join(EXPLORER_DIST, BUILD_INFO), 'utf8')) as { sourceHash: string };
    expect(
      info.sourceHash,
      'explorer/dist is stale: run `npm run explorer:build` and commit explorer/dist with the sources',
    ).toBe(explorerSourceHash());
  });

  it('holds every script and stylesheet its index.html loads', () => {
    const html = readFileSync(join(EXPLORER_DIST, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\/explore\/([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    expect(assets.some((a) => a.endsWith('.css'))).toBe(true);
    for (const asset of assets) expect(existsSync(join(EXPLORER_DIST, asset)), asset).toBe(true);
    // Nothing from another origin: the page must work with no network but this server.
    expect(html).not.toMatch(/(?:src|href)="(?:https?:)?\/\//);
  });
});

describe('GET /explore', () => {
  const app = createApp({ store: new MemoryStore(), config: testConfig });
  const get = (path: string, headers: Record<string, string> = {}) => app.fetch(`http://liner.test${path}`, { headers });
  const html = readFileSync(join(EXPLORER_DIST, 'index.html'), 'utf8');
  const script = html.match(/src="\/explore\/(assets\/[^"]+\.js)"/)?.[1] as string;

  it('answers the page at /explore and /explore/, revalidated on each visit, allowed to reach only this server', async () => {
    for (const path of ['/explore', '/explore/']) {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(await response.text()).toBe(html);
    }
  });

  it('serves the hashed script as JavaScript, cached for a year, gzipped for a client that takes it', async () => {
    const plain = await get(`/explore/${script}`);
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await plain.arrayBuffer());
    expect(body.equals(readFileSync(join(EXPLORER_DIST, script)))).toBe(true);

    const gzipped = await get(`/explore/${script}`, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    const compressed = Buffer.from(await gzipped.arrayBuffer());
    expect(compressed.length).toBeLessThan(body.length / 2);
    expect(gunzipSync(compressed).equals(body)).toBe(true);
  });

  it('answers 304 to a client holding the current version', async () => {
    const etag = (await get('/explore')).headers.get('etag') as string;
    expect(etag).toMatch(/^".+"$/);
    expect((await get('/explore', { 'if-none-match': etag })).status).toBe(304);
  });

  it('answers 404 for files it does not have, and never reads outside the build', async () => {
    for (const path of [
      '/explore/nope.js',
      '/explore/assets/',
      '/explore/..%2fpackage.json',
      '/explore/%2e%2e/%2e%2e/package.json',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text()).not.toContain('"name": "liner"');
    }
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await app.fetch('http://liner.test/explore', { method: 'POST', body: '{}' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
