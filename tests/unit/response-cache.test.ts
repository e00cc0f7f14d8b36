// RESPONSE_CACHE: off by default; on, a repeated query is answered without the store, and a mutation evicts it.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { createBoundedResponseCache } from '../../src/plugins/response-cache-store.ts';
import { countingStore, graphqlClient, seed } from '../helpers.ts';

const TOKEN = 'cache-test-token-0123456789';
const PERSON = /* GraphQL */ `{ person(slug: "thom-russo") { id name aliases } }`;
const RENAME = /* GraphQL */ `mutation { upsertPerson(input: { slug: "thom-russo", name: "Thomas Russo",
  source: { document: "thom-russo-article", quote: "Thom Russo" } }) { id name } }`;

async function client(env: Record<string, string>) {
  const memory = new MemoryStore();
  await memory.load(await seed());
  const { store, calls } = countingStore(memory);
  const ask = graphqlClient(store, loadConfig({ LOG_LEVEL: 'silent', API_TOKENS: TOKEN, ...env }));
  return { ask, calls };
}

describe('the response cache', () => {
  it('is off by default: every query reaches the store', async () => {
    const { ask, calls } = await client({});
    await ask(PERSON);
    await ask(PERSON);
    expect(calls.get('nodesBySlug')).toBe(2);
  });

  it('answers a repeated query from the cache, and serves the change once a mutation evicts it', async () => {
    const { ask, calls } = await client({ RESPONSE_CACHE: 'true' });
    const first = await ask(PERSON);
    expect(await ask(PERSON)).toEqual(first);
    expect(calls.get('nodesBySlug')).toBe(1);
    expect((await ask(RENAME, {}, TOKEN)).errors).toBeUndefined();
    expect(await ask(PERSON)).toMatchObject({ data: { person: { name: 'Thomas Russo' } } });
  });

  it('serves a merge and its undo at once: mergeNodes and splitNode move the data version too', async () => {
    const { ask } = await client({ RESPONSE_CACHE: 'true' });
    const CREDITS = /* GraphQL */ `{ person(slug: "rick-rubin") { aliases credits { totalCount } } }`;
    const second = await ask(
      `mutation { upsertPerson(input: { slug: "rick-rubin-2", name: "Rick Rubin", aliases: ["Rubin"],
         source: { document: "thom-russo-article", quote: "Rick Rubin" } }) { slug } }`,
      {},
      TOKEN,
    );
    expect(second.errors).toBeUndefined();
    const first = await ask(CREDITS);
    expect(await ask(CREDITS)).toEqual(first);
    const merged = await ask(
      `mutation { mergeNodes(label: PERSON, keep: "rick-rubin", merge: "rick-rubin-2") { id } }`,
      {},
      TOKEN,
    );
    expect(merged.errors).toBeUndefined();
    expect(await ask(CREDITS)).toMatchObject({ data: { person: { aliases: ['Rubin'] } } });
    const id = (merged.data.mergeNodes as { id: string }).id;
    expect((await ask(`mutation { splitNode(merge: "${id}") { undone } }`, {}, TOKEN)).errors).toBeUndefined();
    expect(await ask(CREDITS)).toEqual(first);
  });
});

// Issue 24: memory held by any cache is bounded in bytes, not only entries.
describe('the response cache is bounded in bytes (RESPONSE_CACHE_MAX_BYTES)', () => {
  it('keeps no answer larger than the whole budget: each such query reaches the store', async () => {
    const { ask, calls } = await client({ RESPONSE_CACHE: 'true', RESPONSE_CACHE_MAX_BYTES: '100' });
    await ask(PERSON);
    await ask(PERSON);
    expect(calls.get('nodesBySlug')).toBe(2);
  });

  it('drops the least recently used answers past the budget, and still invalidates by entity', async () => {
    const cache = createBoundedResponseCache(100_000);
    const answer = (i: number) => ({ data: { text: `${i}`.padEnd(10_000, 'x') } });
    for (let i = 0; i < 50; i++) await cache.set(`r${i}`, answer(i), [{ typename: 'Document', id: i }], 60_000);
    const kept = (await Promise.all(Array.from({ length: 50 }, (_, i) => cache.get(`r${i}`)))).filter(Boolean);
    // 20,000 bytes each (10,000+ characters at 2 bytes): four fit in 100,000 bytes, not fifty.
    expect(kept.length).toBe(4);
    expect(await cache.get('r49')).toEqual(answer(49));
    expect(await cache.get('r0')).toBeNull();
    await cache.invalidate([{ typename: 'Document', id: 49 }]);
    expect(await cache.get('r49')).toBeNull();
    expect(await cache.get('r48')).toEqual(answer(48));
  });
});
