// The per-request context: the store, fresh loaders, and the configuration resolvers need.
import type { Config } from './config.ts';
import type { GraphStore } from './graph/store.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  config: Config;
}

export function createContext(store: GraphStore, config: Config): Context {
  return { store, loaders: createLoaders(store), config };
}
