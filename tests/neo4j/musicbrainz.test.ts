// The MusicBrainz contract on the real Neo4j, and the import's Neo4j path: all of it once, nothing changed on a re-import.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { ingestRows } from '../../src/ingest/pipeline.ts';
import { MUSICBRAINZ_OPERATIONS, musicbrainzContractTests, musicbrainzRows } from '../contract/musicbrainz.ts';
import { graphqlClient } from '../helpers.ts';
import { describeNeo4j, neo4jStore, resetNeo4j } from './neo4j-env.ts';

describeNeo4j('contract: MusicBrainz import on Neo4j', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = neo4jStore();
    await resetNeo4j();
    await store.applySchema();
    await ingestRows(store, await musicbrainzRows());
  });
  afterAll(async () => {
    await store.close();
  });

  musicbrainzContractTests(() => store);

  describe('both stores agree on the imported graph', () => {
    const memory = new MemoryStore();
    beforeAll(async () => {
      await ingestRows(memory, await musicbrainzRows());
    });
    it.each(Object.keys(MUSICBRAINZ_OPERATIONS))('%s', async (name) => {
      const operation = MUSICBRAINZ_OPERATIONS[name] as string;
      const fromNeo4j = await graphqlClient(store)(operation);
      const fromMemory = await graphqlClient(memory)(operation);
      expect(fromNeo4j.errors).toBeUndefined();
      expect(JSON.stringify(fromNeo4j.data).length).toBeGreaterThan(100);
      expect(fromNeo4j).toEqual(fromMemory);
    });
  });

  describe('re-importing', () => {
    it('changes nothing', async () => {
      const rows = await musicbrainzRows();
      const again = await ingestRows(store, rows);
      expect(again).toMatchObject({ nodesCreated: 0, relationshipsCreated: 0, updated: 0 });
      expect(again.unchanged).toBe(rows.nodes.length + rows.rels.length);
    });
  });
});
