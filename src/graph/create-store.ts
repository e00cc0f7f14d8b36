// Builds the store the configuration asks for, with the seed loaded: Neo4j with NEO4J_URI, the embedded store without.
import { resolve } from 'node:path';
import type { Config } from '../config.ts';
import { readDatasetRows } from '../ingest/pipeline.ts';
import { DurableStore } from './memory/durable-store.ts';
import { MemoryStore } from './memory/memory-store.ts';
import { Neo4jStore } from './neo4j/neo4j-store.ts';
import { type GraphStore, StoreUnavailableError } from './store.ts';

export interface Startup {
  store: GraphStore;
  /** What start-up loaded, for the log. */
  notes: string[];
}

/** A Neo4j adapter on the configured database; nothing is sent to Neo4j until the first call. */
export function neo4jStoreFrom(config: Config): Neo4jStore {
  return new Neo4jStore({
    uri: config.NEO4J_URI ?? '',
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD ?? '',
    database: config.NEO4J_DATABASE,
  });
}

/** Neo4j may start after us (docker compose, a reboot): retry with a clear line each time rather than die at once. */
async function waitForNeo4j(store: Neo4jStore, config: Config, warn: (message: string) => void): Promise<void> {
  const giveUpAt = Date.now() + config.NEO4J_STARTUP_TIMEOUT_MS;
  for (let attempt = 1; ; attempt++) {
    try {
      await store.applySchema();
      return;
    } catch (error) {
      const delay = Math.min(500 * 2 ** (attempt - 1), 5_000);
      if (!(error instanceof StoreUnavailableError) || Date.now() + delay > giveUpAt) {
        await store.close();
        throw error;
      }
      warn(
        `liner: Neo4j at ${config.NEO4J_URI} is not answering yet (attempt ${attempt}); retrying in ${delay} ms: ${error.message}`,
      );
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

export async function createStore(config: Config, warn: (message: string) => void = console.warn): Promise<Startup> {
  const notes: string[] = [];
  const seed = async () => {
    const rows = await readDatasetRows(config.SEED_DATASET);
    notes.push(`seed ${config.SEED_DATASET}: ${rows.nodes.length} nodes, ${rows.rels.length} relationships`);
    return rows;
  };
  if (!config.NEO4J_URI) {
    if (config.DATA_DIR === 'off') {
      const store = new MemoryStore();
      if (config.LOAD_SEED) await store.load(await seed());
      notes.push('DATA_DIR=off: writes last until the process ends');
      return { store, notes };
    }
    // The seed is read only when the database is new: afterwards the database is the data.
    const opened = await DurableStore.open({ dir: resolve(config.DATA_DIR), seed: config.LOAD_SEED ? seed : undefined });
    return { store: opened.store, notes: [...notes, ...opened.notes] };
  }
  const store = neo4jStoreFrom(config);
  await waitForNeo4j(store, config, warn);
  if (config.LOAD_SEED && (await store.isEmpty())) {
    const summary = await store.load(await seed());
    notes.push(`loaded into the empty database: ${summary.nodesCreated} nodes, ${summary.relationshipsCreated} relationships`);
  }
  return { store, notes };
}
