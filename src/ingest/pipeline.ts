// The one way data comes in — the seed at start, SEED_DATASET, `npm run import`, the importDataset mutation and the
// MusicBrainz importer: read (or convert) → validate → rows → store.load. Validation finishes before anything is written.
import type { Dataset } from '../dataset/format.ts';
import { readDatasetFile, validateDataset } from '../dataset/validate.ts';
import { datasetToRows, type GraphRows } from '../graph/rows.ts';
import type { GraphStore, LoadSummary } from '../graph/store.ts';

export interface IngestSummary extends LoadSummary {
  /** Rows the load found already as they are: re-importing the same data leaves everything unchanged. */
  unchanged: number;
}

/** A dataset file, validated with the documents it quotes, as graph rows. Throws InvalidDatasetError. */
export async function readDatasetRows(file: string): Promise<GraphRows> {
  return datasetToRows(await readDatasetFile(file));
}

/** A dataset given as a value (a mutation's argument, an importer's output), validated, as graph rows. */
export function datasetRows(raw: unknown): GraphRows {
  return datasetToRows(validateDataset(raw));
}

/** Rows of an already validated dataset. */
export function rowsOf(dataset: Dataset): GraphRows {
  return datasetToRows(dataset);
}

/** Load rows: all or nothing, as the store's `load` promises; answers what changed. */
export async function ingestRows(store: GraphStore, rows: GraphRows): Promise<IngestSummary> {
  const summary = await store.load(rows);
  const total = rows.nodes.length + rows.rels.length;
  return { ...summary, unchanged: total - summary.nodesCreated - summary.relationshipsCreated - summary.updated };
}

/** Read, validate and load a dataset file. */
export async function loadDatasetFile(store: GraphStore, file: string): Promise<IngestSummary> {
  return ingestRows(store, await readDatasetRows(file));
}
