// The one way data comes in — the seed at start, SEED_DATASET, `npm run import`, the importDataset mutation and the
// MusicBrainz importer: read (or convert) → validate → rows → identities resolved → store.load. Validation and
// identity resolution finish before anything is written.
import type { Dataset } from '../dataset/format.ts';
import { type ReadDatasetOptions, readDatasetFile, validateDataset } from '../dataset/validate.ts';
import { datasetToRows, type GraphRows } from '../graph/rows.ts';
import type { GraphStore, LoadSummary } from '../graph/store.ts';
import { resolveIdentities } from './resolve-identities.ts';

export interface IngestSummary extends LoadSummary {
  /** Rows the load found already as they are: re-importing the same data leaves everything unchanged. */
  unchanged: number;
  /** Incoming nodes that an identifier showed to be a node already there (in the store or earlier in the load). */
  merged: number;
  /** Conflicts recorded where two sources of one node state a property differently. */
  conflicts: number;
}

/** A dataset file, validated with the documents it quotes, as graph rows. Throws InvalidDatasetError. */
export async function readDatasetRows(file: string, options: ReadDatasetOptions = {}): Promise<GraphRows> {
  return datasetToRows(await readDatasetFile(file, options));
}

/** A dataset given as a value (a mutation's argument, an importer's output), validated, as graph rows. */
export function datasetRows(raw: unknown): GraphRows {
  return datasetToRows(validateDataset(raw));
}

/** Rows of an already validated dataset. */
export function rowsOf(dataset: Dataset): GraphRows {
  return datasetToRows(dataset);
}

/**
 * Load rows: all or nothing, as the store's `load` promises; answers what changed. Nodes sharing an identifier with
 * a stored node (or one earlier in the rows) become that node first (see resolve-identities.ts).
 */
export async function ingestRows(store: GraphStore, rows: GraphRows): Promise<IngestSummary> {
  const { merged, conflicts, ...resolved } = await resolveIdentities(store, rows);
  const summary = await store.load(resolved);
  const total = resolved.nodes.length + resolved.rels.length;
  return {
    ...summary,
    unchanged: total - summary.nodesCreated - summary.relationshipsCreated - summary.updated,
    merged,
    conflicts,
  };
}

/** Read, validate and load a dataset file. */
export async function loadDatasetFile(store: GraphStore, file: string): Promise<IngestSummary> {
  return ingestRows(store, await readDatasetRows(file));
}
