import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { printSchemaFile } from '../../src/schema/print.ts';

it('schema/schema.graphql matches the schema (run `npm run schema:print` after changing it)', () => {
  const committed = readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8');
  expect(committed).toBe(printSchemaFile());
});
