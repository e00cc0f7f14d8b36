// Prints the schema's SDL to schema/schema.graphql (npm run schema:print); a test fails when the file is stale.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaFile } from '../src/schema/print.ts';

const target = fileURLToPath(new URL('../schema/schema.graphql', import.meta.url));
writeFileSync(target, printSchemaFile());
console.info(`wrote ${target}`);
