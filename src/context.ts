// The per-request context: the store, fresh loaders, who is calling, and the configuration resolvers need.
import type { Authentication } from './auth.ts';
import type { Config } from './config.ts';
import type { GraphStore } from './graph/store.ts';
import { createLoaders, type Loaders } from './loaders.ts';

export interface Context {
  store: GraphStore;
  loaders: Loaders;
  config: Config;
  auth: Authentication;
}

export function createContext(store: GraphStore, config: Config, auth: Authentication): Context {
  return { store, loaders: createLoaders(store), config, auth };
}
