// The duplicate and merge contract on the real Neo4j (each merge and split one write transaction), and proof that
// Neo4j and the embedded store answer the same candidates and the same merged graph.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { ANSWERS, DISCOGS_FILE, DUPLICATES, identityConfig, identityTests, MERGE, SPLIT } from '../contract/identity.ts';
import { WRITER_TOKEN } from '../contract/writes.ts';
import { allRows, graphqlClient, seed } from '../helpers.ts';
import { describeNeo4j, seededNeo4jStore } from './neo4j-env.ts';

describeNeo4j('possibleDuplicates, mergeNodes, splitNode: Neo4j', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await seededNeo4jStore();
  });
  afterAll(async () => {
    await store.close();
  });
  identityTests(() => store);
});

describeNeo4j('possibleDuplicates, mergeNodes, splitNode: both stores agree', () => {
  let neo4j: Neo4jStore;
  const memory = new MemoryStore();
  const stores = () => [neo4j, memory] as GraphStore[];
  const both = async (query: string, variables?: Record<string, unknown>) =>
    Promise.all(stores().map((s) => graphqlClient(s, identityConfig)(query, variables, WRITER_TOKEN)));
  /** Rows but the merge records, whose ids carry the time of the merge. */
  const rows = async (store: GraphStore) => {
    const all = await allRows(store);
    return { nodes: all.nodes.filter((n) => n.label !== 'Merge'), rels: all.rels };
  };

  beforeAll(async () => {
    neo4j = await seededNeo4jStore();
    await memory.load(await seed());
    const dataset = JSON.parse(readFileSync(DISCOGS_FILE, 'utf8'));
    await both(`mutation($d: JSON!) { importDataset(dataset: $d) { nodesCreated } }`, { d: dataset });
  });
  afterAll(async () => {
    await neo4j.close();
  });

  describe.each(['PERSON', 'WORK'])('%s', (label) => {
    it('lists the same candidates with the same evidence and scores', async () => {
      const [fromNeo4j, fromMemory] = await both(DUPLICATES, { label, first: 50 });
      expect(fromNeo4j?.errors).toBeUndefined();
      expect((fromNeo4j?.data.possibleDuplicates as { totalCount: number }).totalCount).toBeGreaterThan(1);
      expect(fromNeo4j).toEqual(fromMemory);
    });
  });

  it('merges to the same graph and answers, and splits back to the same graph', async () => {
    const before = await rows(neo4j);
    expect(before).toEqual(await rows(memory));
    const merged = await both(MERGE, { label: 'PERSON', keep: 'thom-russo', merge: 'thom-russo-253104' });
    expect(merged.map((m) => m.errors)).toEqual([undefined, undefined]);
    expect(await rows(neo4j)).toEqual(await rows(memory));
    const [answersNeo4j, answersMemory] = await both(ANSWERS);
    expect(answersNeo4j?.errors).toBeUndefined();
    expect(answersNeo4j).toEqual(answersMemory);
    await Promise.all(
      stores().map((s, i) =>
        graphqlClient(s, identityConfig)(SPLIT, { merge: (merged[i]?.data.mergeNodes as { id: string }).id }, WRITER_TOKEN),
      ),
    );
    expect(await rows(neo4j)).toEqual(before);
    expect(await rows(memory)).toEqual(before);
  });
});
