// Cache-Control: public for a few seconds on anonymous GET reads while reads need no token; no-store or private else.
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed } from '../helpers.ts';

const TOKEN = 'cache-control-token-0123456789';
const QUERY = /* GraphQL */ `{ person(slug: "thom-russo") { name } }`;
const RENAME = /* GraphQL */ `mutation { upsertPerson(input: { slug: "thom-russo", name: "Thomas Russo",
  source: { document: "thom-russo-article", quote: "Thom Russo" } }) { id name } }`;

async function app(env: Record<string, string> = {}) {
  const store = new MemoryStore();
  await store.load(await seed());
  const yoga = createApp({ store, config: loadConfig({ LOG_LEVEL: 'silent', API_TOKENS: TOKEN, ...env }) });
  const get = (query: string, headers: Record<string, string> = {}) =>
    yoga.fetch(`http://liner.test/graphql?${new URLSearchParams({ query })}`, {
      headers: { accept: 'application/graphql-response+json', ...headers },
    });
  const post = (query: string, headers: Record<string, string> = {}) =>
    yoga.fetch('http://liner.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
  return { yoga, get, post };
}

describe('Cache-Control', () => {
  it('lets shared caches keep an anonymous GET read for CACHE_MAX_AGE_S (default 10), varying on Authorization', async () => {
    const { get } = await app();
    const response = await get(QUERY);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=10');
    expect(response.headers.get('vary')).toMatch(/authorization/i);
    const longer = await (await app({ CACHE_MAX_AGE_S: '60' })).get(QUERY);
    expect(longer.headers.get('cache-control')).toBe('public, max-age=60');
    const off = await (await app({ CACHE_MAX_AGE_S: '0' })).get(QUERY);
    expect(off.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps an authenticated GET private', async () => {
    const { get } = await app();
    const response = await get(QUERY, { authorization: `Bearer ${TOKEN}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('never lets a GET be public while reads need a token', async () => {
    const { get } = await app({ REQUIRE_AUTH_FOR_READS: 'true' });
    expect((await get(QUERY, { authorization: `Bearer ${TOKEN}` })).headers.get('cache-control')).toBe('private, no-cache');
    expect((await get(QUERY)).headers.get('cache-control')).toBe('no-store');
  });

  it('sends no-store for POSTs, mutations included', async () => {
    const { post } = await app();
    expect((await post(QUERY)).headers.get('cache-control')).toBe('no-store');
    const mutation = await post(RENAME, { authorization: `Bearer ${TOKEN}` });
    expect(mutation.status).toBe(200);
    expect(mutation.headers.get('cache-control')).toBe('no-store');
  });

  it('never caches errors: a refused GET mutation, a bad query, a field error', async () => {
    const { get } = await app();
    let errors = 0;
    for (const query of [RENAME, '{ nope }', '{ person(slug: "no-such-person-anywhere") { name } }', '{']) {
      const response = await get(query);
      const body = (await response.json()) as { errors?: unknown[] };
      if (response.status === 200 && body.errors === undefined) continue; // an answer without errors (null person)
      expect([query, response.headers.get('cache-control')]).toEqual([query, 'no-store']);
      errors++;
    }
    expect(errors).toBeGreaterThanOrEqual(3);
  });

  it('leaves GraphiQL and other routes alone', async () => {
    const { yoga } = await app();
    const page = await yoga.fetch('http://liner.test/graphql', { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    // Its own, not a GraphQL read's: revalidated each time against its ETag (a 304 when unchanged).
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(page.headers.get('etag')).toBeTruthy();
    expect((await yoga.fetch('http://liner.test/health')).headers.get('cache-control')).toBeNull();
  });

  it('repeats the public Cache-Control on a 304 from the response cache', async () => {
    const { get } = await app({ RESPONSE_CACHE: 'true' });
    const first = await get(QUERY);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await get(QUERY, { 'if-none-match': etag as string });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('public, max-age=10');
  });
});
