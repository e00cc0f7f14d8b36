// Loads a dataset file into a store: validate everything first, then write it all or nothing.
import { datasetToRows } from '../graph/rows.ts';
import type { GraphStore, LoadSummary } from '../graph/store.ts';
import { readDatasetFile } from './validate.ts';

export async function loadDatasetFile(store: GraphStore, file: string): Promise<LoadSummary> {
  const dataset = await readDatasetFile(file);
  return store.load(datasetToRows(dataset));
}
