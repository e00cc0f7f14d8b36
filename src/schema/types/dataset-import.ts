// importDataset: a whole dataset in the liner-dataset format, through the same pipeline as `npm run import`.
import { GraphQLError } from 'graphql';
import type { Context } from '../../context.ts';
import { InvalidDatasetError } from '../../dataset/validate.ts';
import type { GraphRows } from '../../graph/rows.ts';
import { DeadlineExceededError } from '../../graph/store.ts';
import { DatasetPoolBusyError, DatasetTooLargeError } from '../../ingest/dataset-pool.ts';
import { ingestRows } from '../../ingest/pipeline.ts';
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

/**
 * The dataset's rows, validated and converted in the import worker (a dataset of megabytes is a second of work that
 * would hold every other client), or BAD_USER_INPUT with every problem found, or TIMEOUT at the deadline.
 */
async function validatedRows(dataset: unknown, ctx: Context): Promise<GraphRows> {
  try {
    return await ctx.imports.rows(dataset, ctx.deadline.signal);
  } catch (error) {
    if (error instanceof InvalidDatasetError)
      throw new GraphQLError(error.message, {
        extensions: { code: 'BAD_USER_INPUT', field: 'dataset', problems: error.problems },
      });
    if (error instanceof DatasetTooLargeError)
      throw new GraphQLError(`${error.message}; import it with \`npm run import FILE\` instead.`, {
        extensions: { code: 'BAD_USER_INPUT', field: 'dataset' },
      });
    if (error instanceof DatasetPoolBusyError)
      throw new GraphQLError('Other imports are running; try again shortly.', { extensions: { code: 'BUSY' } });
    if (ctx.deadline.signal.aborted) throw new DeadlineExceededError('deadline passed', { cause: error });
    throw error;
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
      const rows = await validatedRows(args.dataset, ctx);
      // Nothing is written once the deadline has passed: the client has its TIMEOUT and must not find half a story.
      if (Date.now() > ctx.deadline.at) throw new DeadlineExceededError('deadline passed before the import was written');
      const summary = await ingestRows(ctx.store, rows).catch((error: unknown) => {
        if (!(error instanceof IdentityConflictError)) throw error;
        throw new GraphQLError(error.message, { extensions: { code: 'BAD_USER_INPUT', field: 'dataset' } });
      });
      ctx.loaders.clearAll();
      return summary;
    },
  }),
);
