// The Discogs contract on the embedded store.
import { beforeAll, describe } from 'vitest';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { ingestRows } from '../../src/ingest/pipeline.ts';
import { discogsContractTests, discogsRows } from './discogs.ts';

describe('contract: Discogs import on the embedded store', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await ingestRows(store, await discogsRows());
  });
  discogsContractTests(() => store);
});
