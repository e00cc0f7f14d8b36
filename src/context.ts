// The per-request context: the store, fresh loaders, who is calling, and the configuration resolvers need.
import type { Authentication } from './auth.ts';
import type { Config } from './config.ts';
import type { Deadline, GraphStore } from './graph/store.ts';
import type { DuplicateFinder } from './identity/duplicate-finder.ts';
import type { DatasetPool } from './ingest/dataset-pool.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  config: Config;
  auth: Authentication;
  /** When this request must end: work done above the store (a shared computation) is awaited only until then. */
  deadline: Deadline;
  duplicates: DuplicateFinder;
  /** importDataset's worker thread. */
  imports: DatasetPool;
}

export function createContext(
  store: GraphStore,
  config: Config,
  auth: Authentication,
  shared: { deadline: Deadline; duplicates: DuplicateFinder; imports: DatasetPool },
): Context {
  return { store, loaders: createLoaders(store), config, auth, ...shared };
}
