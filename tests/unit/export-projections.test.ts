// What each projection holds under each filter, checked against the seed's rows and the store's own collaborator query.
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareExport } from '../../src/export/export.ts';
import { ExportRequestError, parseExportOptions, type RawExportOptions } from '../../src/export/options.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { GraphRows } from '../../src/graph/rows.ts';
import { seed } from '../helpers.ts';

interface NodeLink {
  directed: boolean;
  multigraph: boolean;
  nodes: ({ id: string } & Record<string, unknown>)[];
  links: ({ id: string; source: string; target: string } & Record<string, unknown>)[];
}

const store = new MemoryStore();
let rows: GraphRows;
beforeAll(async () => {
  rows = await seed();
  await store.load(rows);
});

async function exported(raw: Omit<RawExportOptions, 'format'>): Promise<NodeLink> {
  const prepared = await prepareExport(store, parseExportOptions({ format: 'json', ...raw }, 6));
  let text = '';
  for await (const chunk of prepared.chunks()) text += chunk;
  return JSON.parse(text);
}

const ids = (graph: NodeLink) => graph.nodes.map((n) => n.id).sort();
const credits = () => rows.rels.filter((r) => r.type === 'CREDITED');
const yearOf = (work: string) => rows.nodes.find((n) => n.label === 'Work' && n.slug === work)?.props.year;

describe('full', () => {
  it('holds every node and relationship, per label and type', async () => {
    const graph = await exported({ projection: 'full' });
    const tally = (items: Record<string, unknown>[]) =>
      items.reduce<Record<string, number>>((acc, i) => {
        acc[String(i.type)] = (acc[String(i.type)] ?? 0) + 1;
        return acc;
      }, {});
    const counts = await store.counts();
    expect(tally(graph.nodes)).toEqual(counts.nodes);
    expect(tally(graph.links)).toEqual(counts.relationships);
    expect(new Set(graph.links.map((l) => l.id)).size).toBe(graph.links.length);
  });

  it('drops works outside the years, and their relationships, but keeps everything else', async () => {
    const graph = await exported({ projection: 'full', yearFrom: '2000', yearTo: '2004' });
    const inRange = (work: string) => {
      const year = yearOf(work);
      return typeof year === 'number' && year >= 2000 && year <= 2004;
    };
    const works = rows.nodes.filter((n) => n.label === 'Work' && inRange(n.slug));
    const others = rows.nodes.filter((n) => n.label !== 'Work');
    expect(graph.nodes).toHaveLength(works.length + others.length);
    const kept = rows.rels.filter((r) => (r.fromLabel !== 'Work' || inRange(r.from)) && (r.toLabel !== 'Work' || inRange(r.to)));
    expect(graph.links).toHaveLength(kept.length);
  });

  it('keeps only the asked-for roles among credits', async () => {
    const graph = await exported({ projection: 'full', roles: 'MIXER,PRODUCER' });
    const credited = graph.links.filter((l) => l.type === 'CREDITED');
    expect(credited.length).toBe(credits().filter((r) => r.key === 'MIXER' || r.key === 'PRODUCER').length);
    expect(graph.links.length - credited.length).toBe(rows.rels.length - credits().length);
  });

  it('keeps what lies within the hops of a person, whatever the relationship', async () => {
    const graph = await exported({ projection: 'full', person: 'thom-russo', hops: '1' });
    const me = 'Person:thom-russo';
    const neighbours = new Set([me]);
    for (const r of rows.rels) {
      const [a, b] = [`${r.fromLabel}:${r.from}`, `${r.toLabel}:${r.to}`];
      if (a === me) neighbours.add(b);
      if (b === me) neighbours.add(a);
    }
    expect(ids(graph)).toEqual([...neighbours].sort());
    expect(ids(await exported({ projection: 'full', person: 'thom-russo', hops: '0' }))).toEqual([me]);
  });
});

describe('collaboration', () => {
  it('links exactly the pairs the collaborators query finds, weighted by their shared works', async () => {
    const graph = await exported({ projection: 'collaboration' });
    expect(graph.directed).toBe(false);
    expect(graph.multigraph).toBe(false);
    const people = graph.nodes.map((n) => n.id);
    const pages = await store.collaboratorsOf(people, {}, { offset: 0, limit: 1000 });
    const expected = new Map<string, string[]>();
    people.forEach((person, i) => {
      for (const c of pages[i]?.items ?? [])
        if (person < c.person.slug) expected.set(`${person}|${c.person.slug}`, c.sharedWorks.map((w) => w.slug).sort());
    });
    expect(new Map(graph.links.map((l) => [l.id, l.works]))).toEqual(expected);
    for (const link of graph.links) expect(link.weight).toBe((link.works as string[]).length);
  });

  it('holds the people with a credit, groups included', async () => {
    const graph = await exported({ projection: 'collaboration' });
    expect(ids(graph)).toEqual([...new Set(credits().map((r) => r.from))].sort());
    expect(graph.nodes.find((n) => n.id === 'audioslave')).toMatchObject({ type: 'Person', isGroup: true, name: 'Audioslave' });
  });

  it('counts a hop as person → work → person', async () => {
    const graph = await exported({ projection: 'collaboration', person: 'rick-rubin', hops: '1' });
    const [page] = await store.collaboratorsOf(['rick-rubin'], {}, { offset: 0, limit: 1000 });
    expect(ids(graph)).toEqual(['rick-rubin', ...(page?.items ?? []).map((c) => c.person.slug)].sort());
    // Two hops from Rick Rubin reach Thom Russo's collaborators, which is nearly everyone.
    expect((await exported({ projection: 'collaboration', person: 'rick-rubin', hops: '2' })).nodes.length).toBeGreaterThan(
      graph.nodes.length,
    );
  });

  it('counts only works in the roles asked for, on both sides of a pair', async () => {
    const graph = await exported({ projection: 'collaboration', roles: 'PRIMARY_ARTIST,MIXER' });
    const onWork = new Map<string, Set<string>>();
    for (const r of credits())
      if (r.key === 'PRIMARY_ARTIST' || r.key === 'MIXER') onWork.set(r.to, (onWork.get(r.to) ?? new Set()).add(r.from));
    const pairs = new Set<string>();
    for (const people of onWork.values()) for (const a of people) for (const b of people) if (a < b) pairs.add(`${a}|${b}`);
    expect(new Set(graph.links.map((l) => l.id))).toEqual(pairs);
  });
});

describe('bipartite', () => {
  it('has one edge per credit in the years, between the people and the works', async () => {
    const graph = await exported({ projection: 'bipartite', yearFrom: '2002' });
    const kept = credits().filter((r) => {
      const year = yearOf(r.to);
      return typeof year === 'number' && year >= 2002;
    });
    expect(graph.links).toHaveLength(kept.length);
    expect(ids(graph)).toEqual([...new Set(kept.flatMap((r) => [`Person:${r.from}`, `Work:${r.to}`]))].sort());
    expect(new Set(graph.links.map((l) => l.type))).toEqual(new Set(kept.map((r) => r.key)));
  });
});

describe('metrics', () => {
  it('attaches degree and weighted degree that match the collaboration edges', async () => {
    const graph = await exported({ projection: 'collaboration', metrics: 'degree,weightedDegree' });
    for (const node of graph.nodes) {
      const mine = graph.links.filter((l) => l.source === node.id || l.target === node.id);
      expect(node.degree).toBe(mine.length);
      expect(node.weightedDegree).toBe(mine.reduce((n, l) => n + (l.weight as number), 0));
    }
  });

  it('gives PageRank scores that sum to 1 and the same communities on every run', async () => {
    const first = await exported({ projection: 'collaboration', metrics: 'pagerank,community' });
    const second = await exported({ projection: 'collaboration', metrics: 'pagerank,community' });
    expect(first).toEqual(second);
    const total = first.nodes.reduce((n, node) => n + (node.pagerank as number), 0);
    expect(total).toBeCloseTo(1, 9);
    const communities = new Set(first.nodes.map((n) => n.community));
    expect(communities.size).toBeGreaterThan(1);
    expect(communities.size).toBeLessThan(first.nodes.length);
  });

  it('scores an empty neighbourhood without failing', async () => {
    const graph = await exported({
      projection: 'collaboration',
      person: 'thom-russo',
      yearFrom: '1000',
      yearTo: '1001',
      metrics: 'pagerank,betweenness,community',
    });
    expect(graph.nodes).toEqual([]);
  });

  it('answers an unknown person with a 404 naming the parameter', async () => {
    const error = await exported({ projection: 'full', person: 'nobody-at-all' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExportRequestError);
    expect(error).toMatchObject({ parameter: 'person', status: 404 });
  });
});
