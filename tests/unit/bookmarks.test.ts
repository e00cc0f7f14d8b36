// X-Liner-Bookmark on the embedded store and before any store: the header's checks, the response cache it bypasses,
// and what a write answers where one process owns the data (tests/neo4j/replicas.test.ts covers Neo4j and replicas).
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { BadBookmarkError, MAX_BOOKMARK_LENGTH, MAX_BOOKMARKS, parseBookmarkHeader } from '../../src/request-bookmarks.ts';
import { seed } from '../helpers.ts';

const TOKEN = 'bookmarks-test-token-0123456789';
const NEO4J_LIKE = 'FB:kcwQfiOmDcJqQaiPcpjMk27q5UiQ';
const QUERY = /* GraphQL */ `{ person(slug: "thom-russo") { name } }`;
const RENAME = /* GraphQL */ `mutation { upsertPerson(input: { slug: "thom-russo", name: "Thomas Russo",
  source: { document: "thom-russo-article", quote: "Thom Russo" } }) { name } }`;

describe('parseBookmarkHeader', () => {
  it('takes one bookmark or several separated by commas, trimmed, each once', () => {
    expect(parseBookmarkHeader(NEO4J_LIKE)).toEqual([NEO4J_LIKE]);
    expect(parseBookmarkHeader(` ${NEO4J_LIKE} , FB:a-b_c+d/e= ,${NEO4J_LIKE}`)).toEqual([NEO4J_LIKE, 'FB:a-b_c+d/e=']);
  });

  it('refuses an empty header, too many or too long bookmarks and foreign characters, saying which', () => {
    const refusal = (value: string) => {
      try {
        parseBookmarkHeader(value);
      } catch (error) {
        expect(error).toBeInstanceOf(BadBookmarkError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${value}`);
    };
    expect(refusal(' , ')).toMatch(/^The X-Liner-Bookmark header is empty/);
    expect(refusal(Array.from({ length: MAX_BOOKMARKS + 1 }, (_, i) => `FB:${i}`).join(','))).toMatch(
      `holds ${MAX_BOOKMARKS + 1} bookmarks; at most ${MAX_BOOKMARKS}`,
    );
    expect(refusal(`FB:a,FB:${'x'.repeat(MAX_BOOKMARK_LENGTH)}`)).toMatch(/bookmark 2 is \d+ characters long/);
    expect(refusal('FB:a;drop')).toMatch(/bookmark 1 \("FB:a;drop"\) is not a bookmark/);
  });
});

async function embeddedApp() {
  const store = new MemoryStore();
  await store.load(await seed());
  const yoga = createApp({
    store,
    config: loadConfig({ LOG_LEVEL: 'silent', API_TOKENS: TOKEN, RESPONSE_CACHE: 'true', RESPONSE_CACHE_TTL_MS: '600000' }),
  });
  const post = (query: string, headers: Record<string, string> = {}) =>
    yoga.fetch('http://liner.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query }),
    });
  const get = (query: string, headers: Record<string, string> = {}) =>
    yoga.fetch(`http://liner.test/graphql?${new URLSearchParams({ query })}`, { headers });
  return { post, get };
}

describe('X-Liner-Bookmark on the embedded store', () => {
  it('answers a malformed header 400 with BAD_BOOKMARK, before running anything', async () => {
    const { post } = await embeddedApp();
    const response = await post(RENAME, { authorization: `Bearer ${TOKEN}`, 'x-liner-bookmark': 'not a bookmark' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe('BAD_BOOKMARK');
    expect(body.errors[0]?.message).toMatch(/X-Liner-Bookmark/);
    // The refused mutation did not run.
    expect(await (await post(QUERY)).json()).toEqual({ data: { person: { name: 'Thom Russo' } } });
  });

  it('accepts a well-formed header and has nothing to wait for: one process owns the data; writes answer none', async () => {
    const { post } = await embeddedApp();
    const write = await post(RENAME, { authorization: `Bearer ${TOKEN}` });
    expect(await write.json()).toEqual({ data: { upsertPerson: { name: 'Thomas Russo' } } });
    expect(write.headers.get('x-liner-bookmark')).toBeNull();
    const read = await post(QUERY, { 'x-liner-bookmark': NEO4J_LIKE });
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ data: { person: { name: 'Thomas Russo' } } });
  });

  it('never answers a request carrying a bookmark from the response cache, not even with a 304', async () => {
    const { get } = await embeddedApp();
    const first = await get(QUERY);
    const etag = first.headers.get('etag');
    expect(etag).not.toBeNull();
    expect((await get(QUERY, { 'if-none-match': etag ?? '' })).status).toBe(304);
    const bookmarked = await get(QUERY, { 'if-none-match': etag ?? '', 'x-liner-bookmark': NEO4J_LIKE });
    expect(bookmarked.status).toBe(200);
    expect(bookmarked.headers.get('etag')).toBeNull();
    expect(bookmarked.headers.get('vary')).toMatch(/X-Liner-Bookmark/i);
    expect(await bookmarked.json()).toEqual({ data: { person: { name: 'Thom Russo' } } });
  });
});
