// Proves the API costs one store call per level of a query, never one per row.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { countingStore, graphqlClient, seed } from '../helpers.ts';

const NESTED = /* GraphQL */ `
  query Nested($first: Int) {
    people(first: $first) {
      edges { node { name
        credits(first: $first) { edges { node { role
          work { title
            credits { role
              person { name
                awards { year award { name } }
              }
            }
          }
        } } }
      } }
    }
  }
`;

// The cost limit would refuse the widest pages; batching is what is under test here, not limits.
const unlimited = loadConfig({ LOG_LEVEL: 'silent', MAX_COST: '100000000' });

describe('store calls per level', () => {
  const base = new MemoryStore();
  beforeAll(async () => {
    await base.load(await seed());
  });

  it.each([2, 5, 50])('people → credits → work → credits → person → awards with pages of %i', async (first) => {
    const { store, calls } = countingStore(base);
    const response = await graphqlClient(store, unlimited)(NESTED, { first });
    expect(response.errors).toBeUndefined();
    // The answer is really nested and wide: more rows than calls by far.
    expect(JSON.stringify(response.data).match(/"role"/g)?.length ?? 0).toBeGreaterThan(first);
    expect(Object.fromEntries(calls)).toEqual({
      listPeople: 1,
      creditsOfPeople: 1,
      creditsOfWorks: 1,
      'hops:awardWinsOfPerson': 1,
      nodesBySlug: 1,
    });
  });
});
