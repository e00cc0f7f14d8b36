// A mutation's input is checked by the dataset format's own field checks (src/dataset/format.ts): the same rule and
// the same words for a bad slug, date, year or citation, whether it comes through the API or in a dataset file.
import { beforeAll, describe, expect, it } from 'vitest';
import { InvalidDatasetError, validateDataset } from '../../src/dataset/validate.ts';
import { MemoryStore } from '../../src/graph/memory/memory-store.ts';
import { WRITER_TOKEN, writeConfig } from '../contract/writes.ts';
import { graphqlClient, seed } from '../helpers.ts';

const SOURCE = { document: 'thom-russo-article', citations: ['1'], quote: 'Thom Russo is an American record producer' };

/** Every problem the dataset validation finds in one person and one work, by path. */
function datasetProblems(person: Record<string, unknown>, work: Record<string, unknown>): Record<string, string> {
  const dataset = {
    format: 'liner-dataset',
    version: 1,
    documents: [{ slug: 'doc', title: 'Doc' }],
    people: [{ slug: 'x', name: 'X', sources: [{ document: 'doc', quote: 'q' }], ...person }],
    works: [{ slug: 'w', title: 'W', kind: 'ALBUM', sources: [{ document: 'doc', quote: 'q' }], ...work }],
  };
  try {
    validateDataset(dataset);
  } catch (error) {
    if (error instanceof InvalidDatasetError) return Object.fromEntries(error.problems.map((p) => [p.path, p.message]));
    throw error;
  }
  throw new Error('the dataset was valid');
}

describe('mutation input checks', () => {
  const store = new MemoryStore();
  const writer = () => graphqlClient(store, writeConfig);
  beforeAll(async () => {
    await store.load(await seed());
  });

  it('names every bad field of an input in one BAD_USER_INPUT, in the words the dataset validation uses', async () => {
    const response = await writer()(
      /* GraphQL */ `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug } }`,
      {
        input: {
          slug: 'Not A Slug',
          name: '  ',
          aliases: [''],
          birthDate: '31/12/1969',
          source: { document: 'thom-russo-article', citations: ['[1]'], quote: 'Thom Russo' },
        },
      },
      WRITER_TOKEN,
    );
    const [error] = response.errors ?? [];
    expect(error?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error?.message).toBe(
      'Invalid input: input.slug: a slug is lowercase letters and digits joined by single hyphens; ' +
        'input.name: must not be blank; input.aliases.0: must not be blank; input.birthDate: a date is YYYY-MM-DD; ' +
        'input.source.citations.0: a citation is the number inside the brackets.',
    );
    const inDataset = datasetProblems(
      { slug: 'Not A Slug', sources: [{ document: 'doc', citations: ['[1]'], quote: 'q' }] },
      { year: 12345 },
    );
    expect(inDataset).toMatchObject({
      'people[0].slug': 'a slug is lowercase letters and digits joined by single hyphens',
      'people[0].sources[0].citations[0]': 'a citation is the number inside the brackets',
      'works[0].year': 'a year is from 1000 to 2999',
    });
  });

  it('refuses a year out of range and a blank quote as the dataset would, writing nothing', async () => {
    const before = await store.counts();
    const response = await writer()(
      /* GraphQL */ `mutation($input: UpsertWorkInput!) { upsertWork(input: $input) { slug } }`,
      { input: { title: 'Future', kind: 'ALBUM', year: 12345, source: { ...SOURCE, quote: ' ' } } },
      WRITER_TOKEN,
    );
    expect(response.errors?.[0]?.message).toBe(
      'Invalid input: input.year: a year is from 1000 to 2999; input.source.quote: must not be blank.',
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ field: 'input.year' });
    expect(await store.counts()).toEqual(before);
  });
});
