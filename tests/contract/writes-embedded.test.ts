// The write contract on the embedded store: in memory, and on its SQLite database (whose answers must not differ).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DurableStore } from '../../src/graph/memory/durable-store.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { NodeRow, RelRow } from '../../src/graph/rows.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { seed } from '../helpers.ts';
import { writeTests } from './writes.ts';

describe('writes: embedded store', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(await seed());
  });
  writeTests(() => store);
});

async function everything(store: GraphStore): Promise<{ nodes: NodeRow[]; rels: RelRow[] }> {
  const nodes: NodeRow[] = [];
  const rels: RelRow[] = [];
  for await (const batch of store.streamNodes()) nodes.push(...batch);
  for await (const batch of store.streamRelationships()) rels.push(...batch);
  return { nodes, rels };
}

describe('writes: embedded store on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liner-contract-'));
  let store: DurableStore;
  beforeAll(async () => {
    store = (await DurableStore.open({ dir, seed })).store;
  });
  writeTests(() => store);

  // Runs after the contract's writes: what the database reloads is exactly the graph they left.
  it('reopens to the very graph the writes left', async () => {
    const before = await everything(store);
    await store.close();
    store = (await DurableStore.open({ dir })).store;
    expect(await everything(store)).toEqual(before);
  });
  afterAll(() => store.close());
});
