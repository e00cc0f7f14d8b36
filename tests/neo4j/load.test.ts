// Loading into Neo4j: the same graph as the embedded store, idempotent, and all-or-nothing.
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateSynthetic } from '../../bench/dataset/synthetic.ts';
import { InvalidDatasetError, validateDataset } from '../../src/dataset/validate.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { datasetToRows, type GraphRows } from '../../src/graph/rows.ts';
import { DeadlineExceededError } from '../../src/graph/store.ts';
import { loadDatasetFile } from '../../src/ingest/pipeline.ts';
import { ARTICLE_FILE, SEED_FILE, seed } from '../helpers.ts';
import { connection, describeNeo4j, neo4jStore, resetNeo4j } from './neo4j-env.ts';

describeNeo4j('loading into Neo4j', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = neo4jStore();
    await resetNeo4j();
    await store.applySchema();
  });
  afterAll(async () => {
    await store.close();
  });

  it('holds the same nodes and relationships per label and type as the embedded store', async () => {
    const rows = await seed();
    const summary = await store.load(rows);
    expect(summary).toEqual({ nodesCreated: rows.nodes.length, relationshipsCreated: rows.rels.length, updated: 0 });
    const memory = new MemoryStore();
    await memory.load(rows);
    const counts = await store.counts();
    expect(counts).toEqual(await memory.counts());
    expect(counts.relationships.CREDITED).toBeGreaterThan(100);
  });

  it('streams exactly the rows the embedded store streams', async () => {
    const memory = new MemoryStore();
    await memory.load(await seed());
    const all = async <T>(batches: AsyncIterable<T[]>) => {
      const out: T[] = [];
      for await (const batch of batches) out.push(...batch);
      return out;
    };
    const nodes = await all(store.streamNodes(50));
    expect(nodes).toEqual(await all(memory.streamNodes(50)));
    expect(nodes.length).toBe((await seed()).nodes.length);
    expect(await all(store.streamRelationships(50))).toEqual(await all(memory.streamRelationships(50)));
  });

  it('changes nothing when the same dataset is loaded again', async () => {
    const before = await store.counts();
    expect(await store.load(await seed())).toEqual({ nodesCreated: 0, relationshipsCreated: 0, updated: 0 });
    expect(await store.counts()).toEqual(before);
  });

  it('rolls back a load that fails late: nothing of it stays', async () => {
    const before = await store.counts();
    const good = await seed();
    const doomed: GraphRows = {
      nodes: [...good.nodes, { label: 'Person', slug: 'brand-new-person', props: { name: 'Brand New', isGroup: false } }],
      rels: [
        ...good.rels,
        {
          type: 'CREDITED',
          fromLabel: 'Person',
          from: 'brand-new-person',
          toLabel: 'Work',
          to: 'dangerous',
          key: 'MIXER',
          props: { role: 'MIXER' },
        },
        // Last of all, a relationship to a node that does not exist.
        {
          type: 'CREDITED',
          fromLabel: 'Person',
          from: 'brand-new-person',
          toLabel: 'Work',
          to: 'no-such-work',
          key: 'MIXER',
          props: { role: 'MIXER' },
        },
      ],
    };
    await expect(store.load(doomed)).rejects.toThrow(/point at missing nodes/);
    expect(await store.counts()).toEqual(before);
    const [person] = await store.nodesBySlug('Person', ['brand-new-person']);
    expect(person).toBeNull();
  });

  it('ends a load under a request deadline at it, rolled back whole (issue 24 #3: importDataset on Neo4j)', async () => {
    const before = await store.counts();
    // About 30 000 rows MERGEd into a non-empty database: seconds of Neo4j's time, against a 100 ms deadline.
    const rows = datasetToRows(validateDataset(generateSynthetic({ credits: 20_000, seed: 'load-deadline' }).dataset));
    const deadline = { at: Date.now() + 100, signal: AbortSignal.timeout(100) };
    await expect(store.withDeadline(deadline).load(rows)).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(await store.counts()).toEqual(before);
  });

  it('rejects an inconsistent file with located errors and leaves Neo4j as it was', async () => {
    const before = await store.counts();
    const data = JSON.parse(readFileSync(SEED_FILE, 'utf8'));
    const dir = await mkdtemp(join(tmpdir(), 'liner-'));
    // Beside the file: a dataset reads its documents from its own folder only.
    await copyFile(ARTICLE_FILE, join(dir, 'thom-russo.txt'));
    data.documents[0].path = 'thom-russo.txt';
    data.credits[12].work = 'dangerus';
    const file = join(dir, 'bad.json');
    await writeFile(file, JSON.stringify(data));
    const error = await loadDatasetFile(store, file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidDatasetError);
    expect((error as Error).message).toContain('credits[12].work: unknown work "dangerus"');
    expect(await store.counts()).toEqual(before);
  });

  it('loads a big dataset into an empty database batch by batch, and leaves it empty when a late batch fails', async () => {
    // bulkRows: 10 takes the seed down the path a million-relationship import takes.
    const bulk = new Neo4jStore({ ...connection(), bulkRows: 10 });
    try {
      await resetNeo4j();
      const good = await seed();
      const doomed: GraphRows = {
        nodes: good.nodes,
        rels: [
          ...good.rels,
          {
            type: 'CREDITED',
            fromLabel: 'Person',
            from: 'thom-russo',
            toLabel: 'Work',
            to: 'no-such-work',
            key: 'MIXER',
            props: { role: 'MIXER' },
          },
        ],
      };
      await expect(bulk.load(doomed)).rejects.toThrow(/point at missing nodes/);
      expect(await bulk.isEmpty()).toBe(true);
      // The full-text index, dropped for the load, is back after a failed one (a missing index would throw here).
      await expect(bulk.search('russo', 5)).resolves.toEqual([]);
      const summary = await bulk.load(good);
      expect((await bulk.search('russo', 5)).map((hit) => hit.slug)).toContain('thom-russo');
      expect(summary).toEqual({ nodesCreated: good.nodes.length, relationshipsCreated: good.rels.length, updated: 0 });
      const memory = new MemoryStore();
      await memory.load(good);
      expect(await bulk.counts()).toEqual(await memory.counts());
      // Not empty any more: the same rows again go through the merging path and change nothing.
      expect(await bulk.load(good)).toEqual({ nodesCreated: 0, relationshipsCreated: 0, updated: 0 });
    } finally {
      await bulk.close();
    }
  });
});
