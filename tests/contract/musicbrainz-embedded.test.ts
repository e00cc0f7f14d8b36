// The MusicBrainz contract on the embedded store.
import { beforeAll, describe } from 'vitest';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { ingestRows } from '../../src/ingest/pipeline.ts';
import { musicbrainzContractTests, musicbrainzRows } from './musicbrainz.ts';

describe('contract: MusicBrainz import on the embedded store', () => {
  const store = new MemoryStore();
  beforeAll(async () => {
    await ingestRows(store, await musicbrainzRows());
  });
  musicbrainzContractTests(() => store);
});
