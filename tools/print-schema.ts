// Prints schema/schema.graphql (the API's SDL) and schema/dataset.schema.json (the import format) from the code;
// run after changing either (npm run schema:print). A test fails while either file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printDatasetJsonSchema } from '../src/dataset/json-schema.ts';
import { printSchemaFile } from '../src/schema/print.ts';

for (const [file, text] of [
  ['schema.graphql', printSchemaFile()],
  ['dataset.schema.json', printDatasetJsonSchema()],
] as const) {
  const target = fileURLToPath(new URL(`../schema/${file}`, import.meta.url));
  writeFileSync(target, text);
  console.info(`wrote ${target}`);
}
