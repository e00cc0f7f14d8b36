// Every export format read back by an independent reader, with the node and edge counts the store itself gives.
import { parse as parseCsv } from 'csv-parse/sync';
import cytoscape from 'cytoscape';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareExport } from '../../src/export/export.ts';
import { type ProjectionName, parseExportOptions, type RawExportOptions } from '../../src/export/options.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { seed } from '../helpers.ts';

const store = new MemoryStore();
beforeAll(async () => {
  await store.load(await seed());
});

async function exportText(raw: RawExportOptions): Promise<string> {
  const prepared = await prepareExport(store, parseExportOptions(raw, 6));
  let text = '';
  for await (const chunk of prepared.chunks()) text += chunk;
  return text;
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);
const everything = { offset: 0, limit: 100_000 };

/** What each projection should hold, asked of the store through its query methods rather than its export streams. */
async function expectedCounts(s: GraphStore, projection: ProjectionName): Promise<{ nodes: number; edges: number }> {
  const counts = await s.counts();
  if (projection === 'full') return { nodes: sum(counts.nodes), edges: sum(counts.relationships) };
  const people = (await s.listPeople(undefined, everything)).items.map((p) => p.slug);
  const credits = await s.creditsOfPeople(people, {}, everything);
  const credited = people.filter((_, i) => (credits[i]?.total ?? 0) > 0);
  if (projection === 'bipartite') {
    const works = new Set(credits.flatMap((page) => page.items.map((c) => c.work.slug)));
    return { nodes: credited.length + works.size, edges: counts.relationships.CREDITED ?? 0 };
  }
  const collaborators = await s.collaboratorsOf(people, {}, everything);
  // Each pair is listed from both sides.
  return { nodes: credited.length, edges: collaborators.reduce((n, page) => n + page.total, 0) / 2 };
}

const PROJECTIONS: ProjectionName[] = ['full', 'collaboration', 'bipartite'];

describe.each(PROJECTIONS)('the %s projection', (projection) => {
  let expected: { nodes: number; edges: number };
  beforeAll(async () => {
    expected = await expectedCounts(store, projection);
    expect(expected.nodes).toBeGreaterThan(10);
    expect(expected.edges).toBeGreaterThan(10);
  });

  it('reads back from GraphML with graphology-graphml', async () => {
    const graph = parseGraphml(MultiGraph, await exportText({ projection, format: 'graphml' }));
    expect({ nodes: graph.order, edges: graph.size }).toEqual(expected);
    expect(graph.type).toBe(projection === 'full' ? 'directed' : 'undirected');
  });

  it('reads back from GEXF with graphology-gexf', async () => {
    const graph = parseGexf(MultiGraph, await exportText({ projection, format: 'gexf' }));
    expect({ nodes: graph.order, edges: graph.size }).toEqual(expected);
    expect(graph.type).toBe(projection === 'full' ? 'directed' : 'undirected');
  });

  it('reads back from Cytoscape JSON with cytoscape.js', async () => {
    const json = JSON.parse(await exportText({ projection, format: 'cyjs' }));
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect({ nodes: cy.nodes().length, edges: cy.edges().length }).toEqual(expected);
  });

  it('reads back from node-link JSON, every link between listed nodes', async () => {
    const json = JSON.parse(await exportText({ projection, format: 'json' }));
    expect({ nodes: json.nodes.length, edges: json.links.length }).toEqual(expected);
    expect(json.directed).toBe(projection === 'full');
    const ids = new Set(json.nodes.map((n: { id: string }) => n.id));
    expect(ids.size).toBe(json.nodes.length);
    for (const link of json.links) expect(ids.has(link.source) && ids.has(link.target)).toBe(true);
  });

  it('reads back from the two neo4j-admin CSV files with csv-parse', async () => {
    const nodes: Record<string, string>[] = parseCsv(await exportText({ projection, format: 'csv-nodes' }), { columns: true });
    const rels: Record<string, string>[] = parseCsv(await exportText({ projection, format: 'csv-relationships' }), {
      columns: true,
    });
    expect({ nodes: nodes.length, edges: rels.length }).toEqual(expected);
    const ids = new Set(nodes.map((n) => n[':ID']));
    expect(ids.size).toBe(nodes.length);
    for (const rel of rels) expect(ids.has(rel[':START_ID']) && ids.has(rel[':END_ID']) && rel[':TYPE'] !== '').toBe(true);
  });
});

describe('attributes survive the round trip', () => {
  it('keeps names with markup characters, years and kinds in GraphML and GEXF', async () => {
    for (const graph of [
      parseGraphml(MultiGraph, await exportText({ projection: 'full', format: 'graphml' })),
      parseGexf(MultiGraph, await exportText({ projection: 'full', format: 'gexf' })),
    ]) {
      expect(graph.getNodeAttributes('Person:jesse-and-joy')).toMatchObject({ type: 'Person', name: 'Jesse & Joy' });
      expect(graph.getNodeAttributes('Work:humpin-around')).toMatchObject({ name: "Humpin' Around", kind: 'SONG' });
      expect(graph.getNodeAttributes('Work:audioslave')).toMatchObject({ type: 'Work', kind: 'ALBUM', year: 2002 });
      // A band and an album share the slug; the label keeps them apart.
      expect(graph.getNodeAttributes('Person:audioslave')).toMatchObject({ type: 'Person', isGroup: true });
    }
  });

  it('gives a collaboration its weight and the shared works in every format', async () => {
    const graphml = parseGraphml(MultiGraph, await exportText({ projection: 'collaboration', format: 'graphml' }));
    expect(graphml.getEdgeAttributes('macy-gray|thom-russo')).toMatchObject({ type: 'COLLABORATED_WITH', weight: 6 });
    const gexf = parseGexf(MultiGraph, await exportText({ projection: 'collaboration', format: 'gexf' }));
    expect(gexf.getEdgeAttributes('macy-gray|thom-russo')).toMatchObject({ weight: 6 });
    const json = JSON.parse(await exportText({ projection: 'collaboration', format: 'json' }));
    const link = json.links.find((l: { id: string }) => l.id === 'macy-gray|thom-russo');
    expect(link.works).toHaveLength(6);
    expect(link.works).toContain('i-try');
    const rels: Record<string, string>[] = parseCsv(
      await exportText({ projection: 'collaboration', format: 'csv-relationships' }),
      {
        columns: true,
      },
    );
    const row = rels.find((r) => r[':START_ID'] === 'macy-gray' && r[':END_ID'] === 'thom-russo');
    expect(row).toMatchObject({ 'weight:int': '6', 'works:string[]': link.works.join(';') });
  });

  it('types bipartite edges by role, one per credit', async () => {
    const graph = parseGexf(MultiGraph, await exportText({ projection: 'bipartite', format: 'gexf' }));
    const roles = graph.edges('Person:thom-russo', 'Work:audioslave').map((e) => graph.getEdgeAttribute(e, 'type'));
    expect(roles.sort()).toEqual(['ENGINEER', 'MIXER', 'RECORDING_ENGINEER']);
  });

  it('writes the same metric values in every format', async () => {
    const metrics = 'degree,weightedDegree,pagerank,betweenness,community';
    const json = JSON.parse(await exportText({ projection: 'collaboration', format: 'json', metrics }));
    const fromJson = Object.fromEntries(
      json.nodes.map((n: Record<string, number>) => [n.id, [n.degree, n.weightedDegree, n.pagerank, n.betweenness, n.community]]),
    );
    const graphml = parseGraphml(MultiGraph, await exportText({ projection: 'collaboration', format: 'graphml', metrics }));
    const gexf = parseGexf(MultiGraph, await exportText({ projection: 'collaboration', format: 'gexf', metrics }));
    for (const graph of [graphml, gexf])
      graph.forEachNode((id, a) =>
        expect([a.degree, a.weightedDegree, a.pagerank, a.betweenness, a.community]).toEqual(fromJson[id]),
      );
    const csv: Record<string, string>[] = parseCsv(
      await exportText({ projection: 'collaboration', format: 'csv-nodes', metrics }),
      {
        columns: true,
      },
    );
    for (const row of csv)
      expect(
        ['degree:int', 'weightedDegree:double', 'pagerank:double', 'betweenness:double', 'community:int'].map((c) =>
          Number(row[c]),
        ),
      ).toEqual(fromJson[row[':ID'] as string]);
  });
});

describe('CSV cells a spreadsheet would run as formulas (issue 24, minor)', () => {
  it("prefixes text starting with = + - @ tab or CR with a ' in CSV, and leaves numbers and other formats alone", async () => {
    const hostile = ['=HYPERLINK("https://evil.example","click")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const own = new MemoryStore();
    const source = { sourceDocuments: ['doc'], sourceCitations: [''], sourceQuotes: ['q'] };
    await own.load({
      nodes: [
        { label: 'Document', slug: 'doc', props: { title: 'Doc' } },
        ...hostile.map((name, i) => ({ label: 'Person' as const, slug: `p${i}`, props: { name, isGroup: false, ...source } })),
        { label: 'Work', slug: 'w', props: { title: 'W', kind: 'ALBUM', year: 2001, ...source } },
      ],
      rels: [],
    });
    const text = async (format: 'csv-nodes' | 'json') => {
      let out = '';
      for await (const chunk of (await prepareExport(own, parseExportOptions({ projection: 'full', format }, 6))).chunks())
        out += chunk;
      return out;
    };
    const rows: Record<string, string>[] = parseCsv(await text('csv-nodes'), { columns: true });
    const names = rows.filter((r) => r[':LABEL'] === 'Person').map((r) => r.name);
    expect(names.sort()).toEqual(hostile.map((name) => `'${name}`).sort());
    expect(rows.find((r) => r[':ID'] === 'Work:w')?.['year:int']).toBe('2001');
    // Other formats are not read by spreadsheets as formulas: the names stay as stored.
    const json = JSON.parse(await text('json')) as { nodes: { name?: string }[] };
    expect(json.nodes.map((n) => n.name).filter((n) => n !== undefined && hostile.includes(n))).toHaveLength(hostile.length);
  });
});
