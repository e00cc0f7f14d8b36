// The merge race contract on the real Neo4j: two stores with drivers of their own, as two Liner servers would be.
import { afterAll, beforeAll } from 'vitest';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { mergeRaceTests } from '../contract/merge-race.ts';
import { describeNeo4j, neo4jStore, seededNeo4jStore } from './neo4j-env.ts';

describeNeo4j('merges on a shared store: two servers on one Neo4j', () => {
  let a: Neo4jStore;
  let b: Neo4jStore;
  beforeAll(async () => {
    a = await seededNeo4jStore();
    b = neo4jStore();
  });
  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
  });
  mergeRaceTests(() => [a, b]);
});
