// @defer and @stream over real HTTP (the server in a child process): the initial payload, the later ones, `hasNext`
// false at the end, as multipart/mixed and as server-sent events; and how they meet APQ, Cache-Control, the response
// cache, the query limits and the metrics.
import { createHash } from 'node:crypto';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { type Deadline, DeadlineExceededError, type GraphStore } from '../../src/graph/store.ts';
import { EXAMPLE_OPERATIONS } from '../../src/graphiql-examples.ts';
import { usesDeferOrStream } from '../../src/plugins/compiled-execution.ts';
import { seed } from '../helpers.ts';
import { mergePayloads, multipartPayloads, type Payload, ssePayloads } from '../incremental.ts';
import { type ServerProcess, startServer } from '../server-process.ts';

const PLAIN = /* GraphQL */ `query Plain { person(slug: "thom-russo") { name
  collaborators(first: 3) { totalCount edges { node { slug } sharedWorks { slug } } } } }`;
const DEFERRED = /* GraphQL */ `query Deferred { person(slug: "thom-russo") { name
  ... @defer(label: "collaborators") {
    collaborators(first: 3) { totalCount edges { node { slug } sharedWorks { slug } } } } } }`;

/** What a client that can read incremental answers sends: JSON for single answers (errors), multipart for streams. */
const BOTH = 'application/graphql-response+json, multipart/mixed';

let server: ServerProcess;
let cached: ServerProcess;
let base = '';
let cachedBase = '';

beforeAll(async () => {
  server = startServer({});
  // The response cache on, and room for two directives only.
  cached = startServer({ RESPONSE_CACHE: 'true', MAX_DIRECTIVES: '2' });
  [base, cachedBase] = await Promise.all([server.ready(), cached.ready()]);
}, 60_000);
afterAll(() => {
  server?.child.kill('SIGKILL');
  cached?.child.kill('SIGKILL');
});

const post = (query: string, accept: string, extra: Record<string, unknown> = {}, at = base) =>
  fetch(`${at}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify({ query, ...extra }),
  });

/** The same operation without @defer/@stream, answered as one JSON document. */
async function plainAnswer(query: string): Promise<Record<string, unknown>> {
  const body = (await (await post(query, 'application/graphql-response+json')).json()) as Payload;
  expect(body.errors).toBeUndefined();
  return body.data as Record<string, unknown>;
}

/** Initial payload first with hasNext true, only the last with hasNext false, and no errors anywhere. */
function expectWellFormed(payloads: Payload[]) {
  expect(payloads.length).toBeGreaterThanOrEqual(2);
  expect(payloads[0]?.data).toBeDefined();
  expect(payloads.map((p) => p.hasNext)).toEqual([...payloads.slice(1).map(() => true), false]);
  for (const payload of payloads.slice(1)) expect(payload.incremental?.length).toBeGreaterThan(0);
  expect(payloads.flatMap((p) => [...(p.errors ?? []), ...(p.incremental ?? []).flatMap((i) => i.errors ?? [])])).toEqual([]);
}

describe('@defer', () => {
  it('sends the person first and the collaborators in a later multipart/mixed part', async () => {
    const response = await post(DEFERRED, 'multipart/mixed');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^multipart\/mixed/);
    const payloads = await multipartPayloads(response);
    expectWellFormed(payloads);
    expect(payloads[0]).toEqual({ data: { person: { name: 'Thom Russo' } }, hasNext: true });
    const deferred = payloads.slice(1).flatMap((p) => p.incremental ?? []);
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toMatchObject({ label: 'collaborators', path: ['person'] });
    expect(Object.keys(deferred[0]?.data ?? {})).toEqual(['collaborators']);
    // All parts together are the answer the same query gives without @defer.
    expect(mergePayloads(payloads)).toEqual(await plainAnswer(PLAIN));
  });

  it('sends the same parts as server-sent events, ending with a complete event', async () => {
    const response = await post(DEFERRED, 'text/event-stream');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const { payloads, completed } = await ssePayloads(response);
    expect(completed).toBe(true);
    expectWellFormed(payloads);
    expect(payloads[0]).toEqual({ data: { person: { name: 'Thom Russo' } }, hasNext: true });
    expect(mergePayloads(payloads)).toEqual(await plainAnswer(PLAIN));
  });

  it('sends the parts for a request whose body came chunked (no Content-Length), too', async () => {
    const body = new TextEncoder().encode(JSON.stringify({ query: DEFERRED }));
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(body.subarray(0, 20));
          controller.enqueue(body.subarray(20));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(200);
    const payloads = await multipartPayloads(response);
    expectWellFormed(payloads);
    expect(mergePayloads(payloads)).toEqual(await plainAnswer(PLAIN));
  });

  it('answers a client that accepts only JSON with a 406 that names what to accept', async () => {
    const response = await post(DEFERRED, 'application/graphql-response+json, application/json');
    expect(response.status).toBe(406);
    const body = (await response.json()) as Payload;
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_ACCEPTABLE');
    expect(body.errors?.[0]?.message).toContain('multipart/mixed');
    expect(body.errors?.[0]?.message).toContain('text/event-stream');
  });

  it('runs the GraphiQL example, which defers Thom Russo’s collaborators, and counts it under its name', async () => {
    const payloads = await multipartPayloads(
      await post(EXAMPLE_OPERATIONS, 'multipart/mixed', { operationName: 'DeferredCollaborators' }),
    );
    expectWellFormed(payloads);
    expect(payloads[0]?.data).toEqual({ person: { name: 'Thom Russo' } });
    const merged = mergePayloads(payloads) as { person: { collaborators: { totalCount: number; edges: unknown[] } } };
    expect(merged.person.collaborators.edges).toHaveLength(5);
    expect(merged.person.collaborators.totalCount).toBeGreaterThan(5);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/graphql_yoga_http_duration_count\{[^}]*operationName="DeferredCollaborators"[^}]*\} [1-9]/);
  });
});

describe('@stream', () => {
  it('sends a list in parts: initialCount items first, the rest as items of later payloads', async () => {
    const streamed = /* GraphQL */ `{ search(text: "man", first: 8) @stream(initialCount: 2) { kind slug } }`;
    const payloads = await multipartPayloads(await post(streamed, 'multipart/mixed'));
    expectWellFormed(payloads);
    expect((payloads[0]?.data as { search: unknown[] }).search).toHaveLength(2);
    const later = payloads.slice(1).flatMap((p) => p.incremental ?? []);
    // Each later item at its own index of the list.
    const plain = (await plainAnswer('{ search(text: "man", first: 8) { kind slug } }')) as { search: unknown[] };
    expect(plain.search.length).toBeGreaterThan(2);
    expect(later.map((part) => part.path)).toEqual(plain.search.slice(2).map((_, i) => ['search', i + 2]));
    expect(later.flatMap((part) => part.items)).toEqual(plain.search.slice(2));
    expect(mergePayloads(payloads)).toEqual(plain);
  });

  it('streams the edges of a connection (a person’s credits), over server-sent events too', async () => {
    const query = (directive: string) =>
      `{ person(slug: "thom-russo") { credits(first: 12) { totalCount edges ${directive} { node { role work { slug } } } } } }`;
    const { payloads, completed } = await ssePayloads(await post(query('@stream(initialCount: 1)'), 'text/event-stream'));
    expect(completed).toBe(true);
    expectWellFormed(payloads);
    const first = payloads[0]?.data as { person: { credits: { totalCount: number; edges: unknown[] } } };
    expect(first.person.credits.edges).toHaveLength(1);
    expect(
      payloads
        .slice(1)
        .flatMap((p) => p.incremental ?? [])
        .flatMap((part) => part.items),
    ).toHaveLength(11);
    expect(mergePayloads(payloads)).toEqual(await plainAnswer(query('')));
  });
});

describe('@defer and @stream with the rest of the server', () => {
  it('runs a hash-only persisted (APQ) GET with @defer, and sends it no-store', async () => {
    const hash = createHash('sha256').update(DEFERRED).digest('hex');
    const extensions = JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } });
    const get = (params: Record<string, string>) =>
      fetch(`${base}/graphql?${new URLSearchParams(params)}`, { headers: { accept: 'multipart/mixed' } });
    expect((await get({ query: DEFERRED, extensions })).status).toBe(200);
    const response = await get({ extensions });
    expect(response.status).toBe(200);
    // A later part may still carry an error when the headers go out: no cache may keep a streamed answer.
    expect(response.headers.get('cache-control')).toBe('no-store');
    const payloads = await multipartPayloads(response);
    expectWellFormed(payloads);
    expect(mergePayloads(payloads)).toEqual(await plainAnswer(PLAIN));
  });

  it('keeps the merged answer in the response cache and serves it whole the second time', async () => {
    const first = await multipartPayloads(await post(DEFERRED, 'multipart/mixed', {}, cachedBase));
    expectWellFormed(first);
    const again = await post(DEFERRED, 'multipart/mixed', {}, cachedBase);
    expect(again.status).toBe(200);
    const second = await multipartPayloads(again);
    // One part: the cached answer, already complete.
    expect(second).toHaveLength(1);
    expect(second[0]?.data).toEqual(mergePayloads(first));
  });

  it('counts each @defer and @stream against MAX_DIRECTIVES', async () => {
    const three = /* GraphQL */ `{ person(slug: "thom-russo") { name ... @defer { aliases } ... @defer { isGroup }
      credits(first: 2) { edges @stream { node { role } } } } }`;
    const response = await post(three, BOTH, {}, cachedBase);
    expect(response.status).toBe(400);
    const body = (await response.json()) as Payload;
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'QUERY_LIMIT_EXCEEDED', limit: 'directives' });
  });

  it('refuses @defer on a mutation’s root field and @stream on a field that is not a list', async () => {
    for (const query of [
      'mutation { ... @defer { deleteDocument(slug: "nothing") } }',
      '{ person(slug: "thom-russo") { name @stream } }',
    ]) {
      const response = await post(query, BOTH);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as Payload).errors?.[0]?.message, query).toMatch(/defer|stream/i);
    }
  });
});

describe('which documents skip the compiled executor', () => {
  it('finds @defer and @stream anywhere in a document, fragments included, and nothing else', () => {
    expect(usesDeferOrStream(parse(DEFERRED))).toBe(true);
    expect(usesDeferOrStream(parse('{ search(text: "a") @stream { slug } }'))).toBe(true);
    expect(usesDeferOrStream(parse('query { person(slug: "a") { ...F @defer } } fragment F on Person { name }'))).toBe(true);
    expect(usesDeferOrStream(parse(PLAIN))).toBe(false);
    expect(usesDeferOrStream(parse('{ person(slug: "a") { name @include(if: true) } }'))).toBe(false);
  });
});

describe('the request deadline with @defer', () => {
  /**
   * A store that, like the Neo4j one, stops on the deadline's abort signal rather than by looking at the clock: the
   * lookup of the initial payload makes the signal (and its timer), and listing people waits until it aborts. The
   * response is made as soon as the initial payload is ready; the deferred part must still be stopped.
   */
  class SignalStore extends MemoryStore {
    override withDeadline(deadline: Deadline): GraphStore {
      const view = super.withDeadline(deadline);
      return Object.assign(Object.create(view) as GraphStore, {
        nodesBySlug: ((label, slugs) => {
          void deadline.signal;
          return view.nodesBySlug(label, slugs);
        }) as GraphStore['nodesBySlug'],
        listPeople: () =>
          new Promise<never>((_, reject) =>
            deadline.signal.addEventListener('abort', () => reject(new DeadlineExceededError('deadline')), { once: true }),
          ),
      });
    }
  }

  it('stops a deferred field at the deadline even though the first payload went out before it', async () => {
    const store = new SignalStore();
    await store.load(await seed());
    const app = createApp({ store, config: loadConfig({ LOG_LEVEL: 'silent', REQUEST_TIMEOUT_MS: '200' }) });
    const response = await app.fetch('http://liner.test/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({
        query: '{ person(slug: "thom-russo") { name } ... @defer { people(first: 1) { totalCount } } }',
      }),
    });
    const payloads = await multipartPayloads(response);
    expect(payloads[0]).toEqual({ data: { person: { name: 'Thom Russo' } }, hasNext: true });
    expect(payloads.at(-1)?.hasNext).toBe(false);
    const errors = payloads.flatMap((p) => (p.incremental ?? []).flatMap((part) => part.errors ?? []));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: expect.stringMatching(/200 ms deadline/), extensions: { code: 'TIMEOUT' } });
  });

  it('masks an internal error in a deferred part as it does in the first', async () => {
    class FailingStore extends MemoryStore {
      override async listPeople(): Promise<never> {
        throw new Error('connection to /var/lib/secret refused');
      }
    }
    const store = new FailingStore();
    await store.load(await seed());
    const app = createApp({ store, config: loadConfig({ LOG_LEVEL: 'silent' }) });
    const ask = async (query: string) =>
      multipartPayloads(
        await app.fetch('http://liner.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
          body: JSON.stringify({ query }),
        }),
      );
    const payloads = await ask('{ person(slug: "thom-russo") { name } ... @defer { people(first: 1) { totalCount } } }');
    const errors = payloads.flatMap((p) => (p.incremental ?? []).flatMap((part) => part.errors ?? []));
    expect(errors.map((e) => e.message)).toEqual(['Unexpected error.']);
    expect(JSON.stringify(payloads)).not.toContain('secret');
  });
});
