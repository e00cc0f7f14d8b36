import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printDatasetJsonSchema } from '../../src/dataset/json-schema.ts';
import { printSchemaFile } from '../../src/schema/print.ts';

const committed = (file: string) => readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8');

it('schema/schema.graphql matches the schema (run `npm run schema:print` after changing it)', () => {
  expect(committed('schema.graphql')).toBe(printSchemaFile());
});

it('schema/dataset.schema.json matches the dataset format (run `npm run schema:print` after changing it)', () => {
  expect(committed('dataset.schema.json')).toBe(printDatasetJsonSchema());
  const schema = JSON.parse(committed('dataset.schema.json'));
  expect(schema.properties.credits.items.required).toEqual(['person', 'work', 'role', 'sources']);
});
