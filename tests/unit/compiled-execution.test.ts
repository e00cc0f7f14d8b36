// Compiled queries answer exactly as the default executor: operation names, mutations over GET, literals with variables.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { seed } from '../helpers.ts';

const TOKEN = 'compiled-execution-token-0123456789';

describe('compiled execution', () => {
  let app: ReturnType<typeof createApp>;
  let store: MemoryStore;
  beforeAll(async () => {
    store = new MemoryStore();
    await store.load(await seed());
    app = createApp({ store, config: loadConfig({ LOG_LEVEL: 'silent', API_TOKENS: TOKEN }) });
  });

  const post = async (body: Record<string, unknown>) =>
    (
      await app.fetch('http://liner.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: JSON.stringify(body),
      })
    ).json();

  it('runs the operation each request names, in a document of several', async () => {
    const query = 'query A { person(slug: "thom-russo") { name } } query B { work(slug: "bobby") { title } }';
    for (let round = 0; round < 2; round++) {
      expect(await post({ query, operationName: 'A' })).toEqual({ data: { person: { name: 'Thom Russo' } } });
      expect(await post({ query, operationName: 'B' })).toEqual({ data: { work: { title: 'Bobby' } } });
    }
  });

  it('never runs a mutation for a GET that names a query of the same document', async () => {
    const query = 'mutation M { upsertDocument(input: { slug: "written-once", title: "Once" }) { slug } } query Q { __typename }';
    expect(await post({ query, operationName: 'M' })).toEqual({ data: { upsertDocument: { slug: 'written-once' } } });
    const get = (operationName: string) =>
      app.fetch(`http://liner.test/graphql?query=${encodeURIComponent(query)}&operationName=${operationName}`, {
        headers: { 'x-liner-csrf': '1', authorization: `Bearer ${TOKEN}` },
      });
    expect(await (await get('Q')).json()).toEqual({ data: { __typename: 'Query' } });
    expect((await get('M')).status).toBe(405);
  });

  it('keeps variables inside a JSON literal', async () => {
    const documents = [{ slug: 'literal-doc', title: 'A document given through a variable' }];
    const answer = await post({
      query: `mutation I($docs: JSON!) { importDataset(dataset: { format: "liner-dataset", version: 1, documents: $docs }) {
        nodesCreated } }`,
      variables: { docs: documents },
    });
    expect(answer).toEqual({ data: { importDataset: { nodesCreated: 1 } } });
  });
});
