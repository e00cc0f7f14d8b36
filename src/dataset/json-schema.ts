// The dataset format as a JSON Schema, for editors and other languages; printed to schema/dataset.schema.json.
import { z } from 'zod';
import { DATASET_VERSION, datasetSchema } from './format.ts';

export function printDatasetJsonSchema(): string {
  const schema = z.toJSONSchema(datasetSchema, { io: 'input', target: 'draft-2020-12' });
  const titled = { ...schema, title: `Liner dataset, version ${DATASET_VERSION}` };
  return `${JSON.stringify(titled, null, 2)}\n`;
}
