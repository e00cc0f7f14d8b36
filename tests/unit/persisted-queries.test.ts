// Automatic Persisted Queries over app.fetch: register once, then hash-only GETs; unknown hashes; a bounded store.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { BoundedQueryStore } from '../../src/plugins/persisted-queries.ts';
import { seed } from '../helpers.ts';

const QUERY = /* GraphQL */ `{ person(slug: "thom-russo") { name } }`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const persisted = (hash: string) => JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });

async function app(env: Record<string, string> = {}) {
  const store = new MemoryStore();
  await store.load(await seed());
  const yoga = createApp({ store, config: loadConfig({ LOG_LEVEL: 'silent', ...env }) });
  const get = (params: Record<string, string>) =>
    yoga.fetch(`http://liner.test/graphql?${new URLSearchParams(params)}`, {
      headers: { accept: 'application/graphql-response+json' },
    });
  return { yoga, get };
}

describe('automatic persisted queries', () => {
  it('runs a hash-only GET once the query was registered, and caches it publicly', async () => {
    const { get } = await app();
    const hash = sha256(QUERY);
    const registered = await get({ query: QUERY, extensions: persisted(hash) });
    expect(registered.status).toBe(200);
    expect(await registered.json()).toEqual({ data: { person: { name: 'Thom Russo' } } });

    const hashOnly = await get({ extensions: persisted(hash) });
    expect(hashOnly.status).toBe(200);
    expect(await hashOnly.json()).toEqual({ data: { person: { name: 'Thom Russo' } } });
    expect(hashOnly.headers.get('cache-control')).toBe('public, max-age=10');
  });

  it('registers with a JSON POST too', async () => {
    const { yoga, get } = await app();
    const hash = sha256(QUERY);
    const post = await yoga.fetch('http://liner.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: QUERY, extensions: JSON.parse(persisted(hash)) }),
    });
    expect(post.status).toBe(200);
    expect(await (await get({ extensions: persisted(hash) })).json()).toEqual({ data: { person: { name: 'Thom Russo' } } });
  });

  it('answers an unknown hash with PersistedQueryNotFound, not cached', async () => {
    const { get } = await app();
    const response = await get({ extensions: persisted(sha256('{ never { sent } }')) });
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('refuses a query whose hash does not match it', async () => {
    const { get } = await app();
    const response = await get({ query: QUERY, extensions: persisted(sha256('something else')) });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('PERSISTED_QUERY_MISMATCH');
  });

  it('keeps at most APQ_MAX_ENTRIES queries: the least recently used go first', async () => {
    const { get } = await app({ APQ_MAX_ENTRIES: '3' });
    const queries = [1, 2, 3, 4].map((n) => `{ q${n}: person(slug: "thom-russo") { name } }`);
    for (const q of queries.slice(0, 3)) await get({ query: q, extensions: persisted(sha256(q)) });
    // Using the first makes the second the least recently used.
    expect((await get({ extensions: persisted(sha256(queries[0] as string)) })).status).toBe(200);
    await get({ query: queries[3] as string, extensions: persisted(sha256(queries[3] as string)) });
    const codes = await Promise.all(queries.map(async (q) => (await get({ extensions: persisted(sha256(q)) })).status));
    expect(codes).toEqual([200, 404, 200, 200]);
  });

  it('is off with APQ=false: the hash is ignored and a hash-only request has no query', async () => {
    const { get } = await app({ APQ: 'false' });
    const hash = sha256(QUERY);
    await get({ query: QUERY, extensions: persisted(hash) });
    const response = await get({ extensions: persisted(hash) });
    expect(response.status).toBe(400);
  });
});

describe('the persisted query store', () => {
  it('never holds more than its entries or characters, however many queries arrive', () => {
    const store = new BoundedQueryStore(100, 10_000);
    for (let i = 0; i < 100_000; i++) store.set(sha256(String(i)), `{ a${i}: __typename }`);
    expect(store.size).toBe(100);
    expect(store.chars).toBeLessThanOrEqual(10_000);
    const big = new BoundedQueryStore(1000, 5_000);
    for (let i = 0; i < 100; i++) big.set(sha256(String(i)), 'x'.repeat(1000));
    expect(big.size).toBeLessThanOrEqual(4);
    expect(big.chars).toBeLessThanOrEqual(5_000);
  });

  it('does not keep a query larger than its whole budget', () => {
    const store = new BoundedQueryStore(10, 100);
    store.set('a', 'x'.repeat(50));
    store.set('b', 'x'.repeat(500));
    expect(store.get('b')).toBeUndefined();
    expect(store.get('a')).toBe('x'.repeat(50));
  });
});
