// Identity across sources on the real Neo4j: the same suite as the embedded store's, the same answers.
import { afterAll, beforeAll } from 'vitest';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { identityImportTests } from '../contract/identity-import.ts';
import { describeNeo4j, seededNeo4jStore } from './neo4j-env.ts';

describeNeo4j('identity across sources: Neo4j', () => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await seededNeo4jStore();
  });
  afterAll(() => store.close());
  identityImportTests(() => store);
});
