// importDataset: a whole dataset in the liner-dataset format, through the same pipeline as `npm run import`.
import { GraphQLError } from 'graphql';
import { InvalidDatasetError } from '../../dataset/validate.ts';
import { datasetRows, ingestRows } from '../../ingest/pipeline.ts';
import { IdentityConflictError } from '../../ingest/resolve-identities.ts';
import { builder } from '../builder.ts';

const JSONScalar = builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

const ImportSummary = builder.objectRef<{
  nodesCreated: number;
  relationshipsCreated: number;
  updated: number;
  unchanged: number;
}>('ImportSummary');
builder.objectType(ImportSummary, {
  fields: (t) => ({
    nodesCreated: t.exposeInt('nodesCreated'),
    relationshipsCreated: t.exposeInt('relationshipsCreated'),
    updated: t.exposeInt('updated'),
    unchanged: t.exposeInt('unchanged'),
  }),
});

/** The dataset's rows, or BAD_USER_INPUT with every problem the validation found. */
function validatedRows(dataset: unknown): ReturnType<typeof datasetRows> {
  try {
    return datasetRows(dataset);
  } catch (error) {
    if (!(error instanceof InvalidDatasetError)) throw error;
    throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'dataset', problems: error.problems } });
  }
}

builder.mutationField('importDataset', (t) =>
  t.field({
    type: ImportSummary,
    description:
      'Import a dataset in the liner-dataset format (docs/dataset-format.md) in one transaction. Problems come back ' +
      'together as BAD_USER_INPUT with extensions.problems [{ path, message }]; nothing is written then.',
    args: { dataset: t.arg({ type: JSONScalar, required: true }) },
    resolve: async (_root, args, ctx) => {
      const rows = validatedRows(args.dataset);
      const summary = await ingestRows(ctx.store, rows).catch((error: unknown) => {
        if (!(error instanceof IdentityConflictError)) throw error;
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'dataset' } });
      });
      ctx.loaders.clearAll();
      return summary;
    },
  }),
);
