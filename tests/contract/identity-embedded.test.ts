// The duplicate and merge contract on the embedded store: in memory, and on SQLite, where a merge survives a reopen.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DurableStore } from '../../src/graph/memory/durable-store.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { mergeNodes, splitNode } from '../../src/identity/merge-service.ts';
import { readDatasetRows } from '../../src/ingest/pipeline.ts';
import { allRows, seed } from '../helpers.ts';
import { DISCOGS_FILE, identityTests } from './identity.ts';

describe('possibleDuplicates, mergeNodes, splitNode: embedded store', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(await seed());
  });
  identityTests(() => store);
});

describe('possibleDuplicates, mergeNodes, splitNode: embedded store on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liner-merge-'));
  let store: DurableStore;
  beforeAll(async () => {
    store = (await DurableStore.open({ dir, seed })).store;
  });
  identityTests(() => store);
  afterAll(() => store.close());
});

describe('a merge on SQLite is durable', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liner-merge-durable-'));
  let store: DurableStore;
  afterAll(() => store.close());

  it('reopens merged, then splits back to the rows before the merge', async () => {
    store = (await DurableStore.open({ dir, seed })).store;
    await store.load(await readDatasetRows(DISCOGS_FILE));
    const before = await allRows(store);
    const merge = await mergeNodes(store, 'Person', 'thom-russo', 'thom-russo-253104', 'editor');
    const merged = await allRows(store);
    await store.close();
    store = (await DurableStore.open({ dir })).store;
    expect(await allRows(store)).toEqual(merged);
    await splitNode(store, merge.slug, 'editor');
    await store.close();
    store = (await DurableStore.open({ dir })).store;
    const after = await allRows(store);
    expect({ ...after, nodes: after.nodes.filter((n) => n.label !== 'Merge') }).toEqual(before);
    expect(after.nodes.filter((n) => n.label === 'Merge').map((n) => n.props.undoneBy)).toEqual(['editor']);
  });
});
