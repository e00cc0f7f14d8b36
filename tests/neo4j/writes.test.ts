// The write contract on the real Neo4j: every mutation one transaction.
import { afterAll, beforeAll } from 'vitest';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { writeTests } from '../contract/writes.ts';
import { describeNeo4j, seededNeo4jStore } from './neo4j-env.ts';

describeNeo4j('writes: Neo4j', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await seededNeo4jStore();
  });
  afterAll(async () => {
    await store.close();
  });
  writeTests(() => store);
});
