// Two Liner replicas (real processes, real HTTP) on the one test Neo4j, behind a real nginx balancing round robin: a
// write through the balancer, then a read on the *other* replica with the write's X-Liner-Bookmark, 200 times, never
// stale. The replicas run with a long-lived response cache, the per-process state that really does go stale across
// replicas (a standalone Neo4j itself answers every committed write at once): the negative control shows a read
// without the bookmark answered from that cache with the old value, which is what the bookmark fixes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookmarkedFetch } from '../../src/client/bookmarked-fetch.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { type Balancer, HAVE_NGINX, NGINX, startBalancer, UPSTREAM_HEADER } from '../../tools/nginx-balancer.ts';
import { type ServerProcess, startServer } from '../server-process.ts';
import { connection, describeNeo4j, seededNeo4jStore } from './neo4j-env.ts';

const IN_CI = !['', '0', 'false'].includes((process.env.CI ?? '').toLowerCase());
const TOKEN = 'replicas-test-token-0123456789';
const ROUNDS = 200;

// Registered only without nginx: `it.runIf(false)` would still count as a skipped Neo4j test, which CI refuses.
if (!HAVE_NGINX)
  it(`needs nginx at ${NGINX}`, (context) => {
    const install = 'apt-get update && apt-get install -y nginx';
    if (IN_CI) throw new Error(`nginx is missing at ${NGINX}: CI must run the replicas test (${install}).`);
    context.skip(`no nginx at ${NGINX}, so the replicas test is skipped here (${install} to run it)`);
  });

interface Answer {
  status: number;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
    extensions?: { bookmark?: string };
  };
  bookmark: string | null;
  upstream: string | null;
}

async function post(base: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    body: (await response.json()) as Answer['body'],
    bookmark: response.headers.get('x-liner-bookmark'),
    upstream: response.headers.get(UPSTREAM_HEADER),
  } satisfies Answer;
}

const RENAME = /* GraphQL */ `mutation Rename($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug name } }`;
const NAME = /* GraphQL */ `query Name($slug: String!) { person(slug: $slug) { name } }`;
const SLUG = 'replica-probe';
const rename = (name: string) => ({
  input: { slug: SLUG, name, source: { document: 'liner-editorial-inference', quote: 'replica probe' } },
});
const nameOf = (answer: Answer) => (answer.body.data?.person as { name?: string } | null | undefined)?.name;

const describeReplicas = HAVE_NGINX ? describeNeo4j : describe.skip;

describeReplicas('replicas: two Liner processes behind nginx on one Neo4j', () => {
  let store: Neo4jStore;
  const replicas: ServerProcess[] = [];
  /** Each replica's URL by the host:port the balancer names it with. */
  const byUpstream = new Map<string, string>();
  let balancer: Balancer;

  beforeAll(async () => {
    store = await seededNeo4jStore();
    const { uri, user, password, database } = connection();
    for (let i = 0; i < 2; i++)
      replicas.push(
        startServer({
          NEO4J_URI: uri,
          NEO4J_USER: user,
          NEO4J_PASSWORD: password,
          NEO4J_DATABASE: database,
          LOAD_SEED: 'false',
          API_TOKENS: TOKEN,
          // A cache that outlives the test: a replica answers from it until told to look at the store.
          RESPONSE_CACHE: 'true',
          RESPONSE_CACHE_TTL_MS: '3600000',
          // Every request comes from one address: far past what one client may send.
          RATE_LIMIT_PER_SECOND: '0',
          MAX_CONCURRENT_PER_CLIENT: '10000',
        }),
      );
    for (const replica of replicas) {
      const url = await replica.ready(60_000);
      byUpstream.set(new URL(url).host, url);
    }
    balancer = await startBalancer([...byUpstream.keys()]);
    const first = await post(balancer.url, RENAME, rename('Probe 0'), { authorization: `Bearer ${TOKEN}` });
    expect(first.body.errors).toBeUndefined();
  });

  afterAll(async () => {
    await balancer?.stop();
    for (const replica of replicas) {
      if (replica.child.exitCode !== null) continue;
      const exited = new Promise((done) => replica.child.once('exit', done));
      replica.child.kill('SIGTERM');
      await exited;
    }
    await store?.close();
  });

  /** The replica the balancer did not send `answer` to. */
  const otherThan = (answer: Answer) => {
    const other = [...byUpstream].find(([upstream]) => upstream !== answer.upstream);
    if (!answer.upstream || !byUpstream.has(answer.upstream) || !other)
      throw new Error(`the balancer named no known replica: ${answer.upstream}`);
    return other[1];
  };

  it('answers a write with its bookmark, in the header and in extensions.bookmark alike; reads answer none', async () => {
    const write = await post(balancer.url, RENAME, rename('Probe header'), { authorization: `Bearer ${TOKEN}` });
    expect(write.body.data).toEqual({ upsertPerson: { slug: SLUG, name: 'Probe header' } });
    expect(write.bookmark).toMatch(/^\S+$/);
    expect(write.body.extensions?.bookmark).toBe(write.bookmark);
    const read = await post(balancer.url, NAME, { slug: SLUG }, { 'x-liner-bookmark': write.bookmark ?? '' });
    expect(nameOf(read)).toBe('Probe header');
    expect(read.bookmark).toBeNull();
    expect(read.body.extensions?.bookmark).toBeUndefined();
  });

  it('negative control: without the bookmark, the other replica answers the old name from its cache', async () => {
    const [a, b] = [...byUpstream.values()] as [string, string];
    // B reads the current name once, so its cache holds it.
    const old = nameOf(await post(b, NAME, { slug: SLUG }));
    expect(old).not.toBe('Probe control');
    const write = await post(a, RENAME, rename('Probe control'), { authorization: `Bearer ${TOKEN}` });
    expect(write.body.errors).toBeUndefined();
    // Stale: the write went through A, and B's cache knows nothing of it.
    expect(nameOf(await post(b, NAME, { slug: SLUG }))).toBe(old);
    // With the bookmark, B reads the store, which has the write.
    expect(nameOf(await post(b, NAME, { slug: SLUG }, { 'x-liner-bookmark': write.bookmark ?? '' }))).toBe('Probe control');
  });

  it(`reads its own write on the other replica with the bookmark, ${ROUNDS} times, never stale`, async () => {
    const served = new Map<string, number>();
    const stale: string[] = [];
    for (let i = 1; i <= ROUNDS; i++) {
      const name = `Probe ${i}`;
      const write = await post(balancer.url, RENAME, rename(name), { authorization: `Bearer ${TOKEN}` });
      expect(write.body.errors).toBeUndefined();
      expect(write.bookmark).not.toBeNull();
      served.set(write.upstream ?? '?', (served.get(write.upstream ?? '?') ?? 0) + 1);
      const other = otherThan(write);
      const read = await post(other, NAME, { slug: SLUG }, { 'x-liner-bookmark': write.bookmark ?? '' });
      if (nameOf(read) !== name)
        stale.push(`round ${i}: wrote "${name}" through ${write.upstream}, read "${nameOf(read)}" on ${other}`);
      // The other replica's cache now holds this name for bookmark-less reads: the next round's write makes it stale.
      await post(other, NAME, { slug: SLUG });
    }
    expect(stale).toEqual([]);
    // Round robin really spread the writes over both replicas, so every read above was on a replica that did not write.
    expect([...served.keys()].sort()).toEqual([...byUpstream.keys()].sort());
    for (const count of served.values()) expect(count).toBeGreaterThan(ROUNDS / 4);
  }, 300_000);

  it('the documented client helper keeps the bookmark across requests through the balancer', async () => {
    const client = bookmarkedFetch();
    const ask = async (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const response = await client(`${balancer.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { body: (await response.json()) as Answer['body'], upstream: response.headers.get(UPSTREAM_HEADER) };
    };
    const upstreams = new Set<string | null>();
    for (let i = 1; i <= 20; i++) {
      const write = await ask(RENAME, rename(`Helper ${i}`), { authorization: `Bearer ${TOKEN}` });
      expect(write.body.errors).toBeUndefined();
      expect(client.bookmark).toBe(write.body.extensions?.bookmark);
      // Twice, so that with round robin one of the two reads lands on the replica that did not take the write.
      for (const read of [await ask(NAME, { slug: SLUG }), await ask(NAME, { slug: SLUG })]) {
        upstreams.add(read.upstream);
        expect(nameOf({ status: 200, body: read.body, bookmark: null, upstream: null })).toBe(`Helper ${i}`);
      }
    }
    expect(upstreams.size).toBe(2);
    // A bookmark the caller sets itself wins over the kept one (here a malformed one, refused as such).
    const own = await client(`${balancer.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-liner-bookmark': 'not a bookmark' },
      body: JSON.stringify({ query: NAME, variables: { slug: SLUG } }),
    });
    expect(own.status).toBe(400);
    client.reset();
    expect(client.bookmark).toBeNull();
  });

  it('refuses a malformed bookmark with a 400 naming the header, and one Neo4j never issued with BAD_BOOKMARK', async () => {
    const malformed = await post(balancer.url, NAME, { slug: SLUG }, { 'x-liner-bookmark': 'FB:abc, not a bookmark' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.message).toMatch(/X-Liner-Bookmark header bookmark 2/);
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('BAD_BOOKMARK');
    // Refused by Neo4j itself: proof that the header reaches the sessions of reads and of writes alike.
    const foreign = await post(balancer.url, NAME, { slug: SLUG }, { 'x-liner-bookmark': 'FB:bogus' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.[0]?.extensions?.code).toBe('BAD_BOOKMARK');
    const real = await post(balancer.url, RENAME, rename('Probe refusals'), { authorization: `Bearer ${TOKEN}` });
    expect(real.bookmark).not.toBeNull();
    const write = await post(balancer.url, RENAME, rename('Never written'), {
      authorization: `Bearer ${TOKEN}`,
      'x-liner-bookmark': 'FB:bogus',
    });
    expect(write.body.errors?.[0]?.extensions?.code).toBe('BAD_BOOKMARK');
    expect(write.bookmark).toBeNull();
    // Nothing of the refused write landed (read with the real bookmark, so not from a cache).
    expect(nameOf(await post(balancer.url, NAME, { slug: SLUG }, { 'x-liner-bookmark': real.bookmark ?? '' }))).toBe(
      'Probe refusals',
    );
  });
});
