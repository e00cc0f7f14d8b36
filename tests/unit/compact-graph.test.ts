// The embedded store's columns: identities, removal, adjacency before and after packing, and a failed load's undo.
import { describe, expect, it } from 'vitest';
import { CompactGraph } from '../../src/graph/memory/compact-graph.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { GraphRows } from '../../src/graph/rows.ts';
import { MissingNodeError } from '../../src/graph/store.ts';

const outOf = (graph: CompactGraph, node: number) => {
  const found: string[] = [];
  graph.forEachEdge(node, 'out', (edge) => {
    found.push(`${graph.type(edge)}>${graph.slug(graph.to(edge))}:${graph.key(edge)}`);
  });
  return found;
};

describe('CompactGraph', () => {
  it('finds a relationship by type, ends and key, and forgets it once removed', () => {
    const graph = new CompactGraph();
    const ann = graph.addNode('Person', 'ann', {});
    const song = graph.addNode('Work', 'song', {});
    const producer = graph.addEdge('CREDITED', ann, song, 'PRODUCER', { role: 'PRODUCER' });
    graph.addEdge('CREDITED', ann, song, 'MIXER', { role: 'MIXER' });
    expect(graph.findEdge('CREDITED', ann, song, 'PRODUCER')).toBe(producer);
    expect(graph.findEdge('CREDITED', song, ann, 'PRODUCER')).toBe(-1);
    expect(graph.findEdge('CREDITED', ann, song, 'ENGINEER')).toBe(-1);
    graph.removeEdge(producer);
    expect(graph.findEdge('CREDITED', ann, song, 'PRODUCER')).toBe(-1);
    expect(outOf(graph, ann)).toEqual(['CREDITED>song:MIXER']);
    const again = graph.addEdge('CREDITED', ann, song, 'PRODUCER', { role: 'PRODUCER' });
    expect(graph.findEdge('CREDITED', ann, song, 'PRODUCER')).toBe(again);
    expect(graph.edgeCount).toBe(2);
  });

  it('lists relationships in the order they were added, across a big packed load and later writes', () => {
    const graph = new CompactGraph();
    const hub = graph.addNode('Work', 'hub', {});
    const people = Array.from({ length: 5000 }, (_, i) => graph.addNode('Person', `p${i}`, {}));
    graph.reserve(people.length);
    for (const person of people) graph.addEdge('CREDITED', person, hub, 'PRODUCER', {});
    graph.pack();
    const late = graph.addNode('Person', 'late', {});
    graph.addEdge('CREDITED', late, hub, 'MIXER', {});
    graph.removeEdge(graph.findEdge('CREDITED', people[0] as number, hub, 'PRODUCER'));
    const sources: string[] = [];
    graph.forEachEdge(hub, 'in', (edge) => {
      sources.push(graph.slug(graph.from(edge)));
    });
    expect(sources).toHaveLength(5000);
    expect(sources.slice(0, 2)).toEqual(['p1', 'p2']);
    expect(sources.at(-1)).toBe('late');
    for (let i = 0; i < 5000; i++) graph.addEdge('CREDITED', late, hub, `k${i}`, {});
    graph.pack();
    expect(outOf(graph, late)).toHaveLength(5001);
    expect(graph.findEdge('CREDITED', late, hub, 'k4999')).not.toBe(-1);
  });
});

describe('MemoryStore.load', () => {
  const rows = (extra: Partial<GraphRows> = {}): GraphRows => ({
    nodes: [
      { label: 'Person', slug: 'ann', props: { name: 'Ann', sourceQuotes: ['Ann'] } },
      { label: 'Work', slug: 'song', props: { title: 'Song', sourceQuotes: ['Song'] } },
      ...(extra.nodes ?? []),
    ],
    rels: [
      {
        type: 'CREDITED',
        fromLabel: 'Person',
        from: 'ann',
        toLabel: 'Work',
        to: 'song',
        key: 'PRODUCER',
        props: { role: 'PRODUCER', sourceDocuments: ['doc'], sourceCitations: [''], sourceQuotes: ['Ann produced'] },
      },
      ...(extra.rels ?? []),
    ],
  });

  it('writes nothing when a relationship points at a missing node', async () => {
    const store = new MemoryStore();
    const bad = rows({
      rels: [{ type: 'CREDITED', fromLabel: 'Person', from: 'bob', toLabel: 'Work', to: 'song', key: 'MIXER', props: {} }],
    });
    await expect(store.load(bad)).rejects.toBeInstanceOf(MissingNodeError);
    expect(await store.isEmpty()).toBe(true);
    expect(await store.nodesBySlug('Person', ['ann'])).toEqual([null]);
    expect(await store.load(rows())).toEqual({ nodesCreated: 2, relationshipsCreated: 1, updated: 0 });
    expect(await store.load(rows())).toEqual({ nodesCreated: 0, relationshipsCreated: 0, updated: 0 });
  });

  it('keeps equal relationship properties once, and still tells them apart from changed ones', async () => {
    const store = new MemoryStore();
    await store.load(rows());
    const changed = rows();
    (changed.rels[0] as { props: object }).props = {
      role: 'PRODUCER',
      sourceDocuments: ['doc'],
      sourceCitations: [''],
      sourceQuotes: ['Ann produced it'],
    };
    expect(await store.load(changed)).toEqual({ nodesCreated: 0, relationshipsCreated: 0, updated: 1 });
    const [credits] = await store.creditsOfWorks(['song'], {});
    expect(credits?.map((c) => c.sources.map((s) => s.quote))).toEqual([['Ann produced it']]);
  });
});
