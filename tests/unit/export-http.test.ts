// GET /export/{projection}.{format} through the app's own fetch: content types, file names, streaming and errors.
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed, testConfig } from '../helpers.ts';

const store = new MemoryStore();
beforeAll(async () => {
  await store.load(await seed());
});

const get = (path: string, init?: RequestInit) =>
  createApp({ store, config: testConfig }).fetch(`http://liner.test${path}`, init ?? {});

describe('downloads', () => {
  it.each([
    ['/export/collaboration.gexf', 'application/gexf+xml; charset=utf-8', 'liner-collaboration.gexf'],
    ['/export/full.graphml', 'application/graphml+xml; charset=utf-8', 'liner-full.graphml'],
    ['/export/bipartite.cyjs', 'application/json; charset=utf-8', 'liner-bipartite.cyjs'],
    ['/export/collaboration.json', 'application/json; charset=utf-8', 'liner-collaboration.json'],
    ['/export/full.csv-nodes', 'text/csv; charset=utf-8; header=present', 'liner-full-nodes.csv'],
    ['/export/full.csv-relationships', 'text/csv; charset=utf-8; header=present', 'liner-full-relationships.csv'],
    [
      '/export/full.graphml?person=thom-russo&hops=2',
      'application/graphml+xml; charset=utf-8',
      'liner-full-thom-russo-2-hops.graphml',
    ],
    // Filters and metrics in the name, so different downloads of one projection never overwrite each other.
    [
      '/export/collaboration.gexf?metrics=pagerank,weightedDegree&roles=PRODUCER,MIXER&yearFrom=1990&yearTo=1999',
      'application/gexf+xml; charset=utf-8',
      'liner-collaboration-mixer-producer-1990-1999-pagerank-weighted-degree.gexf',
    ],
    ['/export/collaboration.gexf?yearFrom=2000', 'application/gexf+xml; charset=utf-8', 'liner-collaboration-2000-end.gexf'],
  ])('%s is %s, saved as %s', async (path, contentType, filename) => {
    const response = await get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(contentType);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${filename}"`);
    expect((await response.text()).length).toBeGreaterThan(500);
  });

  it('answers the example from the docs with PageRank and communities on every person', async () => {
    const response = await get('/export/collaboration.gexf?metrics=pagerank,community');
    const graph = parseGexf(MultiGraph, await response.text());
    expect(graph.order).toBe(24);
    graph.forEachNode((_, a) => {
      expect(a.pagerank).toBeGreaterThan(0);
      expect(Number.isInteger(a.community)).toBe(true);
    });
  });

  it('streams the body: nodes arrive while the store has not yet given a single relationship', async () => {
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const gated = new Proxy(store, {
      get(target, property) {
        if (property === 'streamRelationships')
          return async function* (batchSize?: number) {
            await gate;
            yield* target.streamRelationships(batchSize);
          };
        const value = Reflect.get(target, property, target);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const response = await createApp({ store: gated, config: testConfig }).fetch('http://liner.test/export/full.graphml');
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const first = await reader.read();
    const head = decoder.decode(first.value);
    expect(head).toContain('<node id="Person:thom-russo">');
    expect(head).not.toContain('<edge ');
    release();
    let rest = '';
    for (let read = await reader.read(); !read.done; read = await reader.read()) rest += decoder.decode(read.value);
    expect(rest).toContain('<edge id="Person:thom-russo|CREDITED|Work:audioslave"');
    expect(rest.endsWith('</graphml>\n')).toBe(true);
  });

  it('reads repeated parameters as one list', async () => {
    const response = await get('/export/bipartite.json?roles=MIXER&roles=PRODUCER');
    const json = await response.json();
    expect(new Set(json.links.map((l: { type: string }) => l.type))).toEqual(new Set(['MIXER', 'PRODUCER']));
  });

  it('leaves GraphQL to yoga', async () => {
    const response = await get('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ person(slug: "thom-russo") { name } }' }),
    });
    expect(await response.json()).toEqual({ data: { person: { name: 'Thom Russo' } } });
  });
});

describe('bad requests name the parameter', () => {
  it.each([
    ['/export/everything.gexf', 'projection', 'use one of full, collaboration, bipartite'],
    ['/export/full', 'format', 'missing'],
    ['/export/%E0%A4%A.gexf', 'projection', 'not a valid path segment'],
    ['/export/full.xlsx', 'format', '"xlsx" is not known'],
    ['/export/full.gexf?metrics=pagerank,fame', 'metrics', '"fame" is not known'],
    ['/export/full.gexf?person=thom-russo&hops=two', 'hops', '"two" is not a whole number'],
    ['/export/full.gexf?person=thom-russo&hops=7', 'hops', 'from 0 to 6'],
    ['/export/full.gexf?hops=2', 'hops', 'needs person'],
    ['/export/full.gexf?roles=DJ', 'roles', '"DJ" is not known'],
    ['/export/full.gexf?yearFrom=1990s', 'yearFrom', 'is not a whole number'],
    ['/export/full.gexf?yearFrom=2010&yearTo=2000', 'yearFrom', 'after yearTo'],
    ['/export/full.gexf?metric=pagerank', 'metric', 'unknown parameter'],
  ])('%s → 400 about %s', async (path, parameter, words) => {
    const response = await get(path);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const [error] = (await response.json()).errors;
    expect(error.extensions).toEqual({ code: 'BAD_USER_INPUT', argument: parameter });
    expect(error.message).toMatch(new RegExp(`^${parameter}: `));
    expect(error.message).toContain(words);
  });

  it('answers an unknown person with 404', async () => {
    const response = await get('/export/collaboration.gexf?person=nobody-at-all&hops=2');
    expect(response.status).toBe(404);
    const [error] = (await response.json()).errors;
    expect(error).toEqual({
      message: 'person: no person with slug "nobody-at-all"',
      extensions: { code: 'NOT_FOUND', argument: 'person' },
    });
  });

  it('allows only GET', async () => {
    const response = await get('/export/full.gexf', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET');
  });

  it('asks for a token when reads need one, as GraphQL does', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', REQUIRE_AUTH_FOR_READS: 'true', API_TOKENS: 'secret-token-for-tests' });
    const app = createApp({ store, config });
    const refused = await app.fetch('http://liner.test/export/full.gexf');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    const allowed = await app.fetch('http://liner.test/export/full.gexf', {
      headers: { authorization: 'Bearer secret-token-for-tests' },
    });
    expect(allowed.status).toBe(200);
  });
});
