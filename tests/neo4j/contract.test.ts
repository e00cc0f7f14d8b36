// The contract suite on the real Neo4j, and proof that both stores give identical answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import type { Neo4jStore } from '../../src/graph/neo4j/neo4j-store.ts';
import { CATALOGUE_OPERATIONS, catalogue, catalogueTests } from '../contract/catalogue.ts';
import { AGREEMENT_OPERATIONS, contractTests } from '../contract/contract.ts';
import { QUESTION_OPERATIONS, questionTests } from '../contract/questions.ts';
import { countingStore, graphqlClient, seed } from '../helpers.ts';
import { describeNeo4j, seededNeo4jStore } from './neo4j-env.ts';

describeNeo4j('contract: Neo4j', () => {
  let store: Neo4jStore;
  const memory = new MemoryStore();
  beforeAll(async () => {
    store = await seededNeo4jStore();
    await store.load(await catalogue());
    await memory.load(await seed());
    await memory.load(await catalogue());
  });
  afterAll(async () => {
    await store.close();
  });

  contractTests(() => store);
  catalogueTests(() => store);
  questionTests(() => store);

  describe('both stores agree', () => {
    const operations = { ...AGREEMENT_OPERATIONS, ...CATALOGUE_OPERATIONS, ...QUESTION_OPERATIONS };
    it.each(Object.keys(operations))('%s', async (name) => {
      const operation = operations[name] as string;
      const fromNeo4j = await graphqlClient(store)(operation);
      const fromMemory = await graphqlClient(memory)(operation);
      expect(fromNeo4j.errors).toBeUndefined();
      expect(Object.keys(fromNeo4j.data).length).toBeGreaterThan(0);
      expect(fromNeo4j).toEqual(fromMemory);
    });
  });

  it('makes one Neo4j statement for the planned levels of a nested query, one per level after', async () => {
    const { store: counted, calls } = countingStore(store);
    // The cost limit would refuse these wide pages; batching is under test here, not limits.
    const response = await graphqlClient(
      counted,
      loadConfig({ LOG_LEVEL: 'silent', MAX_COST: '100000000' }),
    )(
      /* GraphQL */ `{ people(first: 50) { edges { node { credits(first: 50) { edges { node {
        work { credits { person { awards { award { name } } } } } } } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
    // People, their credits, the works and their credits in one read plan; the awards (not planned) by their loaders.
    expect(Object.fromEntries(calls)).toEqual({
      runPlan: 1,
      'hops:awardWinsOfPerson': 1,
      nodesBySlug: 1,
    });
  });
});
