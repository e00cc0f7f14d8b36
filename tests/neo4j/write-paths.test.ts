// Mutations and dataset loads store the same rows on the real Neo4j.

import { writePathTests } from '../contract/write-paths.ts';
import { describeNeo4j, neo4jStore, resetNeo4j } from './neo4j-env.ts';

describeNeo4j('write paths: Neo4j', () => {
  writePathTests(async () => {
    const store = neo4jStore();
    await resetNeo4j();
    await store.applySchema();
    return store;
  });
});
