// Identity across sources on the embedded store: in memory, and on its SQLite database.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DurableStore } from '../../src/graph/memory/durable-store.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { allRows, seed } from '../helpers.ts';
import { identityImportTests } from './identity-import.ts';

describe('identity across sources: embedded store', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await store.load(await seed());
  });
  identityImportTests(() => store);
});

describe('identity across sources: embedded store on SQLite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liner-identity-'));
  let store: DurableStore;
  beforeAll(async () => {
    store = (await DurableStore.open({ dir, seed })).store;
  });
  identityImportTests(() => store);

  it('reopens to the merged graph', async () => {
    const before = await allRows(store);
    await store.close();
    store = (await DurableStore.open({ dir })).store;
    expect(await allRows(store)).toEqual(before);
  });
  afterAll(() => store.close());
});
