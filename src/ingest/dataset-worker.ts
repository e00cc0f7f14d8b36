// Runs in a worker thread (dataset-pool.ts): a dataset's validation and conversion to rows, off the event loop.
import { InvalidDatasetError } from '../dataset/validate.ts';
import { datasetRows } from './pipeline.ts';

export type DatasetTaskResult =
  | { ok: true; rows: string }
  | { ok: false; message: string; problems: InvalidDatasetError['problems'] };

/** `json` is the dataset as JSON text; the rows go back as JSON text too, which crosses threads cheaper than objects. */
export default function validateAndConvert({ json }: { json: string }): DatasetTaskResult {
  try {
    return { ok: true, rows: JSON.stringify(datasetRows(JSON.parse(json))) };
  } catch (error) {
    if (error instanceof InvalidDatasetError) return { ok: false, message: error.message, problems: error.problems };
    throw error;
  }
}
