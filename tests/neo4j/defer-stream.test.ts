// @defer and @stream on Neo4j, over real HTTP: the slow relationship fields (commonCollaborators, collaborators) come
// in later payloads, and all payloads add up to what the same query answers whole, on Neo4j as on the embedded store.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { createHttpServer } from '../../src/http-server.ts';
import { mergePayloads, multipartPayloads, type Payload, ssePayloads } from '../incremental.ts';
import { describeNeo4j, seededNeo4jStore } from './neo4j-env.ts';

describeNeo4j('@defer and @stream on Neo4j', () => {
  let store: Neo4jStore;
  let server: ReturnType<typeof createHttpServer>;
  let base = '';
  beforeAll(async () => {
    store = await seededNeo4jStore();
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    server = createHttpServer(createApp({ store, config }), config);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await store?.close();
  });

  const post = (query: string, accept: string) =>
    fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept },
      body: JSON.stringify({ query }),
    });
  const whole = async (query: string) => {
    const body = (await (await post(query, 'application/graphql-response+json')).json()) as Payload;
    expect(body.errors).toBeUndefined();
    return body.data;
  };

  const common = (defer: string) => /* GraphQL */ `{
    rick: person(slug: "rick-rubin") { name }
    ... ${defer} {
      commonCollaborators(of: ["rick-rubin", "thom-russo"]) { person { slug } sharedWorks { slug } }
    }
  }`;

  it('sends commonCollaborators, deferred, after the person', async () => {
    const response = await post(common('@defer(label: "common")'), 'multipart/mixed');
    expect(response.status).toBe(200);
    const payloads = await multipartPayloads(response);
    expect(payloads[0]).toEqual({ data: { rick: { name: 'Rick Rubin' } }, hasNext: true });
    expect(payloads.at(-1)?.hasNext).toBe(false);
    const deferred = payloads.slice(1).flatMap((p) => p.incremental ?? []);
    expect(deferred).toHaveLength(1);
    expect(deferred[0]).toMatchObject({ label: 'common', path: [] });
    const found = (deferred[0]?.data as { commonCollaborators: unknown[] }).commonCollaborators;
    expect(found.length).toBeGreaterThan(0);
    expect(mergePayloads(payloads)).toEqual(await whole(common('')));
  });

  it('streams Thom Russo’s collaborators after the first two as items of later payloads, as server-sent events', async () => {
    const query = (directive: string) => /* GraphQL */ `{ person(slug: "thom-russo") { name
      collaborators(first: 8) { totalCount edges ${directive} { node { slug } sharedWorks { slug } } } } }`;
    const { payloads, completed } = await ssePayloads(await post(query('@stream(initialCount: 2)'), 'text/event-stream'));
    expect(completed).toBe(true);
    const first = payloads[0]?.data as { person: { collaborators: { edges: unknown[] } } };
    expect(first.person.collaborators.edges).toHaveLength(2);
    expect(payloads.at(-1)?.hasNext).toBe(false);
    expect(
      payloads
        .slice(1)
        .flatMap((p) => p.incremental ?? [])
        .flatMap((part) => part.items),
    ).toHaveLength(6);
    expect(mergePayloads(payloads)).toEqual(await whole(query('')));
  });
});
