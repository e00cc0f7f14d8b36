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

  it.each([
    'javascript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
  ])('refuses the address %s for a document and an identifier, through the API and in a dataset (issue 24 #10)', async (address) => {
    const before = await store.counts();
    const response = await writer()(
      /* GraphQL */ `mutation($url: String) { upsertDocument(input: { title: "Liner notes", url: $url }) { slug } }`,
      { url: address },
      WRITER_TOKEN,
    );
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    expect(response.errors?.[0]?.message).toBe('Invalid input: input.url: must be an http or https web address (https://…).');
    expect(await store.counts()).toEqual(before);
    const dataset = {
      format: 'liner-dataset',
      version: 1,
      documents: [{ slug: 'doc', title: 'Doc', url: address }],
      people: [
        {
          slug: 'x',
          name: 'X',
          identifiers: [{ scheme: 'WIKIDATA', value: 'Q1', url: address }],
          sources: [{ document: 'doc', quote: 'q' }],
        },
      ],
    };
    expect(() => validateDataset(dataset)).toThrow(InvalidDatasetError);
    try {
      validateDataset(dataset);
    } catch (error) {
      expect(Object.fromEntries((error as InvalidDatasetError).problems.map((p) => [p.path, p.message]))).toEqual({
        'documents[0].url': 'must be an http or https web address (https://…)',
        'people[0].identifiers[0].url': 'must be an http or https web address (https://…)',
      });
    }
  });

  it('refuses a name, alias or title over 1000 characters, through the API and in a dataset (issue 24 #4)', async () => {
    const before = await store.counts();
    const long = 'a'.repeat(1001);
    const person = await writer()(
      /* GraphQL */ `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug } }`,
      { input: { slug: 'long-name', name: long, aliases: [long], source: SOURCE } },
      WRITER_TOKEN,
    );
    expect(person.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(person.errors?.[0]?.message).toBe(
      'Invalid input: input.name: must be at most 1000 characters; input.aliases.0: must be at most 1000 characters.',
    );
    const work = await writer()(
      /* GraphQL */ `mutation($input: UpsertWorkInput!) { upsertWork(input: $input) { slug } }`,
      { input: { slug: 'long-title', title: long, kind: 'ALBUM', source: SOURCE } },
      WRITER_TOKEN,
    );
    expect(work.errors?.[0]?.message).toBe('Invalid input: input.title: must be at most 1000 characters.');
    expect(await store.counts()).toEqual(before);
    expect(datasetProblems({ name: long, aliases: ['ok', long] }, { title: long })).toEqual({
      'people[0].name': 'must be at most 1000 characters',
      'people[0].aliases[1]': 'must be at most 1000 characters',
      'works[0].title': 'must be at most 1000 characters',
    });
    // 1000 is still a name.
    const longest = await writer()(
      /* GraphQL */ `mutation($input: UpsertPersonInput!) { upsertPerson(input: $input) { slug } }`,
      { input: { slug: 'longest-name', name: 'a'.repeat(1000), source: SOURCE } },
      WRITER_TOKEN,
    );
    expect(longest.errors).toBeUndefined();
  });
});
