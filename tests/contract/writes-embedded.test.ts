// The write contract on the embedded store: in memory, and on its SQLite database (whose answers must not differ).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DurableStore } from '../../src/graph/memory/durable-store.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { GraphStore } from '../../src/graph/store.ts';
import { allRows, seed } from '../helpers.ts';
import { writeTests } from './writes.ts';

describe('writes: embedded store', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(await seed());
  });
  writeTests(() => store);
});

describe('writes: embedded store on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liner-contract-'));
  let store: DurableStore;
  beforeAll(async () => {
    store = (await DurableStore.open({ dir, seed })).store;
  });
  writeTests(() => store);

  // Runs after the contract's writes: what the database reloads is exactly the graph they left.
  it('reopens to the very graph the writes left', async () => {
    const before = await allRows(store);
    await store.close();
    store = (await DurableStore.open({ dir })).store;
    expect(await allRows(store)).toEqual(before);
  });
  afterAll(() => store.close());
});
