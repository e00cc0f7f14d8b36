// Exports from Neo4j are the same files, byte for byte, as from the embedded store, for every projection and format.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prepareExport } from '../../src/export/export.ts';
import { FORMAT_NAMES } from '../../src/export/formats/index.ts';
import { PROJECTIONS, parseExportOptions, type RawExportOptions } from '../../src/export/options.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { seed } from '../helpers.ts';
import { describeNeo4j, seededNeo4jStore } from './neo4j-env.ts';

async function exportText(store: GraphStore, raw: RawExportOptions): Promise<string> {
  let text = '';
  for await (const chunk of (await prepareExport(store, parseExportOptions(raw, 6))).chunks()) text += chunk;
  return text;
}

// Every metric, and each filter, on top of the plain exports: the parts that depend on the order rows arrive in.
const VARIANTS: Omit<RawExportOptions, 'projection' | 'format'>[] = [
  {},
  { metrics: 'degree,weightedDegree,pagerank,betweenness,community' },
  { person: 'thom-russo', hops: '1', roles: 'MIXER,PRIMARY_ARTIST', yearFrom: '1995', yearTo: '2010' },
];

const CASES = PROJECTIONS.flatMap((projection) =>
  FORMAT_NAMES.flatMap((format) =>
    VARIANTS.map((variant) => ({
      name: `${projection}.${format}?${new URLSearchParams(variant)}`,
      raw: { projection, format, ...variant },
    })),
  ),
);

describeNeo4j('exports: Neo4j', () => {
  let store: Neo4jStore;
  const memory = new MemoryStore();
  beforeAll(async () => {
    store = await seededNeo4jStore();
    await memory.load(await seed());
  });
  afterAll(async () => {
    await store.close();
  });

  it.each(CASES)('$name is the same from both stores', async ({ raw }) => {
    const fromNeo4j = await exportText(store, raw);
    expect(fromNeo4j.length).toBeGreaterThan(200);
    expect(fromNeo4j).toBe(await exportText(memory, raw));
  });
});
